/** libvirt's virDomainVirtioOptions: the on/off switches of a virtio device's <driver>. */
export interface VirtioOptions {
  iommu?: boolean;
  ats?: boolean;
  packed?: boolean;
  page_per_vq?: boolean;
}
