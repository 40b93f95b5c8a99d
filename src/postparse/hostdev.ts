/**
 * Host device post-parse: libvirt's virDomainHostdevDefPostParse address rule
 * for mediated devices and qemuDomainHostdevDefMdevPostParse's display default.
 */
import { xmlError } from '../errors.js';
import type { Domain } from '../model/domain.js';

export function hostdevDefaults(d: Domain): void {
  for (const h of d.devices.hostdevs) {
    if (h.type !== 'mdev') continue;
    const t = h.info.address?.type;
    // vfio-ccw needs a ccw address, which teamctl never parses on x86.
    if (t !== undefined && ((h.model === 'vfio-pci' && t !== 'pci') || h.model === 'vfio-ccw')) {
      throw xmlError('postparse.mdev-address', `Unsupported address type '${t}' with mediated device model '${h.model}'`);
    }
    // QEMU's own default for a vfio-pci display has changed before; libvirt pins it off.
    if (h.model === 'vfio-pci') h.display ??= false;
  }
}
