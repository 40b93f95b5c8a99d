/** <audio>: libvirt's virDomainAudioDefFormat (teamctl models type='none' only, which has no settings). */
import type { Audio } from '../../model/devices.js';
import type { DeviceFormatter } from '../context.js';

export const formatAudio: DeviceFormatter<Audio> = (w, a) => {
  w.element('audio', [
    ['id', a.id],
    ['type', a.type],
  ]);
};
