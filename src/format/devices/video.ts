/**
 * <video>: placeholder until the families branch lands.
 * It is replaced by the families branch at merge.
 */
import { unsupported } from '../../errors.js';
import type { Video } from '../../model/video.js';
import type { DeviceFormatter } from '../context.js';

export const formatVideo: DeviceFormatter<Video> = () => {
  throw unsupported('format.video', "teamctl xml2xml cannot format <video> yet");
};
