/**
 * <driver> and <backend> of an interface (libvirt's
 * virDomainNetDefParseXMLDriver and virDomainNetBackendParseXML).
 */
import type { NetBackend, NetDriver, NetOffloads } from '../../model/devices.js';
import type { ParseContext } from '../common.js';
import { parseVirtioOptions } from '../virtio-options.js';
import type { El } from '../xml.js';

/** How libvirt reads <driver> for this interface. */
export type DriverFlavour =
  /** virtio model, not type='hostdev': all virtio-net options. */
  | 'virtio-net'
  /** type='hostdev': the host device backend name. */
  | 'hostdev'
  /** any other model: only the generic virtio options (which validation then refuses). */
  | 'other';

/** virtio-net <driver> attributes; 'name' first (type='hostdev' reads a name of its own). */
const VIRTIO_NET_ATTRS = ['name', 'txmode', 'ioeventfd', 'event_idx', 'queues', 'rx_queue_size', 'tx_queue_size', 'rss', 'rss_hash_report'] as const;

export function parseNetDriver(el: El, flavour: DriverFlavour, ctx: ParseContext): NetDriver | undefined {
  const d = el.child('driver');
  if (!d) return undefined;
  // virDomainVirtioOptionsParseXML: read for every interface.
  const driver: NetDriver = parseVirtioOptions(d);
  switch (flavour) {
    case 'virtio-net':
      parseVirtioNetOptions(d, driver);
      break;
    case 'hostdev': {
      // The host device's own <driver name=…> (libvirt reads it with the hostdev source).
      const name = d.enumAttr('name', ['vfio', 'kvm', 'xen'] as const);
      if (name !== undefined) driver.name = name;
      ignoreVirtioNetOptions(d, ctx, VIRTIO_NET_ATTRS.slice(1), "libvirt does not read it for type='hostdev' interfaces");
      break;
    }
    case 'other':
      ignoreVirtioNetOptions(d, ctx, VIRTIO_NET_ATTRS, 'libvirt reads it only for virtio interface models');
      break;
  }
  d.finish();
  return driver;
}

function parseVirtioNetOptions(d: El, driver: NetDriver): void {
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
  if (queues !== undefined && queues > 1) driver.queues = queues;
  const rx = d.uintAttr('rx_queue_size');
  if (rx !== undefined && rx > 0) driver.rx_queue_size = rx;
  const tx = d.uintAttr('tx_queue_size');
  if (tx !== undefined && tx > 0) driver.tx_queue_size = tx;
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
}

/** libvirt does not read virtio-net options for other models; say so instead of dropping them silently. */
function ignoreVirtioNetOptions(d: El, ctx: ParseContext, attrs: readonly string[], why: string): void {
  for (const a of attrs) {
    if (d.attr(a) !== undefined) ctx.warnings.push(`<driver ${a}='…'> of ${d.path} is ignored: ${why}`);
  }
  for (const name of ['host', 'guest']) {
    for (const c of d.children(name)) {
      c.consumeAll();
      ctx.warnings.push(`<driver><${name}> of ${d.path} is ignored: ${why}`);
    }
  }
}

function parseOffloads(el: El, names: ReadonlyArray<keyof NetOffloads>): NetOffloads {
  const out: NetOffloads = {};
  for (const n of names) {
    const v = el.onOffAttr(n);
    if (v !== undefined) out[n] = v;
  }
  return out;
}

/** <backend>: the custom vhost path is kept only where libvirt keeps it (virtio, not hostdev). */
export function parseNetBackend(el: El, virtioNet: boolean, ctx: ParseContext): NetBackend | undefined {
  const b = el.child('backend');
  if (!b) return undefined;
  const type = b.enumAttr('type', ['default', 'passt'] as const);
  const logFile = b.attr('logFile');
  const tap = b.attr('tap');
  const vhost = b.attr('vhost');
  b.finish();
  if (vhost !== undefined && !virtioNet) {
    ctx.warnings.push(`<backend vhost='…'> of ${b.path} is ignored: libvirt uses it only for virtio interface models`);
  }
  return {
    ...(type !== undefined ? { type } : {}),
    ...(tap !== undefined ? { tap: sanitizePath(tap) } : {}),
    ...(vhost !== undefined && virtioNet ? { vhost: sanitizePath(vhost) } : {}),
    ...(logFile !== undefined ? { logFile } : {}),
  };
}

/** virFileSanitizePath: collapse repeated slashes and drop a trailing one; URIs are left alone. */
export function sanitizePath(path: string): string {
  const uri = path.indexOf('://');
  if (uri >= 0 && path.indexOf('/') > uri) return path;
  let out = '';
  let i = 0;
  // A leading '//' has a meaning of its own in POSIX; '///' does not.
  if (path.startsWith('//') && path[2] !== '/') {
    out = '//';
    i = 2;
  }
  while (i < path.length) {
    if (path[i] !== '/') {
      out += path[i++];
      continue;
    }
    while (path[i] === '/') i++;
    if (out.length !== 0 && i >= path.length) break;
    out += '/';
  }
  return out;
}
