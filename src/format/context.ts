/** What every formatter gets besides its device. */
import type { Domain } from '../model/domain.js';

export interface FormatContext {
  readonly domain: Domain;
}

/**
 * Each device family's formatter: writes one device element (e.g. `<disk>`)
 * at the writer's current level, in libvirt's element and attribute order.
 */
export type DeviceFormatter<T> = (w: import('./xml-writer.js').XmlWriter, dev: T, ctx: FormatContext) => void;
