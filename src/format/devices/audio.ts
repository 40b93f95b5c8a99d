/** <audio> and <sound>: libvirt's virDomainAudioDefFormat and virDomainSoundDefFormat. */
import type { Audio, AudioIO, AudioType, Sound } from '../../model/devices.js';
import type { DeviceFormatter } from '../context.js';
import { formatDeviceInfo } from '../device-info.js';
import { yesNo } from '../values.js';
import type { Attr, XmlWriter } from '../xml-writer.js';

/** The per-direction attributes of each backend (virDomainAudio<Backend>Format). */
function backendAttrs(type: AudioType, io: AudioIO | undefined): Attr[] {
  if (!io) return [];
  switch (type) {
    case 'alsa':
      return [['dev', io.dev]];
    case 'coreaudio':
    case 'sdl':
      return [['bufferCount', io.bufferCount || undefined]];
    case 'jack':
      return [
        ['serverName', io.serverName],
        ['clientName', io.clientName],
        ['connectPorts', io.connectPorts],
        ['exactName', yesNo(io.exactName)],
      ];
    case 'oss':
      return [
        ['dev', io.dev],
        ['bufferCount', io.bufferCount || undefined],
        ['tryPoll', yesNo(io.tryPoll)],
      ];
    case 'pulseaudio':
    case 'pipewire':
      return [
        ['name', io.name],
        ['streamName', io.streamName],
        ['latency', io.latency || undefined],
      ];
    case 'none':
    case 'spice':
    case 'file':
    case 'dbus':
      return [];
  }
}

/** virDomainAudioCommonFormat: the element is written when anything in it is set; <settings/> with fixedSettings='yes'. */
function formatIO(w: XmlWriter, name: 'input' | 'output', type: AudioType, io: AudioIO | undefined): void {
  const backend = backendAttrs(type, io).filter(([, v]) => v !== undefined);
  const common: Attr[] = [
    ['mixingEngine', yesNo(io?.mixingEngine)],
    ['fixedSettings', yesNo(io?.fixedSettings)],
    ['voices', io?.voices],
    ['bufferLength', io?.bufferLength],
  ];
  if (common.every(([, v]) => v === undefined) && backend.length === 0) return;
  const attrs = [...common, ...backend];
  if (io?.fixedSettings !== true) {
    w.element(name, attrs);
    return;
  }
  w.element(name, attrs, (c) =>
    c.element('settings', [
      ['frequency', io.frequency],
      ['channels', io.channels],
      ['format', io.format],
    ]),
  );
}

export const formatAudio: DeviceFormatter<Audio> = (w, a) => {
  const attrs: Attr[] = [
    ['id', a.id],
    ['type', a.type],
    ['timerPeriod', a.timerPeriod],
  ];
  switch (a.type) {
    case 'oss':
      attrs.push(['tryMMap', yesNo(a.tryMMap)], ['exclusive', yesNo(a.exclusive)], ['dspPolicy', a.dspPolicy]);
      break;
    case 'pulseaudio':
      attrs.push(['serverName', a.serverName]);
      break;
    case 'sdl':
      attrs.push(['driver', a.driver]);
      break;
    case 'file':
      attrs.push(['path', a.path]);
      break;
    case 'pipewire':
      attrs.push(['runtimeDir', a.runtimeDir]);
      break;
    default:
      break;
  }
  w.element('audio', attrs, (c) => {
    formatIO(c, 'input', a.type, a.input);
    formatIO(c, 'output', a.type, a.output);
  });
};

export const formatSound: DeviceFormatter<Sound> = (w, s) => {
  w.element('sound', [['model', s.model], ['multichannel', s.model === 'usb' ? yesNo(s.multichannel) : undefined]], (c) => {
    for (const codec of s.codecs) c.element('codec', [['type', codec]]);
    if (s.audioId !== undefined && s.audioId > 0) c.element('audio', [['id', s.audioId]]);
    formatDeviceInfo(c, s.info);
  });
};
