/**
 * Audio backends (-audiodev, libvirt's qemuBuildAudioCommandLine) and sound
 * cards (-device, qemuBuildSoundCommandLine). -audiodev is always JSON.
 */
import type { Audio, AudioIO, AudioType, Sound, SoundCodecType } from '../../model/devices.js';
import type { Domain } from '../../model/domain.js';
import type { CommandBuilder } from '../../render/command.js';
import { Props } from '../../render/props.js';
import { addressProps } from '../address.js';
import { audioIdString } from '../graphics.js';
import type { Profile } from '../profile.js';

/** qemuAudioDriverTypeToString: QEMU's names differ from libvirt's for two backends. */
function qemuAudioDriver(type: AudioType): string {
  if (type === 'pulseaudio') return 'pa';
  if (type === 'file') return 'wav';
  return type;
}

/** qemuBuildAudioCommonProps: the settings only count with fixedSettings='yes'. */
function commonProps(io: AudioIO | undefined): Props {
  const fixed = io?.fixedSettings === true;
  return new Props()
    .tristate('mixing-engine', io?.mixingEngine)
    .tristate('fixed-settings', io?.fixedSettings)
    .positive('voices', io?.voices)
    .positive('buffer-length', io?.bufferLength)
    .positive('frequency', fixed ? io?.frequency : undefined)
    .positive('channels', fixed ? io?.channels : undefined)
    .str('format', fixed ? io?.format : undefined);
}

/** The per-direction properties of each backend (qemuBuildAudio<Backend>Props). */
function backendProps(type: AudioType, io: AudioIO | undefined, p: Props): void {
  switch (type) {
    case 'alsa':
      p.str('dev', io?.dev);
      break;
    case 'coreaudio':
    case 'sdl':
      p.positive('buffer-count', io?.bufferCount);
      break;
    case 'jack':
      p.str('server-name', io?.serverName).str('client-name', io?.clientName).str('connect-ports', io?.connectPorts).tristate('exact-name', io?.exactName);
      break;
    case 'oss':
      p.str('dev', io?.dev).positive('buffer-count', io?.bufferCount).tristate('try-poll', io?.tryPoll);
      break;
    case 'pulseaudio':
    case 'pipewire':
      p.str('name', io?.name).str('stream-name', io?.streamName).positive('latency', io?.latency);
      break;
    case 'none':
    case 'spice':
    case 'file':
    case 'dbus':
      break;
  }
}

/** Variables libvirt passes from its own environment for PipeWire, in qemuBuildAudioPipewireAudioEnv's order. */
const PIPEWIRE_PASS = ['PIPEWIRE_CORE', 'PIPEWIRE_REMOTE'] as const;
const PIPEWIRE_RUNTIME_DIRS = ['PIPEWIRE_RUNTIME_DIR', 'XDG_RUNTIME_DIR', 'USERPROFILE'] as const;

function pipewireEnv(cmd: CommandBuilder, a: Audio, profile: Profile): void {
  const env = profile.audioEnv;
  for (const name of PIPEWIRE_PASS) {
    const v = env[name];
    if (v !== undefined) cmd.env(name, v);
  }
  if (a.runtimeDir !== undefined) {
    cmd.env('PIPEWIRE_RUNTIME_DIR', a.runtimeDir);
    return;
  }
  // Without runtimeDir, the first of PipeWire's own socket directories libvirtd has.
  for (const name of PIPEWIRE_RUNTIME_DIRS) {
    const v = env[name];
    if (v === undefined) continue;
    cmd.env(name, v);
    break;
  }
}

/** qemuBuildAudioCommandLineArg. */
function audioProps(cmd: CommandBuilder, a: Audio, profile: Profile): Props {
  const p = new Props().set('id', `audio${a.id}`).set('driver', qemuAudioDriver(a.type)).positive('timer-period', a.timerPeriod);
  const input = commonProps(a.input);
  const output = commonProps(a.output);
  backendProps(a.type, a.input, input);
  backendProps(a.type, a.output, output);
  switch (a.type) {
    case 'oss':
      p.tristate('try-mmap', a.tryMMap).tristate('exclusive', a.exclusive);
      if (a.dspPolicy !== undefined) p.set('dsp-policy', a.dspPolicy);
      break;
    case 'pulseaudio':
      p.str('server', a.serverName);
      break;
    case 'sdl':
      // QEMU's SDL backend takes its driver from SDL's environment.
      if (a.driver !== undefined) cmd.env('SDL_AUDIODRIVER', a.driver);
      break;
    case 'file':
      p.str('path', a.path);
      break;
    case 'pipewire':
      pipewireEnv(cmd, a, profile);
      break;
    default:
      break;
  }
  // An object with nothing set is left out, as libvirt's "A:" does.
  if (input.entries().length > 0) p.object('in', input);
  if (output.entries().length > 0) p.object('out', output);
  return p;
}

export function buildAudio(cmd: CommandBuilder, d: Domain, profile: Profile): void {
  for (const a of d.devices.audios) cmd.props('-audiodev', 'json', audioProps(cmd, a, profile));
}

/** ich6 and ich9 (virDomainSoundModelSupportsCodecs) are HDA controllers whose codecs carry the audio link. */
export function soundHasCodecs(s: Sound): boolean {
  return s.model === 'ich6' || s.model === 'ich9';
}

const SOUND_DEVICES: Partial<Record<Sound['model'], string>> = {
  es1370: 'ES1370',
  ac97: 'AC97',
  ich6: 'intel-hda',
  usb: 'usb-audio',
  ich9: 'ich9-intel-hda',
  sb16: 'sb16',
};

const CODEC_DEVICES: Record<SoundCodecType, string> = {
  duplex: 'hda-duplex',
  micro: 'hda-micro',
  output: 'hda-output',
};

/** qemuBuildSoundDevCmd. */
function soundProps(d: Domain, s: Sound): Props {
  const driver = SOUND_DEVICES[s.model];
  // pcspk is a machine property and ich7 is refused by validation; neither reaches here.
  if (driver === undefined) throw new Error(`sound model '${s.model}' has no QEMU device`);
  return Props.of('driver', driver)
    .set('id', s.info.alias!)
    .str('audiodev', soundHasCodecs(s) ? undefined : audioIdString(d, s.audioId))
    .tristate('multi', s.model === 'usb' ? s.multichannel : undefined)
    .extend(addressProps(d, s.info));
}

/** qemuBuildSoundCodecCmd. */
function codecProps(d: Domain, s: Sound, type: SoundCodecType, cad: number): Props {
  const alias = s.info.alias!;
  return Props.of('driver', CODEC_DEVICES[type])
    .set('id', `${alias}-codec${cad}`)
    .set('bus', `${alias}.0`)
    .set('cad', cad)
    .set('audiodev', audioIdString(d, s.audioId));
}

export function buildSounds(cmd: CommandBuilder, d: Domain): void {
  for (const s of d.devices.sounds) {
    // The PC speaker is a machine property (pcspkAudiodev).
    if (s.model === 'pcspk') continue;
    cmd.props('-device', 'device', soundProps(d, s));
    if (!soundHasCodecs(s)) continue;
    // An HDA controller without codecs gets one duplex codec.
    const codecs: SoundCodecType[] = s.codecs.length > 0 ? s.codecs : ['duplex'];
    codecs.forEach((c, cad) => cmd.props('-device', 'device', codecProps(d, s, c, cad)));
  }
}

/** The -machine property that links the PC speaker to its audio backend (the first pcspk decides). */
export function pcspkAudiodev(d: Domain): string | undefined {
  const pcspk = d.devices.sounds.find((s) => s.model === 'pcspk');
  return pcspk ? `pcspk-audiodev=${audioIdString(d, pcspk.audioId)}` : undefined;
}
