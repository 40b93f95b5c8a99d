/** The virtio option properties qemuBuildVirtioDevProps adds right after the driver name. */
import type { VirtioOptions } from '../model/virtio.js';
import { Props } from '../render/props.js';

export function virtioOptionProps(o: VirtioOptions | undefined): Props {
  return new Props()
    .tristate('iommu_platform', o?.iommu)
    .tristate('ats', o?.ats)
    .tristate('packed', o?.packed)
    .tristate('page-per-vq', o?.page_per_vq);
}
