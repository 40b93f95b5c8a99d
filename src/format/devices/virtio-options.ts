/** virDomainVirtioOptionsFormat: the virtio switches of a device's <driver>. */
import type { VirtioOptions } from '../../model/virtio.js';
import { onOff } from '../values.js';
import type { Attr } from '../xml-writer.js';

export function virtioOptionAttrs(o: VirtioOptions | undefined): Attr[] {
  if (!o) return [];
  return [
    ['iommu', onOff(o.iommu)],
    ['ats', onOff(o.ats)],
    ['packed', onOff(o.packed)],
    ['page_per_vq', onOff(o.page_per_vq)],
  ];
}
