/**
 * <sound> and <audio> rules with libvirt's messages: virDomainSoundDefValidate,
 * virDomainAudioDefValidate (generic), qemuValidateDomainDeviceDefSound and
 * qemuValidateDomainDeviceDefAudio (QEMU).
 */
import type { Caps } from '../caps/caps.js';
import { internalError, unsupported, xmlError } from '../errors.js';
import type { Audio, Sound, SoundCodecType } from '../model/devices.js';
import type { Domain } from '../model/domain.js';

/** virDomainEnsureAudioID: a device's <audio id> must name one of the domain's backends. */
export function ensureAudioId(d: Domain, id: number | undefined): void {
  if (id === undefined || id === 0) return;
  if (!d.devices.audios.some((a) => a.id === id)) throw xmlError('audio.id-missing', `no audio device with ID ${id}`);
}

/** virDomainSoundDefValidate. */
export function validateSoundGeneric(s: Sound, d: Domain): void {
  ensureAudioId(d, s.audioId);
}

const CODEC_DEVICES: Record<SoundCodecType, string> = {
  duplex: 'hda-duplex',
  micro: 'hda-micro',
  output: 'hda-output',
};

/** qemuValidateDomainDeviceDefSound. */
export function validateSoundQemu(s: Sound, caps: Caps): void {
  switch (s.model) {
    case 'usb':
      if (!caps.has('usb-audio')) throw unsupported('sound.usb', 'usb-audio controller is not supported by this QEMU binary');
      break;
    case 'ich9':
      if (!caps.has('ich9-intel-hda')) {
        throw unsupported('sound.ich9', 'The ich9-intel-hda audio controller is not supported in this QEMU binary');
      }
      break;
    case 'virtio':
      if (!caps.has('virtio-sound')) throw unsupported('sound.virtio', 'virtio-sound controller is not supported in this QEMU binary');
      break;
    case 'es1370':
    case 'ac97':
    case 'ich6':
    case 'sb16':
    case 'pcspk':
      break;
    case 'ich7':
      throw internalError('sound.model', `sound card model '${s.model}' is not supported by qemu`);
  }
  if (s.model === 'ich6' || s.model === 'ich9') {
    for (const c of s.codecs) {
      const device = CODEC_DEVICES[c];
      if (!caps.has(device)) throw unsupported('sound.codec', `${device} not supported in this QEMU binary`);
    }
  }
}

/** virDomainAudioDefValidate. */
export function validateAudioGeneric(a: Audio, d: Domain): void {
  for (const other of d.devices.audios) {
    if (other !== a && other.id === a.id) throw xmlError('audio.id-dup', `audio ID ${a.id} is used multiple times`);
  }
}

/** qemuValidateDomainDeviceDefAudio. */
export function validateAudioQemu(a: Audio, d: Domain, caps: Caps): void {
  switch (a.type) {
    case 'spice':
      if (!d.devices.graphics.some((g) => g.type === 'spice')) {
        throw unsupported('audio.spice', 'Spice audio is not supported without spice graphics');
      }
      break;
    case 'dbus':
      if (!caps.has('display-dbus')) throw unsupported('audio.dbus', 'D-Bus audio is not supported with this QEMU');
      break;
    default:
      break;
  }
}
