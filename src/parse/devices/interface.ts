/** <interface>: libvirt's virDomainNetDefParseXML for the interface types teamctl models. */
import { unsupported, xmlError } from '../../errors.js';
import { INTERFACE_TYPES, type Interface, type NetDriver, type NetOffloads, type Teaming } from '../../model/devices.js';
import { parseDeviceInfo, parseHostPciAddress, parseMac, type ParseContext } from '../common.js';
import type { El } from '../xml.js';
import { serializeElement } from '../raw.js';

const MODELED_TYPES = ['user', 'hostdev', 'network', 'ethernet', 'bridge'] as const;

/** Elements that only configure the host side; kept verbatim for xml2xml. */
const HOST_SIDE_ONLY = ['vlan', 'virtualport', 'bandwidth', 'filterref', 'port', 'coalesce'] as const;

export function parseInterface(el: El, ctx: ParseContext): Interface {
  const type = el.enumAttr('type', INTERFACE_TYPES) ?? 'user';
  if (!(MODELED_TYPES as readonly string[]).includes(type)) {
    throw unsupported('parse.interface-type', `interface type '${type}' is not supported by teamctl yet`);
  }
  const trustGuestRxFilters = el.yesNoAttr('trustGuestRxFilters');
  const modelEl = el.child('model');
  const model = modelEl?.attr('type');
  modelEl?.finish();
  const isVirtio = model === 'virtio' || model === 'virtio-transitional' || model === 'virtio-non-transitional';

  const base = {
    info: parseDeviceInfo(el, ctx, { boot: true, rom: true }),
    ...(model !== undefined ? { model } : {}),
    ...(trustGuestRxFilters !== undefined ? { trustGuestRxFilters } : {}),
  };
  const mac = parseMacElement(el);
  const teaming = parseTeaming(el);
  const driver = parseNetDriver(el, type !== 'hostdev' && isVirtio);
  const target = parseTarget(el);
  const mtuEl = el.child('mtu');
  const mtu = mtuEl?.uintAttr('size');
  mtuEl?.finish();
  const linkEl = el.child('link');
  const linkState = linkEl?.enumAttr('state', ['up', 'down'] as const);
  linkEl?.finish();
  const hostSideXml: string[] = [];
  for (const name of HOST_SIDE_ONLY) {
    for (const c of el.children(name)) {
      hostSideXml.push(serializeElement(c.node));
      c.consumeAll();
    }
  }
  const common = {
    ...base,
    ...(mac !== undefined ? { mac } : {}),
    ...(teaming !== undefined ? { teaming } : {}),
    ...(driver !== undefined ? { driver } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(mtu !== undefined ? { mtu } : {}),
    ...(linkState !== undefined ? { linkState } : {}),
    ...(hostSideXml.length > 0 ? { hostSideXml } : {}),
  };

  const source = el.child('source');
  let iface: Interface;
  switch (type) {
    case 'user':
    case 'ethernet':
      if (source) throw unsupported('parse.interface-source', `<source> of an interface of type '${type}' is not supported by teamctl yet`);
      iface = { type, ...common };
      break;
    case 'network': {
      if (!source) throw xmlError('xml.net-source', `Missing <source> element in interface of type 'network'`);
      const network = source.requiredAttr('network');
      const portgroup = source.attr('portgroup');
      source.finish();
      iface = { type, ...common, source: { network, ...(portgroup !== undefined ? { portgroup } : {}) } };
      break;
    }
    case 'bridge': {
      if (!source) throw xmlError('xml.net-source', `Missing <source> element in interface of type 'bridge'`);
      const bridge = source.requiredAttr('bridge');
      source.finish();
      iface = { type, ...common, source: { bridge } };
      break;
    }
    case 'hostdev': {
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
      source.finish();
      iface = { type, ...common, ...(managed !== undefined ? { managed } : {}), source: { address } };
      break;
    }
    default:
      throw unsupported('parse.interface-type', `interface type '${type}' is not supported by teamctl yet`);
  }
  el.finish();
  return iface;
}

function parseMacElement(el: El): string | undefined {
  const macEl = el.child('mac');
  if (!macEl) return undefined;
  const text = macEl.attr('address');
  if (macEl.attr('type') !== undefined || macEl.attr('check') !== undefined) {
    throw unsupported('parse.mac-type', `<mac type=…/check=…> is not supported by teamctl`);
  }
  macEl.finish();
  if (text === undefined) return undefined;
  const mac = parseMac(text);
  if (mac === undefined) throw xmlError('xml.mac', `unable to parse mac address '${text}'`);
  if (parseInt(mac.slice(0, 2), 16) & 1) throw xmlError('xml.mac-multicast', `expected unicast mac address, found multicast '${text}'`);
  return mac;
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

function parseNetDriver(el: El, virtioOptions: boolean): NetDriver | undefined {
  const d = el.child('driver');
  if (!d) return undefined;
  const driver: NetDriver = {};
  // virtio options shared by all virtio devices
  const iommu = d.onOffAttr('iommu');
  const ats = d.onOffAttr('ats');
  const packed = d.onOffAttr('packed');
  const pagePerVq = d.onOffAttr('page_per_vq');
  if (iommu !== undefined) driver.iommu = iommu;
  if (ats !== undefined) driver.ats = ats;
  if (packed !== undefined) driver.packed = packed;
  if (pagePerVq !== undefined) driver.page_per_vq = pagePerVq;
  if (virtioOptions) {
    const name = d.enumAttr('name', ['qemu', 'vhost'] as const);
    if (name !== undefined) driver.name = name;
    const txmode = d.enumAttr('txmode', ['iothread', 'timer'] as const);
    if (txmode !== undefined) driver.txmode = txmode;
    const ioeventfd = d.onOffAttr('ioeventfd');
    if (ioeventfd !== undefined) driver.ioeventfd = ioeventfd;
    const eventIdx = d.onOffAttr('event_idx');
    if (eventIdx !== undefined) driver.event_idx = eventIdx;
    const queues = d.uintAttr('queues');
    // There is always at least one queue pair; libvirt stores 1 as "unset".
    if (queues !== undefined && queues !== 1) driver.queues = queues;
    const rx = d.uintAttr('rx_queue_size');
    if (rx !== undefined) driver.rx_queue_size = rx;
    const tx = d.uintAttr('tx_queue_size');
    if (tx !== undefined) driver.tx_queue_size = tx;
    const rss = d.onOffAttr('rss');
    if (rss !== undefined) driver.rss = rss;
    const hashReport = d.onOffAttr('rss_hash_report');
    if (hashReport !== undefined) driver.rss_hash_report = hashReport;
    const host = d.child('host');
    if (host) {
      driver.host = parseOffloads(host, ['csum', 'gso', 'tso4', 'tso6', 'ecn', 'ufo', 'mrg_rxbuf']);
      host.finish();
    }
    const guest = d.child('guest');
    if (guest) {
      driver.guest = parseOffloads(guest, ['csum', 'tso4', 'tso6', 'ecn', 'ufo']);
      guest.finish();
    }
  } else {
    const name = d.enumAttr('name', ['vfio', 'kvm', 'xen'] as const);
    if (name !== undefined) driver.name = name;
  }
  d.finish();
  return driver;
}

function parseOffloads(el: El, names: ReadonlyArray<keyof NetOffloads>): NetOffloads {
  const out: NetOffloads = {};
  for (const n of names) {
    const v = el.onOffAttr(n);
    if (v !== undefined) out[n] = v;
  }
  return out;
}

function parseTarget(el: El): { dev?: string; managed?: boolean } | undefined {
  const t = el.child('target');
  if (!t) return undefined;
  const dev = t.attr('dev');
  const managed = t.yesNoAttr('managed');
  t.finish();
  return { ...(dev !== undefined ? { dev } : {}), ...(managed !== undefined ? { managed } : {}) };
}
