/**
 * <disk>: placeholder until the families branch lands.
 * It is replaced by the families branch at merge.
 */
import { unsupported } from '../../errors.js';
import type { Disk } from '../../model/devices.js';
import type { DeviceFormatter } from '../context.js';

export const formatDisk: DeviceFormatter<Disk> = () => {
  throw unsupported('format.disk', "teamctl xml2xml cannot format <disk> yet");
};
