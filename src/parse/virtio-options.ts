/** libvirt's virDomainVirtioOptionsParseXML. */
import type { VirtioOptions } from '../model/virtio.js';
import type { El } from './xml.js';

export function parseVirtioOptions(driver: El): VirtioOptions {
  const o: VirtioOptions = {};
  for (const key of ['iommu', 'ats', 'packed', 'page_per_vq'] as const) {
    const v = driver.onOffAttr(key);
    if (v !== undefined) o[key] = v;
  }
  return o;
}
