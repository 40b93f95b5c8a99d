/** libvirt's virDomainVirtioOptionsFormat: the on/off switches of a virtio device's <driver>. */
import type { VirtioOptions } from '../../model/virtio.js';
import type { Attr } from '../xml-writer.js';

const onOff = (b: boolean | undefined): string | undefined => (b === undefined ? undefined : b ? 'on' : 'off');

export function virtioOptionAttrs(o: VirtioOptions | undefined): Attr[] {
  if (!o) return [];
  return [
    ['iommu', onOff(o.iommu)],
    ['ats', onOff(o.ats)],
    ['packed', onOff(o.packed)],
    ['page_per_vq', onOff(o.page_per_vq)],
  ];
}
