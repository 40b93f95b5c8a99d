/**
 * <rng>: placeholder until the families branch lands.
 * It is replaced by the families branch at merge.
 */
import { unsupported } from '../../errors.js';
import type { Rng } from '../../model/rng.js';
import type { DeviceFormatter } from '../context.js';

export const formatRng: DeviceFormatter<Rng> = () => {
  throw unsupported('format.rng', "teamctl xml2xml cannot format <rng> yet");
};
