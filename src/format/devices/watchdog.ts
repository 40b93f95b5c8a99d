/**
 * <watchdog>: placeholder until the families branch lands.
 * It is replaced by the families branch at merge.
 */
import { unsupported } from '../../errors.js';
import type { Watchdog } from '../../model/devices.js';
import type { DeviceFormatter } from '../context.js';

export const formatWatchdog: DeviceFormatter<Watchdog> = () => {
  throw unsupported('format.watchdog', "teamctl xml2xml cannot format <watchdog> yet");
};
