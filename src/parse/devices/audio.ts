/**
 * <audio> backends and <sound> devices (libvirt's virDomainAudioDefParseXML
 * and virDomainSoundDefParseXML). Each backend reads only its own attributes,
 * so anything another backend would take is reported by finish().
 */
import { unsupported, xmlError } from '../../errors.js';
import type { Audio, AudioFormat, AudioIO, AudioSdlDriver, AudioType, Sound, SoundCodecType, SoundModel } from '../../model/devices.js';
import { parseDeviceInfo, type ParseContext } from '../common.js';
import type { El } from '../xml.js';

const AUDIO_TYPES = ['none', 'alsa', 'coreaudio', 'jack', 'oss', 'pulseaudio', 'sdl', 'spice', 'file', 'dbus', 'pipewire'] as const satisfies readonly AudioType[];
const AUDIO_FORMATS = ['u8', 's8', 'u16', 's16', 'u32', 's32', 'f32'] as const satisfies readonly AudioFormat[];
const SDL_DRIVERS = ['esd', 'alsa', 'arts', 'pulseaudio'] as const satisfies readonly AudioSdlDriver[];
const SOUND_MODELS = ['sb16', 'es1370', 'pcspk', 'ac97', 'ich6', 'ich9', 'usb', 'ich7', 'virtio'] as const satisfies readonly SoundModel[];
const CODEC_TYPES = ['duplex', 'micro', 'output'] as const satisfies readonly SoundCodecType[];

export function parseAudio(el: El): Audio {
  const type = el.requiredEnumAttr('type', AUDIO_TYPES);
  const id = el.uintAttr('id', { nonZero: true });
  if (id === undefined) throw xmlError('xml.audio-id', `Missing required attribute 'id' in element 'audio'`);
  const a: Audio = { id, type };
  const timerPeriod = el.uintAttr('timerPeriod', { nonZero: true });
  if (timerPeriod !== undefined) a.timerPeriod = timerPeriod;
  // libvirt reads the first <input> and the first <output>.
  const inputEl = el.child('input');
  const outputEl = el.child('output');
  const input = inputEl ? parseCommonIO(inputEl) : undefined;
  const output = outputEl ? parseCommonIO(outputEl) : undefined;
  switch (type) {
    case 'oss': {
      setIf(a, 'tryMMap', el.yesNoAttr('tryMMap'));
      setIf(a, 'exclusive', el.yesNoAttr('exclusive'));
      const dsp = intAttr(el, 'dspPolicy');
      if (dsp !== undefined && dsp < 0) throw xmlError('audio.dsp-policy', `cannot parse 'dspPolicy' value '${dsp}'`);
      setIf(a, 'dspPolicy', dsp);
      break;
    }
    case 'pulseaudio':
      setIf(a, 'serverName', el.attr('serverName'));
      break;
    case 'sdl':
      setIf(a, 'driver', el.enumAttr('driver', SDL_DRIVERS));
      break;
    case 'file':
      setIf(a, 'path', el.attr('path'));
      break;
    case 'pipewire':
      setIf(a, 'runtimeDir', el.attr('runtimeDir'));
      break;
    default:
      break;
  }
  if (input && inputEl) {
    parseBackendIO(type, inputEl, input);
    inputEl.finish();
    a.input = input;
  }
  if (output && outputEl) {
    parseBackendIO(type, outputEl, output);
    outputEl.finish();
    a.output = output;
  }
  el.finish();
  return a;
}

/** virDomainAudioCommonParse. */
function parseCommonIO(el: El): AudioIO {
  const io: AudioIO = {};
  const settings = el.child('settings');
  setIf(io, 'mixingEngine', el.yesNoAttr('mixingEngine'));
  setIf(io, 'fixedSettings', el.yesNoAttr('fixedSettings'));
  if (io.fixedSettings === true && io.mixingEngine !== true) {
    throw unsupported('audio.fixed-settings', 'fixed audio settings requires mixing engine');
  }
  setIf(io, 'voices', el.uintAttr('voices', { nonZero: true }));
  setIf(io, 'bufferLength', el.uintAttr('bufferLength', { nonZero: true }));
  if (settings) {
    if (io.fixedSettings !== true) throw unsupported('audio.settings', 'audio settings specified without fixed settings flag');
    setIf(io, 'frequency', settings.uintAttr('frequency', { nonZero: true }));
    setIf(io, 'channels', settings.uintAttr('channels', { nonZero: true }));
    setIf(io, 'format', settings.enumAttr('format', AUDIO_FORMATS));
    settings.finish();
  }
  return io;
}

/** The per-direction attributes of each backend (virDomainAudio<Backend>Parse). */
function parseBackendIO(type: AudioType, el: El, io: AudioIO): void {
  switch (type) {
    case 'alsa':
      setIf(io, 'dev', el.attr('dev'));
      break;
    case 'coreaudio':
    case 'sdl':
      setIf(io, 'bufferCount', el.uintAttr('bufferCount'));
      break;
    case 'jack':
      setIf(io, 'serverName', el.attr('serverName'));
      setIf(io, 'clientName', el.attr('clientName'));
      setIf(io, 'connectPorts', el.attr('connectPorts'));
      setIf(io, 'exactName', el.yesNoAttr('exactName'));
      break;
    case 'oss':
      setIf(io, 'dev', el.attr('dev'));
      setIf(io, 'tryPoll', el.yesNoAttr('tryPoll'));
      setIf(io, 'bufferCount', el.uintAttr('bufferCount'));
      break;
    case 'pulseaudio':
    case 'pipewire':
      setIf(io, 'name', el.attr('name'));
      setIf(io, 'streamName', el.attr('streamName'));
      // libvirt lets pulseaudio's latency be 0 but not pipewire's.
      setIf(io, 'latency', el.uintAttr('latency', { nonZero: type === 'pipewire' }));
      break;
    case 'none':
    case 'spice':
    case 'file':
    case 'dbus':
      break;
  }
}

export function parseSound(el: El, ctx: ParseContext): Sound {
  const model = el.requiredEnumAttr('model', SOUND_MODELS);
  if (model === 'virtio') throw unsupported('parse.sound-model', `sound model 'virtio' is not supported by teamctl yet`);
  const s: Sound = { model, codecs: [], info: {} };
  if (model === 'ich6' || model === 'ich9') {
    for (const c of el.children('codec')) {
      const t = c.attr('type');
      if (t === undefined || !(CODEC_TYPES as readonly string[]).includes(t)) {
        throw unsupported('sound.codec', `unknown codec type '${t ?? '(null)'}'`);
      }
      c.finish();
      s.codecs.push(t as SoundCodecType);
    }
  }
  if (model === 'usb') setIf(s, 'multichannel', el.yesNoAttr('multichannel'));
  const audio = el.child('audio');
  if (audio) {
    const id = audio.uintAttr('id', { nonZero: true });
    if (id === undefined) throw xmlError('xml.attr-missing', `Missing required attribute 'id' in element 'audio'`);
    audio.finish();
    s.audioId = id;
  }
  s.info = parseDeviceInfo(el, ctx);
  el.finish();
  return s;
}

/** libvirt's virXMLPropInt with base 10. */
function intAttr(el: El, name: string): number | undefined {
  const raw = el.attr(name);
  if (raw === undefined) return undefined;
  if (!/^\s*[+-]?[0-9]+\s*$/.test(raw) || !Number.isSafeInteger(parseInt(raw, 10)) || Math.abs(parseInt(raw, 10)) > 0x7fffffff) {
    throw xmlError('xml.attr-invalid', `Invalid value for attribute '${name}' in element '${el.name}': '${raw}'. Expected integer value`);
  }
  return parseInt(raw, 10);
}

function setIf<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) obj[key] = value;
}
