/** libvirt <network> XML (given with --network-xml): name, forward mode and VF pool. */
import xpath from 'xpath';
import type { Element } from '@xmldom/xmldom';
import { unsupported, xmlError } from '../errors.js';
import type { ForwardMode, NetworkDef } from '../model/network.js';
import { parseHostPciAddress } from './common.js';
import { El, parseXmlDocument } from './xml.js';

const FORWARD_MODES = ['nat', 'route', 'open', 'bridge', 'private', 'vepa', 'passthrough', 'hostdev', 'none'] as const;

function select(expr: string, node: unknown): Element[] {
  return xpath.select(expr, node as Node) as unknown as Element[];
}

export function parseNetworkXml(text: string, source: string): NetworkDef {
  const doc = parseXmlDocument(text, source);
  const root = doc.documentElement!;
  if (root.nodeName !== 'network') {
    throw xmlError('xml.network-root', `${source}: unexpected root element <${root.nodeName}>, expecting <network>`);
  }
  const nameNode = select('/network/name', doc)[0];
  const name = nameNode?.textContent?.trim();
  if (!name) throw xmlError('xml.network-name', `${source}: missing network name`);

  const forwardNode = select('/network/forward', doc)[0];
  const bridgeNode = select('/network/bridge', doc)[0];
  const bridge = bridgeNode?.getAttribute('name') ?? undefined;
  if (!forwardNode) {
    return { name, source, forward: { mode: 'none', addresses: [] }, ...(bridge ? { bridge } : {}) };
  }
  const forward = new El(forwardNode, 'network/forward');
  const mode: ForwardMode = forward.enumAttr('mode', FORWARD_MODES) ?? 'nat';
  const managed = forward.yesNoAttr('managed');
  const driverName = select('./driver', forwardNode)[0]?.getAttribute('name') ?? undefined;
  if (driverName !== undefined && driverName !== 'vfio' && driverName !== 'kvm' && driverName !== 'xen') {
    throw xmlError('xml.network-driver', `${source}: Invalid value for attribute 'name' in element 'driver': '${driverName}'.`);
  }
  const addresses = select('./address', forwardNode).map((a) => {
    const el = new El(a, 'network/forward/address');
    if ((el.attr('type') ?? 'pci') !== 'pci') {
      throw unsupported('network.address-type', `${source}: forward <address type='${el.attr('type')}'> is not supported; hostdev pools list PCI addresses`);
    }
    return parseHostPciAddress(el);
  });
  const pf = select('./pf', forwardNode)[0]?.getAttribute('dev') ?? undefined;
  return {
    name,
    source,
    forward: {
      mode,
      addresses,
      ...(managed !== undefined ? { managed } : {}),
      ...(driverName !== undefined ? { driverName } : {}),
      ...(pf !== undefined ? { pf } : {}),
    },
    ...(bridge ? { bridge } : {}),
  };
}
