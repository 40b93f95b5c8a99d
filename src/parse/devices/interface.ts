/** <interface>: libvirt's virDomainNetDefParseXML for the interface types teamctl models. */
import { TeamctlError, unsupported, xmlError } from '../../errors.js';
import { INTERFACE_TYPES, type Interface, type InterfaceType, type Teaming, type UserInterface } from '../../model/devices.js';
import { isVirtioNetModel, lookupNetModel } from '../../model/net-models.js';
import { parseDeviceInfo, parseHostPciAddress, parseMac, type ParseContext } from '../common.js';
import { serializeElement } from '../raw.js';
import type { El } from '../xml.js';
import { parseSocketSource, parseVhostuserSource, requireSource } from './interface-source.js';
import { parseNetBackend, parseNetDriver } from './net-driver.js';
import { parseIpInfo, parsePortForwards } from './net-ip.js';

/** Interface types whose host side needs a host teamctl cannot see (macvtap, VMware switches). */
const UNMODELED_TYPES: readonly InterfaceType[] = ['direct', 'vds'];

/** Which types accept <virtualport> and <filterref> (libvirt's virtualport_flags and parse_filterref). */
const VIRTUALPORT_TYPES: readonly InterfaceType[] = ['network', 'bridge', 'direct', 'hostdev'];
const FILTERREF_TYPES: readonly InterfaceType[] = ['network', 'bridge', 'ethernet'];

/** Names libvirt gives the host side of taps and macvtaps it creates; such a target is forgotten on define. */
const GENERATED_IFNAME_PREFIXES = ['vnet', 'macvtap', 'macvlan'];

export function parseInterface(el: El, ctx: ParseContext): Interface {
  const type = el.enumAttr('type', INTERFACE_TYPES) ?? 'user';
  if (UNMODELED_TYPES.includes(type)) {
    throw unsupported('parse.interface-type', `interface type '${type}' is not supported by teamctl yet`);
  }
  const trustGuestRxFilters = el.yesNoAttr('trustGuestRxFilters');
  const model = parseModel(el);
  const source = el.child('source');
  const hostIp = source ? parseIpInfo(source, 'interface host IP') : undefined;
  const typed = parseTypedPart(el, type, source, ctx);
  source?.finish();

  const virtualport = el.child('virtualport');
  if (virtualport && !VIRTUALPORT_TYPES.includes(type)) {
    throw unsupported('xml.virtualport', `<virtualport> element unsupported for <interface type='${type}'>`);
  }
  const target = parseTarget(el);
  const linkState = parseLinkState(el);
  const script = pathAttrOf(el, 'script');
  const downscript = pathAttrOf(el, 'downscript');
  const filterrefEl = el.child('filterref');
  let filterref: string | undefined;
  if (filterrefEl && FILTERREF_TYPES.includes(type)) {
    filterref = filterrefEl.attr('filter') ?? '';
  } else if (filterrefEl) {
    ctx.warnings.push(`<filterref> of ${el.path} is ignored: libvirt reads it only for interfaces of type network, bridge and ethernet`);
  }
  const hostSideXml = keepHostSide(el, [virtualport, filterrefEl]);
  const mac = parseMacElement(el);
  const info = parseDeviceInfo(el, ctx, { boot: true, rom: true });
  const guestIp = parseIpInfo(el, 'guest interface');
  const portForwards = parsePortForwards(el);
  const dev = target?.managed !== false ? target?.dev : undefined;
  const generatedPrefix = dev !== undefined ? GENERATED_IFNAME_PREFIXES.find((p) => dev.startsWith(p)) : undefined;
  if (target && generatedPrefix !== undefined) {
    ctx.warnings.push(`target dev '${dev}' of ${el.path} is dropped: libvirt generates names starting with '${generatedPrefix}' itself`);
    delete target.dev;
  }
  const virtioNet = type !== 'hostdev' && isVirtioNetModel(model);
  const driver = parseNetDriver(el, type === 'hostdev' ? 'hostdev' : virtioNet ? 'virtio-net' : 'other', ctx);
  const backend = parseNetBackend(el, virtioNet, ctx);
  const teaming = parseTeaming(el);
  const sndbuf = parseSndbuf(el);
  const mtu = parseMtu(el);
  const coalesce = parseCoalesce(el);
  const portEl = el.child('port');
  const isolatedPort = portEl?.yesNoAttr('isolated');
  portEl?.finish();

  const iface: Interface = {
    ...typed,
    info,
    ...(model !== undefined ? { model } : {}),
    ...(trustGuestRxFilters !== undefined ? { trustGuestRxFilters } : {}),
    ...mac,
    ...(teaming !== undefined ? { teaming } : {}),
    ...(driver !== undefined ? { driver } : {}),
    ...(backend !== undefined ? { backend } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(mtu !== undefined ? { mtu } : {}),
    ...(linkState !== undefined ? { linkState } : {}),
    ...(script !== undefined ? { script } : {}),
    ...(downscript !== undefined ? { downscript } : {}),
    ...(hostIp !== undefined ? { hostIp } : {}),
    ...(guestIp !== undefined ? { guestIp } : {}),
    ...(portForwards.length > 0 ? { portForwards } : {}),
    ...(sndbuf !== undefined ? { sndbuf } : {}),
    ...(coalesce !== undefined ? { coalesce } : {}),
    ...(isolatedPort !== undefined ? { isolatedPort } : {}),
    ...(el.has('vlan') ? { vlan: true } : {}),
    ...(virtualport !== undefined ? { virtualportType: virtualport.node.getAttribute('type') ?? '' } : {}),
    ...(filterref !== undefined ? { filterref } : {}),
    ...(el.has('bandwidth') ? { bandwidth: true } : {}),
    ...(hostSideXml.length > 0 ? { hostSideXml } : {}),
  };
  el.finish();
  return iface;
}

/** virDomainNetSetModelString. */
function parseModel(el: El): string | undefined {
  const modelEl = el.child('model');
  const text = modelEl?.attr('type');
  modelEl?.finish();
  if (text === undefined) return undefined;
  const found = lookupNetModel(text);
  switch (found.kind) {
    case 'model':
      return found.model;
    case 'none':
      return undefined;
    case 'invalid':
      throw new TeamctlError('invalid-arg', 'xml.net-model', 'Model name contains invalid characters');
  }
}

/** The fields every interface has; the rest depends on the type. */
type CommonKeys = Exclude<keyof UserInterface, 'type'>;
type TypedPart = Interface extends infer T ? (T extends Interface ? Omit<T, CommonKeys> : never) : never;

/** The per-type data, mostly from <source>. */
function parseTypedPart(el: El, type: InterfaceType, source: El | undefined, ctx: ParseContext): TypedPart {
  switch (type) {
    case 'network': {
      const s = requireSource(source, type);
      const network = s.requiredAttr('network');
      const portgroup = s.attr('portgroup');
      if (s.attr('portid') !== undefined) {
        ctx.warnings.push(`<source portid='…'> of ${el.path} is ignored: libvirt reads it only from a running domain's status`);
      }
      return { type, source: { network, ...(portgroup !== undefined ? { portgroup } : {}) } };
    }
    case 'bridge':
      return { type, source: { bridge: requireSource(source, type).requiredAttr('bridge') } };
    case 'internal':
      return { type, source: { name: requireSource(source, type).requiredAttr('name') } };
    case 'vdpa':
      return { type, source: { dev: requireSource(source, type).requiredAttr('dev') } };
    case 'vhostuser':
      return { type, source: parseVhostuserSource(source, ctx) };
    case 'client':
    case 'server':
    case 'mcast':
    case 'udp':
      return { type, source: parseSocketSource(requireSource(source, type), type) };
    case 'hostdev':
      return parseHostdevPart(el, source);
    case 'user':
    case 'ethernet':
    case 'null':
      return { type };
    case 'direct':
    case 'vds':
      throw unsupported('parse.interface-type', `interface type '${type}' is not supported by teamctl yet`);
  }
}

function parseHostdevPart(el: El, source: El | undefined): TypedPart {
  const managed = el.yesNoAttr('managed');
  if (!source) throw xmlError('xml.net-source', `Missing <source> element in interface of type 'hostdev'`);
  const addrEl = source.child('address');
  if (!addrEl) {
    if (source.has('vendor')) throw unsupported('parse.hostdev-usb-net', 'USB network devices (<interface type=\'hostdev\'> with <vendor>) are not supported by teamctl');
    throw xmlError('xml.hostdev-address', `PCI host devices must use 'pci' or 'unassigned' address type`);
  }
  const addrType = addrEl.attr('type');
  if (addrType !== undefined && addrType !== 'pci') {
    throw unsupported('parse.hostdev-source-type', `unknown host device source address type '${addrType}'`);
  }
  const address = parseHostPciAddress(addrEl);
  addrEl.finish();
  return { type: 'hostdev', ...(managed !== undefined ? { managed } : {}), source: { address } };
}

/** Elements only the host side uses, kept verbatim. */
function keepHostSide(el: El, already: Array<El | undefined>): string[] {
  const out: string[] = [];
  for (const c of already) {
    if (!c) continue;
    out.push(serializeElement(c.node));
    c.consumeAll();
  }
  for (const name of ['bandwidth', 'vlan']) {
    for (const c of el.children(name)) {
      out.push(serializeElement(c.node));
      c.consumeAll();
    }
  }
  return out;
}

function pathAttrOf(el: El, name: string): string | undefined {
  const c = el.child(name);
  if (!c) return undefined;
  const path = c.attr('path');
  c.finish();
  return path;
}

function parseTarget(el: El): { dev?: string; managed?: boolean } | undefined {
  const t = el.child('target');
  if (!t) return undefined;
  const dev = t.attr('dev');
  const managed = t.yesNoAttr('managed');
  t.finish();
  return { ...(dev !== undefined ? { dev } : {}), ...(managed !== undefined ? { managed } : {}) };
}

function parseLinkState(el: El): 'up' | 'down' | undefined {
  const linkEl = el.child('link');
  if (!linkEl) return undefined;
  const state = linkEl.attr('state');
  linkEl.finish();
  if (state === undefined) return undefined;
  if (state !== 'up' && state !== 'down') throw unsupported('xml.net-link-state', `unknown interface link state '${state}'`);
  return state;
}

function parseMacElement(el: El): { mac?: string; macType?: 'generated' | 'static'; macCheck?: boolean } {
  const macEl = el.child('mac');
  if (!macEl) return {};
  const text = macEl.attr('address');
  const macType = macEl.enumAttr('type', ['generated', 'static'] as const);
  const macCheck = macEl.yesNoAttr('check');
  macEl.finish();
  const extra = { ...(macType !== undefined ? { macType } : {}), ...(macCheck !== undefined ? { macCheck } : {}) };
  if (text === undefined) return extra;
  const mac = parseMac(text);
  if (mac === undefined) throw xmlError('xml.mac', `unable to parse mac address '${text}'`);
  if (parseInt(mac.slice(0, 2), 16) & 1) throw xmlError('xml.mac-multicast', `expected unicast mac address, found multicast '${text}'`);
  // An all-zero address means "pick one", as if none was given.
  return mac === '00:00:00:00:00:00' ? extra : { mac, ...extra };
}

/** libvirt's virDomainNetTeamingInfoParseXML. */
export function parseTeaming(el: El): Teaming | undefined {
  const t = el.child('teaming');
  if (!t) return undefined;
  const typeStr = t.attr('type');
  const persistent = t.attr('persistent');
  t.finish();
  if (typeStr === undefined && persistent === undefined) return undefined;
  if (typeStr !== 'persistent' && typeStr !== 'transient') {
    throw unsupported('parse.teaming-type', `unknown teaming type '${typeStr ?? '(null)'}'`);
  }
  return persistent !== undefined ? { type: typeStr, persistent } : { type: typeStr };
}

/** <tune><sndbuf> (virXPathULongLong). */
function parseSndbuf(el: El): number | undefined {
  const tune = el.child('tune');
  if (!tune) return undefined;
  const text = tune.childText('sndbuf');
  tune.finish();
  if (text === undefined) return undefined;
  if (!/^\s*\+?[0-9]+\s*$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw xmlError('xml.sndbuf', 'sndbuf must be a positive integer');
  }
  return Number(text);
}

function parseMtu(el: El): number | undefined {
  const mtuEl = el.child('mtu');
  if (!mtuEl) return undefined;
  const size = mtuEl.attr('size');
  mtuEl.finish();
  if (size === undefined) return undefined;
  if (!/^\s*\+?[0-9]+\s*$/.test(size) || Number(size) > 0xffffffff) throw xmlError('xml.mtu', 'malformed mtu size');
  const n = Number(size);
  return n > 0 ? n : undefined;
}

/** virDomainNetDefCoalesceParseXML: only <rx><frames max=N/> is known. */
function parseCoalesce(el: El): { rxMaxFrames: number } | undefined {
  const c = el.child('coalesce');
  if (!c) return undefined;
  const rx = c.child('rx');
  const frames = rx?.child('frames');
  const max = frames?.attr('max');
  frames?.finish();
  rx?.finish();
  c.finish();
  if (max === undefined) return undefined;
  if (!/^[0-9]+$/.test(max)) throw xmlError('xml.coalesce', `cannot parse value '${max}' for coalesce parameter`);
  const big = BigInt(max);
  // strtoull range, then libvirt's VIR_ERR_OVERFLOW past UINT32_MAX.
  if (big > 0xffffffffffffffffn) throw xmlError('xml.coalesce', `cannot parse value '${max}' for coalesce parameter`);
  if (big > 0xffffffffn) {
    throw new TeamctlError('overflow', 'xml.coalesce', `value '${big}' is too big for coalesce parameter, maximum is '4294967295'`);
  }
  return { rxMaxFrames: Number(big) };
}

