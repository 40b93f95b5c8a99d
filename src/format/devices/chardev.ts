/**
 * <serial>, <parallel>, <console> and <channel>: placeholder until the families branch lands.
 * It is replaced by the families branch at merge.
 */
import { unsupported } from '../../errors.js';
import type { ChrDef } from '../../model/chardev.js';
import type { DeviceFormatter } from '../context.js';

export const formatChardev: DeviceFormatter<ChrDef> = (_w, dev) => {
  throw unsupported('format.chardev', `teamctl xml2xml cannot format <${dev.deviceType}> yet`);
};
