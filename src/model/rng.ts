/** <rng>: libvirt's virDomainRNGDef. */
import type { DeviceInfo } from './address.js';
import type { ChrSource } from './chardev.js';
import type { VirtioOptions } from './virtio.js';

export const RNG_MODELS = ['virtio', 'virtio-transitional', 'virtio-non-transitional'] as const;
export type RngModel = (typeof RNG_MODELS)[number];


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
