/** <serial>, <parallel>, <console> and <channel> (libvirt's virDomainChrDefParseXML). */
import { unsupported, xmlError } from '../../errors.js';
import {
  CHANNEL_TARGET_TYPES,
  CONSOLE_TARGET_TYPES,
  SERIAL_TARGET_MODELS,
  SERIAL_TARGET_TYPES,
  type ChannelDef,
  type ChrDef,
  type ChrSource,
  type ConsoleDef,
  type ParallelDef,
  type SerialDef,
} from '../../model/chardev.js';
import type { DeviceInfo } from '../../model/address.js';
import { parseDeviceInfo, type ParseContext } from '../common.js';
import type { El } from '../xml.js';
import { chrSourceType, parseChrSource } from './chardev-source.js';

type ChrKind = ChrDef['deviceType'];

function unknownTargetType(raw: string) {
  return unsupported('parse.chr-target-type', `unknown target type '${raw}' specified for character device`);
}

/** `'none'` is libvirt's spelling of "not set" for serial and console targets. */
function targetTypeOf<T extends string>(raw: string | undefined, values: readonly T[]): T | undefined {
  if (raw === undefined || raw === 'none') return undefined;
  if (!(values as readonly string[]).includes(raw)) throw unknownTargetType(raw);
  return raw as T;
}

/** <target port='N'/> of serial, parallel and console devices (virStrToLong_ui). */
function targetPort(target: El | undefined): number | undefined {
  const raw = target?.attr('port');
  if (raw === undefined) return undefined;
  if (!/^\s*\+?[0-9]+$/.test(raw) || Number(raw) > 0xffffffff) throw xmlError('xml.chr-port', `Invalid port number: ${raw}`);
  return Number(raw);
}

export function parseChr(el: El, ctx: ParseContext): ChrDef {
  const kind = el.name as ChrKind;
  const typeRaw = el.attr('type');
  const type = typeRaw === undefined ? 'pty' : chrSourceType(typeRaw);
  const target = el.child('target');
  let dev: ChrDef;
  // The target is parsed before the source, as libvirt does, so its errors come first.
  const placeholder: ChrSource = { type: 'null' };
  const info: DeviceInfo = {};
  switch (kind) {
    case 'serial':
      dev = parseSerialTarget(target, placeholder, info);
      break;
    case 'parallel':
      dev = parseParallelTarget(target, placeholder, info);
      break;
    case 'console':
      dev = parseConsoleTarget(target, placeholder, info);
      break;
    case 'channel':
      dev = parseChannelTarget(target, placeholder, info, ctx);
      break;
  }
  target?.finish();
  dev.source = parseChrSource(el, type, ctx);
  // The SPICE agent only speaks over a virtio channel. (libvirt compares any device's target type
  // with the virtio channel's number, which lets a usb-serial or xen console through by accident;
  // teamctl refuses those too.)
  if (dev.source.type === 'spicevmc' && !(dev.deviceType === 'channel' && dev.target.type === 'virtio')) {
    throw unsupported('parse.chr-spicevmc-target', 'spicevmc device type only supports virtio');
  }
  dev.info = parseDeviceInfo(el, ctx);
  if (dev.deviceType === 'serial' && dev.target.type === 'usb-serial') {
    const a = dev.info.address;
    if (a !== undefined && a.type !== 'usb') throw unsupported('parse.usb-serial-address', 'usb-serial requires address of usb type');
  }
  el.finish();
  return dev;
}

function parseSerialTarget(target: El | undefined, source: ChrSource, info: DeviceInfo): SerialDef {
  const type = targetTypeOf(target?.attr('type'), SERIAL_TARGET_TYPES);
  const modelEl = target?.child('model');
  const modelRaw = modelEl?.attr('name');
  modelEl?.finish();
  let model: SerialDef['target']['model'];
  if (modelRaw !== undefined && modelRaw !== '' && modelRaw !== 'none') {
    if (!(SERIAL_TARGET_MODELS as readonly string[]).includes(modelRaw)) {
      throw unsupported('parse.chr-target-model', `unknown target model '${modelRaw}' specified for character device`);
    }
    model = modelRaw as SerialDef['target']['model'];
  }
  const port = targetPort(target);
  return {
    deviceType: 'serial',
    source,
    info,
    target: { ...(type !== undefined ? { type } : {}), ...(model !== undefined ? { model } : {}), ...(port !== undefined ? { port } : {}) },
  };
}

function parseParallelTarget(target: El | undefined, source: ChrSource, info: DeviceInfo): ParallelDef {
  const port = targetPort(target);
  return { deviceType: 'parallel', source, info, target: port !== undefined ? { port } : {} };
}

function parseConsoleTarget(target: El | undefined, source: ChrSource, info: DeviceInfo): ConsoleDef {
  const type = targetTypeOf(target?.attr('type'), CONSOLE_TARGET_TYPES);
  // libvirt replaces a console's port by its position; it is read for its syntax only.
  targetPort(target);
  return { deviceType: 'console', source, info, target: type !== undefined ? { type } : {} };
}

function parseChannelTarget(target: El | undefined, source: ChrSource, info: DeviceInfo, ctx: ParseContext): ChannelDef {
  const raw = target?.attr('type');
  if (raw === undefined) throw xmlError('xml.channel-target', 'target type must be specified for channel device');
  if (raw === 'none') throw unsupported('parse.channel-target-none', `channel target type 'none' is not supported by teamctl`);
  if (!(CHANNEL_TARGET_TYPES as readonly string[]).includes(raw)) throw unknownTargetType(raw);
  const t = target!;
  if (raw === 'guestfwd') {
    const address = t.attr('address');
    if (address === undefined) throw xmlError('xml.guestfwd-address', 'guestfwd channel does not define a target address');
    const ipv4 = canonicalIPv4(address);
    const port = t.uintAttr('port');
    if (port === undefined) throw xmlError('xml.attr-missing', `Missing required attribute 'port' in element 'target'`);
    return { deviceType: 'channel', source, info, target: { type: 'guestfwd', address: ipv4, port } };
  }
  const name = t.attr('name');
  if (raw === 'virtio') {
    const state = t.attr('state');
    if (state !== undefined) ctx.warnings.push(`state='${state}' of a virtio channel is ignored: libvirt reads it only from a running domain`);
  }
  return { deviceType: 'channel', source, info, target: { type: raw as 'virtio' | 'xen', ...(name !== undefined ? { name } : {}) } };
}

/** A guestfwd address, which libvirt accepts only as IPv4 and prints in dotted form. */
function canonicalIPv4(address: string): string {
  const m = /^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$/.exec(address);
  if (m && m.slice(1).every((o) => Number(o) <= 255 && (o === '0' || !o.startsWith('0')))) {
    return m.slice(1).map(Number).join('.');
  }
  if (address.includes(':')) throw unsupported('parse.guestfwd-ipv6', 'guestfwd channel only supports IPv4 addresses');
  throw unsupported('parse.guestfwd-address', `guestfwd address '${address}' is not supported by teamctl: use a dotted IPv4 address`);
}
