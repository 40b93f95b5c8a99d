/**
 * <graphics>: placeholder until the families branch lands.
 * It is replaced by the families branch at merge.
 */
import { unsupported } from '../../errors.js';
import type { Graphics } from '../../model/graphics.js';
import type { DeviceFormatter } from '../context.js';

export const formatGraphics: DeviceFormatter<Graphics> = () => {
  throw unsupported('format.graphics', "teamctl xml2xml cannot format <graphics> yet");
};
