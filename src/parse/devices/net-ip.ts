/**
 * <ip>, <route> and <portForward> of an interface: libvirt's
 * virDomainNetIPInfoParseXML, virNetDevIPRouteParseXML and
 * virDomainNetPortForwardDefParseXML, with their messages.
 */
import { TeamctlError, internalError, xmlError } from '../../errors.js';
import type { NetIp, NetIpInfo, NetPortForward, NetRoute } from '../../model/devices.js';
import { formatIpAddress, maskByNetmask, maskByPrefix, parseIpAddress, type IpAddress, type IpFamily } from '../ip-address.js';
import type { El } from '../xml.js';

/** The <ip> and <route> children of `el`; `detail` prefixes route messages as libvirt does. */
export function parseIpInfo(el: El, detail: string): NetIpInfo | undefined {
  const ips = el.children('ip').map(parseIp);
  const routes = el.children('route').map((r) => parseRoute(r, detail));
  return ips.length > 0 || routes.length > 0 ? { ips, routes } : undefined;
}

/** virStrToLong_ui. */
function parseUintText(text: string): number | undefined {
  const t = text.trimStart();
  if (!/^\+?[0-9]+$/.test(t)) return undefined;
  const n = Number(t);
  return n <= 0xffffffff ? n : undefined;
}

function parseIp(el: El): NetIp {
  const address = el.attr('address');
  if (address === undefined) throw xmlError('xml.net-ip-address', 'Missing required address in <ip>');
  const familyAttr = el.attr('family');
  const family: IpFamily | undefined =
    familyAttr === 'ipv4' || familyAttr === 'ipv6' ? familyAttr : parseIpAddress(address)?.family;
  const parsed = family !== undefined ? parseIpAddress(address, family) : undefined;
  if (!parsed) throw xmlError('xml.net-ip-address', `Invalid address '${address}' in <ip>`);
  const prefixStr = el.attr('prefix');
  let prefix: number | undefined;
  if (prefixStr !== undefined) {
    prefix = parseUintText(prefixStr);
    if (prefix === undefined || (parsed.family === 'ipv6' && prefix > 128) || (parsed.family === 'ipv4' && prefix > 32)) {
      throw xmlError('xml.net-ip-prefix', `Invalid prefix value '${prefixStr}' in <ip>`);
    }
  }
  const peerStr = el.attr('peer');
  let peer: string | undefined;
  if (peerStr !== undefined) {
    const p = parseIpAddress(peerStr, parsed.family);
    if (!p) throw new TeamctlError('invalid-arg', 'xml.net-ip-peer', `Invalid peer '${peerStr}' in <ip>`);
    peer = formatIpAddress(p);
  }
  el.finish();
  return {
    address: formatIpAddress(parsed),
    family: parsed.family,
    // libvirt stores a missing prefix as 0 and never prints 0.
    ...(prefix !== undefined && prefix > 0 ? { prefix } : {}),
    ...(peer !== undefined ? { peer } : {}),
  };
}

/** virNetDevIPRouteCreate's checks. */
function parseRoute(el: El, detail: string): NetRoute {
  const family = el.attr('family');
  const addressStr = el.attr('address');
  const netmaskStr = el.attr('netmask');
  const gatewayStr = el.attr('gateway');
  const prefix = el.uintAttr('prefix');
  const metric = el.uintAttr('metric', { nonZero: true });
  el.finish();
  if (addressStr === undefined) throw xmlError('xml.route', `${detail}: Missing required address attribute in route definition`);
  if (gatewayStr === undefined) throw xmlError('xml.route', `${detail}: Missing required gateway attribute in route definition`);
  const address = parseIpAddress(addressStr);
  if (!address) throw xmlError('xml.route', `${detail}: Bad network address '${addressStr}' in route definition`);
  const gateway = parseIpAddress(gatewayStr);
  if (!gateway) throw xmlError('xml.route', `${detail}: Bad gateway address '${gatewayStr}' in route definition`);
  let netmask: IpAddress | undefined;
  const prefixValue = prefix ?? 0;
  if (family === undefined || family === 'ipv4') {
    const which = family === undefined ? 'No family specified for' : 'IPv4 family specified for';
    if (address.family !== 'ipv4') throw xmlError('xml.route', `${detail}: ${which} non-IPv4 address '${addressStr}' in route definition`);
    // libvirt names the address, not the gateway, in this message.
    if (gateway.family !== 'ipv4') throw xmlError('xml.route', `${detail}: ${which} non-IPv4 gateway '${addressStr}' in route definition`);
    if (netmaskStr !== undefined) {
      netmask = parseIpAddress(netmaskStr);
      if (!netmask) throw xmlError('xml.route', `${detail}: Bad netmask address '${netmaskStr}' in route definition`);
      if (netmask.family !== 'ipv4') {
        throw xmlError('xml.route', `${detail}: Invalid netmask '${netmaskStr}' for address '${addressStr}' (both must be IPv4)`);
      }
      if (prefix !== undefined) throw xmlError('xml.route', `${detail}: Route definition cannot have both a prefix and a netmask`);
    }
    if (prefixValue > 32) {
      throw xmlError('xml.route', `${detail}: Invalid prefix ${prefixValue} specified in route definition, must be 0 - 32`);
    }
  } else if (family === 'ipv6') {
    if (address.family !== 'ipv6') throw xmlError('xml.route', `${detail}: ipv6 family specified for non-IPv6 address '${addressStr}' in route definition`);
    if (netmaskStr !== undefined) {
      throw xmlError('xml.route', `${detail}: Specifying netmask invalid for IPv6 address '${addressStr}' in route definition`);
    }
    if (gateway.family !== 'ipv6') {
      throw xmlError('xml.route', `${detail}: ipv6 specified for non-IPv6 gateway address '${gatewayStr}' in route definition`);
    }
    if (prefixValue > 128) {
      throw xmlError('xml.route', `${detail}: Invalid prefix ${prefixValue} specified in route definition, must be 0 - 128`);
    }
  } else {
    throw xmlError('xml.route', `${detail}: Unrecognized family '${family}' in route definition`);
  }
  const network = netmask !== undefined ? maskByNetmask(address, netmask) : maskByPrefix(address, prefixValue);
  if (!network) {
    throw netmaskStr !== undefined
      ? internalError('xml.route', `${detail}: Error converting address '${addressStr}' with netmask '${netmaskStr}' to network-address in route definition`)
      : internalError('xml.route', `${detail}: Error converting address '${addressStr}' with prefix ${prefixValue} to network-address in route definition`);
  }
  if (network.value !== address.value) {
    throw xmlError('xml.route', `${detail}: Address '${addressStr}' in route definition is not a network address`);
  }
  return {
    ...(family !== undefined ? { family } : {}),
    address: formatIpAddress(address),
    ...(netmask !== undefined ? { netmask: formatIpAddress(netmask) } : {}),
    ...(prefix !== undefined ? { prefix } : {}),
    gateway: formatIpAddress(gateway),
    ...(metric !== undefined ? { metric } : {}),
  };
}

/** <portForward> elements (meaningful only with the passt backend; validation says so). */
export function parsePortForwards(el: El): NetPortForward[] {
  return el.children('portForward').map((pf) => {
    const proto = pf.requiredEnumAttr('proto', ['tcp', 'udp'] as const);
    const addressStr = pf.attr('address');
    let address: string | undefined;
    if (addressStr !== undefined) {
      const a = parseIpAddress(addressStr);
      if (!a) throw xmlError('xml.port-forward', `Invalid address '${addressStr}' in <portForward>`);
      address = formatIpAddress(a);
    }
    const dev = pf.attr('dev');
    const ranges = pf.children('range').map((r) => {
      const start = r.uintAttr('start', { nonZero: true });
      const end = r.uintAttr('end', { nonZero: true });
      const to = r.uintAttr('to', { nonZero: true });
      const exclude = r.yesNoAttr('exclude');
      r.finish();
      return {
        ...(start !== undefined ? { start } : {}),
        ...(end !== undefined ? { end } : {}),
        ...(to !== undefined ? { to } : {}),
        ...(exclude !== undefined ? { exclude } : {}),
      };
    });
    pf.finish();
    return { proto, ...(address !== undefined ? { address } : {}), ...(dev !== undefined ? { dev } : {}), ranges };
  });
}
