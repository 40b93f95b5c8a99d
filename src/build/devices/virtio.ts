/** What every virtio PCI device shares (qemuBuildVirtioDevGetConfig, qemuBuildVirtioDevProps). */
import type { Caps } from '../../caps/caps.js';
import { internalError, unsupported } from '../../errors.js';
import type { DeviceInfo } from '../../model/address.js';
import type { VirtioOptions } from '../../model/virtio.js';
import { virtioOptionProps } from '../virtio-options.js';
import { Props } from '../../render/props.js';

/**
 * `BASE-pci`, or its (non-)transitional variant. Without transitional
 * devices in QEMU a transitional model stays the plain device, which the
 * PCI address assignment already put in a conventional PCI slot.
 */
export function virtioPciDriver(base: string, model: string | undefined, info: DeviceInfo, caps: Caps): string {
  if (info.address?.type !== 'pci') {
    throw internalError('build.virtio-address', `Unexpected address type for '${base}'`);
  }
  const name = `${base}-pci`;
  const transitional = caps.has('virtio-pci-non-transitional');
  if (model === 'virtio-transitional') return transitional ? `${name}-transitional` : name;
  if (model === 'virtio-non-transitional') {
    if (!transitional) throw unsupported('build.virtio-non-transitional', 'virtio non-transitional model not supported for this qemu');
    return `${name}-non-transitional`;
  }
  return name;
}

/** The driver and the virtio <driver> options, the first properties of every virtio device. */
export function virtioDeviceProps(driver: string, o: VirtioOptions | undefined): Props {
  return Props.of('driver', driver).extend(virtioOptionProps(o));
}
