/** <interface>: libvirt's virDomainNetDefFormat for the inactive definition. */
import type { Interface, NetDriver, NetIpInfo, NetOffloads, NetPortForward } from '../../model/devices.js';
import { isVirtioNetModel } from '../../model/net-models.js';
import type { DeviceFormatter } from '../context.js';
import { formatDeviceInfo } from '../device-info.js';
import { keptElementName, writeKeptElement } from '../kept-xml.js';
import { onOff, yesNo } from '../values.js';
import type { Attr, XmlWriter } from '../xml-writer.js';
import { formatInterfaceHostdevSource } from './hostdev.js';
import { formatTeaming } from './teaming.js';
import { virtioOptionAttrs } from './virtio-options.js';

export const formatInterface: DeviceFormatter<Interface> = (w, n) => {
  w.element(
    'interface',
    [
      ['type', n.type],
      ['managed', n.type === 'hostdev' && n.managed ? 'yes' : undefined],
      ['trustGuestRxFilters', yesNo(n.trustGuestRxFilters)],
    ],
    (body) => {
      body.element('mac', [
        ['address', n.mac],
        ['type', n.macType],
        ['check', yesNo(n.macCheck)],
      ]);
      formatSource(body, n);
      const kept = keptByName(n.hostSideXml);
      for (const name of ['vlan', 'virtualport', 'bandwidth']) for (const xml of kept.get(name) ?? []) writeKeptElement(body, xml);
      if (n.isolatedPort !== undefined) body.element('port', [['isolated', yesNo(n.isolatedPort)]]);
      if (n.guestIp) formatIpInfo(body, n.guestIp);
      for (const pf of n.portForwards ?? []) formatPortForward(body, pf);
      if (n.script !== undefined) body.element('script', [['path', n.script]]);
      if (n.downscript !== undefined) body.element('downscript', [['path', n.downscript]]);
      if (n.target) {
        body.optionalElement('target', [
          ['dev', n.target.dev],
          ['managed', yesNo(n.target.managed)],
        ]);
      }
      if (n.model !== undefined) {
        body.element('model', [['type', n.model]]);
        if (n.type !== 'hostdev' && isVirtioNetModel(n.model) && n.driver) formatVirtioDriver(body, n.driver);
      }
      if (n.backend) {
        body.optionalElement('backend', [
          ['type', n.backend.type],
          ['tap', n.backend.tap],
          ['vhost', n.backend.vhost],
          ['logFile', n.backend.logFile],
        ]);
      }
      // libvirt reads <filterref> only for the types that have one (the parser warned about the rest).
      if (n.filterref !== undefined) for (const xml of kept.get('filterref') ?? []) writeKeptElement(body, xml);
      if (n.sndbuf !== undefined) body.element('tune', [], (t) => t.textElement('sndbuf', String(n.sndbuf)));
      formatTeaming(body, n.teaming);
      if (n.linkState !== undefined) body.element('link', [['state', n.linkState]]);
      if (n.mtu !== undefined) body.element('mtu', [['size', n.mtu]]);
      if (n.coalesce && n.coalesce.rxMaxFrames > 0) {
        body.element('coalesce', [], (c) => c.element('rx', [], (rx) => rx.element('frames', [['max', n.coalesce!.rxMaxFrames]])));
      }
      formatDeviceInfo(body, n.info, { allowBoot: true, allowRom: true });
    },
  );
};

function keptByName(list: readonly string[] = []): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const xml of list) {
    const name = keptElementName(xml);
    map.set(name, [...(map.get(name) ?? []), xml]);
  }
  return map;
}

/** The per-type <source> (the type switch of virDomainNetDefFormat), with the host-side <ip>/<route>. */
function formatSource(w: XmlWriter, n: Interface): void {
  const attrs: Attr[] = [];
  const children: Array<(c: XmlWriter) => void> = [];
  switch (n.type) {
    case 'hostdev':
      formatInterfaceHostdevSource(w, n);
      return;
    case 'network':
      attrs.push(['network', n.source.network], ['portgroup', n.source.portgroup]);
      break;
    case 'bridge':
      attrs.push(['bridge', n.source.bridge]);
      break;
    case 'internal':
      attrs.push(['name', n.source.name]);
      break;
    case 'vdpa':
      attrs.push(['dev', n.source.dev]);
      break;
    case 'vhostuser':
      // With the passt backend, passt provides the socket: nothing of it is configuration.
      if (n.backend?.type !== 'passt') {
        attrs.push(['type', 'unix'], ['path', n.source.path], ['mode', n.source.mode ?? 'client']);
        const r = n.source.reconnect;
        if (r) children.push((c) => c.element('reconnect', [['enabled', yesNo(r.enabled)], ['timeout', r.enabled ? r.timeout : undefined]]));
      }
      break;
    case 'server':
    case 'client':
    case 'mcast':
    case 'udp': {
      const s = n.source;
      attrs.push(['address', s.address], ['port', s.port]);
      if (n.type === 'udp' && s.local) {
        const local = s.local;
        children.push((c) => c.element('local', [['address', local.address], ['port', local.port]]));
      }
      break;
    }
    case 'user':
    case 'ethernet':
    case 'null':
    case 'direct':
    case 'vds':
      break;
  }
  const hostIp = n.hostIp;
  if (hostIp) children.push((c) => formatIpInfo(c, hostIp));
  w.optionalElement('source', attrs, (c) => {
    for (const child of children) child(c);
  });
}

/** virDomainNetIPInfoFormat. */
function formatIpInfo(w: XmlWriter, info: NetIpInfo): void {
  for (const ip of info.ips) {
    w.element('ip', [
      ['address', ip.address],
      ['family', ip.family],
      ['prefix', ip.prefix || undefined],
      ['peer', ip.peer],
    ]);
  }
  for (const r of info.routes) {
    w.element('route', [
      ['family', r.family],
      ['address', r.address],
      ['netmask', r.netmask],
      ['prefix', r.prefix],
      ['gateway', r.gateway],
      ['metric', r.metric || undefined],
    ]);
  }
}

function formatPortForward(w: XmlWriter, pf: NetPortForward): void {
  w.element(
    'portForward',
    [
      ['proto', pf.proto],
      ['address', pf.address],
      ['dev', pf.dev],
    ],
    (c) => {
      for (const r of pf.ranges) {
        c.optionalElement('range', [
          ['start', r.start],
          ['end', r.start !== undefined ? r.end : undefined],
          ['to', r.start !== undefined ? r.to : undefined],
          ['exclude', yesNo(r.exclude)],
        ]);
      }
    },
  );
}

/** virDomainVirtioNetDriverFormat with its <host> and <guest> offload children; left out when empty. */
function formatVirtioDriver(w: XmlWriter, d: NetDriver): void {
  w.optionalElement(
    'driver',
    [
      ['name', d.name],
      ['txmode', d.txmode],
      ['ioeventfd', onOff(d.ioeventfd)],
      ['event_idx', onOff(d.event_idx)],
      ['queues', d.queues],
      ['rx_queue_size', d.rx_queue_size],
      ['tx_queue_size', d.tx_queue_size],
      ['rss', onOff(d.rss)],
      ['rss_hash_report', onOff(d.rss_hash_report)],
      ...virtioOptionAttrs(d),
    ],
    (c) => {
      if (d.host) c.optionalElement('host', offloadAttrs(d.host, ['csum', 'gso', 'tso4', 'tso6', 'ecn', 'ufo', 'mrg_rxbuf']));
      if (d.guest) c.optionalElement('guest', offloadAttrs(d.guest, ['csum', 'tso4', 'tso6', 'ecn', 'ufo']));
    },
  );
}

function offloadAttrs(o: NetOffloads, names: ReadonlyArray<keyof NetOffloads>): Attr[] {
  return names.map((n) => [n, onOff(o[n])] as const);
}
