/**
 * What libvirt's formatter does not write back although the domain holds it:
 * the stored definition (and so every later start from it) loses these. The
 * formatter reproduces libvirt; these notes make the loss visible.
 */
import type { Domain } from '../model/domain.js';

export function formatLosses(d: Domain): string[] {
  const notes: string[] = [];
  d.devices.interfaces.forEach((n, i) => {
    if (n.type === 'hostdev' && n.driver?.name !== undefined) {
      notes.push(`<driver name='${n.driver.name}'> of interface ${i + 1} is not written back: libvirt's formatted XML leaves it out for type='hostdev' interfaces`);
    }
  });
  for (const disk of d.devices.disks) {
    if (disk.target.removable !== undefined && disk.target.bus !== 'usb') {
      notes.push(
        `removable='${disk.target.removable ? 'on' : 'off'}' of disk '${disk.target.dev}' is not written back: libvirt writes it only for USB disks, so a domain started from this definition loses it`,
      );
    }
  }
  return notes;
}
