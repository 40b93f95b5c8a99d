/** <rng>: libvirt's virDomainRNGDef. */
import type { DeviceInfo } from './address.js';
import type { ChrSource } from './chardev.js';

export const RNG_MODELS = ['virtio', 'virtio-transitional', 'virtio-non-transitional'] as const;
export type RngModel = (typeof RNG_MODELS)[number];

/** <driver iommu= ats= packed= page_per_vq=/> of virtio devices (libvirt's virDomainVirtioOptions). */
export interface VirtioOptions {
  iommu?: boolean;
  ats?: boolean;
  packed?: boolean;
  page_per_vq?: boolean;
}

export type RngBackend =
  /** <backend model='random'>FILE</backend>; the file defaults to /dev/random. */
  | { model: 'random'; file?: string }
  /** <backend model='egd' type='…'> with a character device source. */
  | { model: 'egd'; source: ChrSource }
  | { model: 'builtin' };

export interface Rng {
  model: RngModel;
  backend: RngBackend;
  /** <rate bytes='N' period='MS'/>. */
  rate?: { bytes: number; period?: number };
  driver?: VirtioOptions;
  info: DeviceInfo;
}
