import type { Disk } from '../src/model/devices.js';
import { insertDisk } from '../src/parse/devices/disk.js';

function disk(dev: string, bus?: Disk['target']['bus']): Disk {
  return { type: 'file', device: 'disk', target: { dev, ...(bus !== undefined ? { bus } : {}) }, info: {} };
}

function order(disks: Disk[]): string[] {
  const list: Disk[] = [];
  for (const d of disks) insertDisk(list, d);
  return list.map((d) => d.target.dev);
}

describe('virDomainDiskInsert', () => {
  it('keeps disks of one bus in target order, buses in order of first appearance', () => {
    expect(order([disk('hdc', 'ide'), disk('vdb', 'virtio'), disk('hda', 'ide'), disk('vda', 'virtio')])).toEqual(['hda', 'hdc', 'vda', 'vdb']);
  });

  it('compares the bus as written, so a disk without bus= is its own group', () => {
    expect(order([disk('hda', 'ide'), disk('hdd'), disk('hdb', 'ide')])).toEqual(['hda', 'hdb', 'hdd']);
  });

  it('puts a disk after an equal-index disk of the same bus', () => {
    expect(order([disk('sda', 'scsi'), disk('sda', 'scsi')]).length).toBe(2);
  });
});
