import { diskNameParse, diskNameToIndex } from '../src/postparse/disk-names.js';

describe('virDiskNameParse', () => {
  it.each([
    ['hda', 0],
    ['sdz', 25],
    ['vdaa', 26],
    ['vdaz', 51],
    ['vdba', 52],
    ['xvdb', 1],
    ['fdb', 1],
  ])('%s is disk %d', (name, index) => {
    expect(diskNameToIndex(name)).toBe(index);
    expect(diskNameParse(name)).toEqual({ index, partition: 0 });
  });

  it('reads a partition number', () => {
    expect(diskNameParse('sda3')).toEqual({ index: 0, partition: 3 });
    expect(diskNameToIndex('sda3')).toBe(0);
  });

  it('refuses a partition number with a leading zero but still gives the index', () => {
    expect(diskNameParse('sda03')).toBeUndefined();
    expect(diskNameToIndex('sda03')).toBe(0);
  });

  it.each(['hd', 'nvme0n1', 'sdA', 'sda1x', 'hdaxxxxxxxxxx'])('%s is not a disk name', (name) => {
    expect(diskNameToIndex(name)).toBe(-1);
    expect(diskNameParse(name)).toBeUndefined();
  });
});
