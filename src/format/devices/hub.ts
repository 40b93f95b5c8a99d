/**
 * <hub>: placeholder until the families branch lands.
 * It is replaced by the families branch at merge.
 */
import { unsupported } from '../../errors.js';
import type { Hub } from '../../model/devices.js';
import type { DeviceFormatter } from '../context.js';

export const formatHub: DeviceFormatter<Hub> = () => {
  throw unsupported('format.hub', "teamctl xml2xml cannot format <hub> yet");
};
