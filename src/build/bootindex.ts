/**
 * The bootindex libvirt passes to each device (qemuProcessPrepareDeviceBootorder
 * for <os><boot dev=…>, or the device's own <boot order=…>).
 */
import type { Interface } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import type { ActualNet } from '../postparse/network.js';

export function effectiveBootIndexes(d: Domain, actual: ReadonlyMap<Interface, ActualNet>): Map<object, number> {
  const out = new Map<object, number>();
  for (const x of [...d.devices.disks, ...d.devices.interfaces, ...d.devices.hostdevs]) {
    if (x.info.bootOrder !== undefined) out.set(x, x.info.bootOrder);
  }
  const boot = d.os.boot;
  if (boot.length === 0) return out;
  let cd = 0;
  let fd = 0;
  let hd = 0;
  let network = 0;
  boot.forEach((dev, i) => {
    if (dev === 'cdrom') cd = i + 1;
    else if (dev === 'fd') fd = i + 1;
    else if (dev === 'hd') hd = i + 1;
    else network = i + 1;
  });
  for (const disk of d.devices.disks) {
    if (disk.device === 'cdrom') {
      if (cd) out.set(disk, cd);
      cd = 0;
    } else if (disk.device === 'floppy') {
      if (fd) out.set(disk, fd);
      fd = 0;
    } else {
      if (hd) out.set(disk, hd);
      hd = 0;
    }
  }
  const first = d.devices.interfaces[0];
  if (first && network > 0) {
    const isHostdev = first.type === 'hostdev' || (first.type === 'network' && actual.get(first)?.type === 'hostdev');
    if (!isHostdev) {
      out.set(first, network);
    } else {
      // The first interface-backed host device gets it.
      const target = d.devices.interfaces.find((n) => n.type === 'hostdev' && n.info.address?.type !== 'unassigned');
      if (target) out.set(target, network);
    }
  }
  return out;
}
