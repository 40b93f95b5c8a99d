/** <input> and <hub>: libvirt's virDomainInputDefParseXML and virDomainHubDefParseXML. */
import { internalError, unsupported, xmlError } from '../../errors.js';
import type { Hub, Input, InputBus, InputSource, InputType } from '../../model/devices.js';
import { parseDeviceInfo, type ParseContext } from '../common.js';
import { parseVirtioOptions } from '../virtio-options.js';
import type { El } from '../xml.js';

const INPUT_TYPES = ['mouse', 'tablet', 'keyboard', 'passthrough', 'evdev'] as const satisfies readonly InputType[];
const INPUT_BUSES = ['ps2', 'usb', 'xen', 'parallels', 'virtio', 'none'] as const satisfies readonly InputBus[];
const INPUT_MODELS = ['virtio', 'virtio-transitional', 'virtio-non-transitional'] as const;
const GRAB_TOGGLES = ['ctrl-ctrl', 'alt-alt', 'shift-shift', 'meta-meta', 'scrolllock', 'ctrl-scrolllock'] as const;

function oneOf<T extends string>(values: readonly T[], v: string): v is T {
  return (values as readonly string[]).includes(v);
}

/** `usbDisabled`: the domain has <controller type='usb' model='none'>. */
export function parseInput(el: El, ctx: ParseContext, usbDisabled: boolean): Input {
  const type = el.attr('type');
  const bus = el.attr('bus');
  const model = el.attr('model');
  if (type === undefined) throw internalError('parse.input-type', 'missing input device type');
  if (!oneOf(INPUT_TYPES, type)) throw unsupported('parse.input-type', `unknown input device type '${type}'`);
  if (model !== undefined && !oneOf(INPUT_MODELS, model)) throw unsupported('parse.input-model', `unknown input model '${model}'`);
  if (bus !== undefined && !oneOf(INPUT_BUSES, bus)) throw unsupported('parse.input-bus', `unknown input bus type '${bus}'`);
  const input: Input = { type, info: parseDeviceInfo(el, ctx) };
  if (bus !== undefined) input.bus = bus;
  if (model !== undefined) input.model = model;
  const addr = input.info.address;
  if (bus === 'usb' && addr !== undefined && addr.type !== 'usb') throw xmlError('xml.input-address', 'Invalid address for a USB device');

  const sourceEl = el.child('source');
  if (sourceEl) {
    const source: InputSource = {};
    const evdev = type === 'passthrough' ? sourceEl.attr('evdev') : type === 'evdev' ? sourceEl.attr('dev') : undefined;
    if (evdev !== undefined) source.evdev = evdev;
    if ((type === 'passthrough' || type === 'evdev') && evdev === undefined) {
      throw xmlError('xml.input-evdev', 'Missing evdev path for input device');
    }
    if (type === 'evdev') {
      const grab = sourceEl.enumAttr('grab', ['all'] as const);
      if (grab !== undefined) source.grab = grab;
      const grabToggle = sourceEl.enumAttr('grabToggle', GRAB_TOGGLES);
      if (grabToggle !== undefined) source.grabToggle = grabToggle;
      const repeat = sourceEl.onOffAttr('repeat');
      if (repeat !== undefined) source.repeat = repeat;
    }
    sourceEl.finish();
    input.source = source;
  }
  const driverEl = el.child('driver');
  if (driverEl) {
    input.driver = parseVirtioOptions(driverEl);
    driverEl.finish();
  }
  el.finish();
  if (bus === 'usb' && usbDisabled) throw unsupported('parse.input-usb-none', "Can't add USB input device. USB bus is disabled");
  return input;
}

export function parseHub(el: El, ctx: ParseContext, usbDisabled: boolean): Hub {
  const type = el.attr('type');
  if (type === undefined) throw internalError('parse.hub-type', 'missing hub device type');
  if (type !== 'usb') throw unsupported('parse.hub-type', `unknown hub device type '${type}'`);
  const hub: Hub = { type, info: parseDeviceInfo(el, ctx) };
  el.finish();
  if (usbDisabled) throw unsupported('parse.hub-usb-none', "Can't add USB hub: USB is disabled for this domain");
  return hub;
}
