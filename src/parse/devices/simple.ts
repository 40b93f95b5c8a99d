/** Small device elements: controller, audio, memballoon. */
import { unsupported, xmlError } from '../../errors.js';
import type { Audio, Controller, ControllerType, Memballoon } from '../../model/devices.js';
import { parseDeviceInfo, type ParseContext } from '../common.js';
import type { El } from '../xml.js';

const CONTROLLER_TYPES = ['ide', 'fdc', 'scsi', 'sata', 'virtio-serial', 'ccid', 'usb', 'pci', 'xenbus', 'isa'] as const satisfies readonly ControllerType[];

export function parseController(el: El, ctx: ParseContext): Controller {
  const type = el.enumAttr('type', CONTROLLER_TYPES) ?? 'ide';
  const indexRaw = el.attr('index');
  let index = -1;
  if (indexRaw !== undefined) {
    if (!/^[0-9]+$/.test(indexRaw) || Number(indexRaw) > 0x7fffffff) {
      throw xmlError('xml.controller-index', `Cannot parse controller index ${indexRaw}`);
    }
    index = Number(indexRaw);
  }
  const model = el.attr('model');
  const ports = el.uintAttr('ports');
  const vectors = el.uintAttr('vectors');
  const c: Controller = { type, index, info: parseDeviceInfo(el, ctx), ...(model !== undefined ? { model } : {}) };
  if (ports !== undefined) c.ports = ports;
  if (vectors !== undefined) c.vectors = vectors;
  if (type === 'pci') {
    const modelEl = el.child('model');
    if (modelEl) {
      const name = modelEl.attr('name');
      if (name !== undefined) c.modelName = name;
      modelEl.finish();
    }
    const t = el.child('target');
    if (t) {
      const chassisNr = t.uintAttr('chassisNr');
      const chassis = t.uintAttr('chassis');
      const port = t.uintAnyBaseAttr('port');
      const busNr = t.uintAttr('busNr');
      const idx = t.uintAttr('index');
      const hotplug = t.onOffAttr('hotplug');
      t.finish();
      c.target = {
        ...(chassisNr !== undefined ? { chassisNr } : {}),
        ...(chassis !== undefined ? { chassis } : {}),
        ...(port !== undefined ? { port } : {}),
        ...(busNr !== undefined ? { busNr } : {}),
        ...(idx !== undefined ? { index: idx } : {}),
        ...(hotplug !== undefined ? { hotplug } : {}),
      };
    }
  }
  if (el.has('driver')) throw unsupported('parse.controller-driver', `<driver> of <controller type='${type}'> is not supported by teamctl yet`);
  el.finish();
  return c;
}

const AUDIO_TYPES = ['none', 'alsa', 'coreaudio', 'jack', 'oss', 'pulseaudio', 'sdl', 'spice', 'file', 'dbus', 'pipewire'] as const;

export function parseAudio(el: El): Audio {
  const id = el.uintAttr('id', { nonZero: true });
  if (id === undefined) throw xmlError('xml.audio-id', `Missing required attribute 'id' in element 'audio'`);
  const type = el.requiredEnumAttr('type', AUDIO_TYPES);
  if (type !== 'none') throw unsupported('parse.audio-type', `audio type '${type}' is not supported by teamctl yet`);
  el.finish();
  return { id, type };
}

export function parseMemballoon(el: El, ctx: ParseContext): Memballoon {
  const model = el.requiredEnumAttr('model', ['virtio', 'xen', 'none', 'virtio-transitional', 'virtio-non-transitional'] as const);
  const autodeflate = el.onOffAttr('autodeflate');
  const freePageReporting = el.onOffAttr('freePageReporting');
  const stats = el.child('stats');
  const period = stats?.uintAttr('period');
  stats?.finish();
  const m: Memballoon = { model, info: parseDeviceInfo(el, ctx) };
  if (autodeflate !== undefined) m.autodeflate = autodeflate;
  if (freePageReporting !== undefined) m.freePageReporting = freePageReporting;
  if (period !== undefined) m.period = period;
  el.finish();
  return m;
}
