import { builtinCaps } from '../src/caps/table.js';
import type { DriveAddress } from '../src/model/address.js';
import { parseDomainXml } from '../src/parse/domain.js';
import { postParse } from '../src/postparse/index.js';

const caps = builtinCaps('latest');

function addresses(machine: string, disks: string): Map<string, DriveAddress | undefined> {
  const xml = `<domain type='qemu'><name>t</name><uuid>6a1d2c3e-0000-4d8e-9f21-5c6b7a8d9e00</uuid><memory>1048576</memory>
    <os><type arch='x86_64' machine='${machine}'>hvm</type></os><devices>${disks}<memballoon model='none'/></devices></domain>`;
  const d = postParse(parseDomainXml(xml).domain, caps);
  return new Map(d.devices.disks.map((x) => [x.target.dev, x.info.address?.type === 'drive' ? x.info.address : undefined]));
}

const drive = (controller: number, bus: number, unit: number) => ({ type: 'drive', controller, bus, target: 0, unit });

describe('virDomainDiskDefAssignAddress', () => {
  it('maps IDE targets to 2 units on 2 buses per controller', () => {
    const a = addresses('pc', "<disk type='file' device='disk'><source file='/x'/><target dev='hdd'/></disk>");
    expect(a.get('hdd')).toEqual(drive(0, 1, 1));
  });

  it('maps SATA targets to 6 units per controller and adds the controllers they need', () => {
    const xml = "<disk type='file' device='disk'><source file='/x'/><target dev='sdh' bus='sata'/></disk>";
    expect(addresses('q35', xml).get('sdh')).toEqual(drive(1, 0, 1));
  });

  it('maps SCSI targets to 7 units per controller (narrow bus)', () => {
    const xml = "<disk type='file' device='disk'><source file='/x'/><target dev='sdi'/></disk>";
    expect(addresses('pc', xml).get('sdi')).toEqual(drive(1, 0, 1));
  });

  it('maps floppies to 2 units per controller', () => {
    const xml = "<disk type='file' device='floppy'><source file='/x'/><target dev='fdb'/></disk>";
    expect(addresses('pc', xml).get('fdb')).toEqual(drive(0, 0, 1));
  });

  it('leaves virtio disks to PCI assignment', () => {
    const xml = "<disk type='file' device='disk'><source file='/x'/><target dev='vda'/></disk>";
    expect(addresses('pc', xml).get('vda')).toBeUndefined();
  });

  it('refuses a target that is not a disk name, whatever the bus', () => {
    const xml = "<disk type='file' device='disk'><source file='/x'/><target dev='hdaxxxxxxxxxx' bus='virtio'/></disk>";
    expect(() => addresses('pc', xml)).toThrow("Unknown disk name 'hdaxxxxxxxxxx' and no address specified");
  });
});
