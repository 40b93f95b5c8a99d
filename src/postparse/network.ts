/**
 * What an <interface type='network'> really is: libvirt asks the network
 * driver; teamctl reads the network definitions given with --network-xml.
 * A hostdev pool hands out its first VF not used by an earlier interface.
 */
import { TeamctlError, unsupported } from '../errors.js';
import { formatHostPciAddress, type HostPciAddress } from '../model/address.js';
import type { Interface, NetworkInterface } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import type { NetworkDef } from '../model/network.js';

export type ActualNet =
  | { type: 'hostdev'; network: NetworkDef; address: HostPciAddress; managed?: boolean; driverName?: string }
  | { type: 'bridge'; network: NetworkDef; bridge?: string }
  | { type: 'direct'; network: NetworkDef };

export type NetworkLookup = ReadonlyMap<string, NetworkDef>;

function lookup(networks: NetworkLookup, iface: NetworkInterface): NetworkDef {
  const net = networks.get(iface.source.network);
  if (!net) {
    throw new TeamctlError(
      'config-unsupported',
      'network.unknown',
      `network '${iface.source.network}' is not defined: pass its libvirt network XML with --network-xml`,
    );
  }
  return net;
}

/** The interface type after resolving networks (libvirt's virDomainNetResolveActualType). */
export function actualType(iface: Interface, networks: NetworkLookup): string {
  if (iface.type !== 'network') return iface.type;
  const net = lookup(networks, iface);
  const mode = net.forward.mode;
  switch (mode) {
    case 'hostdev':
      return 'hostdev';
    case 'private':
    case 'vepa':
    case 'passthrough':
      return 'direct';
    case 'bridge':
      // Without a host bridge, forward mode='bridge' attaches macvtaps to the listed interfaces.
      return net.bridge !== undefined ? 'bridge' : 'direct';
    case 'nat':
    case 'route':
    case 'open':
    case 'none':
      return 'bridge';
  }
}

/**
 * Allocate a VF for every interface on a hostdev pool, in interface order
 * (libvirt's networkAllocatePort picks the first device with no connection).
 */
export function allocateNetworks(d: Domain, networks: NetworkLookup): Map<NetworkInterface, ActualNet> {
  const out = new Map<NetworkInterface, ActualNet>();
  const used = new Map<string, Set<string>>();
  for (const iface of d.devices.interfaces) {
    if (iface.type !== 'network') continue;
    const net = lookup(networks, iface);
    switch (net.forward.mode) {
      case 'hostdev': {
        if (net.forward.pf !== undefined && net.forward.addresses.length === 0) {
          throw unsupported(
            'network.pf-pool',
            `network '${net.name}' defines its pool with <pf dev='${net.forward.pf}'/>; teamctl cannot list a host's VFs, so list them as <address type='pci' .../> in <forward>`,
          );
        }
        const taken = used.get(net.name) ?? new Set<string>();
        used.set(net.name, taken);
        const address = net.forward.addresses.find((a) => !taken.has(formatHostPciAddress(a)));
        if (!address) {
          throw new TeamctlError(
            'internal',
            'network.pool-exhausted',
            `network '${net.name}' requires exclusive access to interfaces, but none are available`,
          );
        }
        taken.add(formatHostPciAddress(address));
        out.set(iface, {
          type: 'hostdev',
          network: net,
          address,
          ...(net.forward.managed !== undefined ? { managed: net.forward.managed } : {}),
          ...(net.forward.driverName !== undefined ? { driverName: net.forward.driverName } : {}),
        });
        break;
      }
      case 'private':
      case 'vepa':
      case 'passthrough':
        out.set(iface, { type: 'direct', network: net });
        break;
      case 'bridge':
        if (net.bridge !== undefined) out.set(iface, { type: 'bridge', network: net, bridge: net.bridge });
        else out.set(iface, { type: 'direct', network: net });
        break;
      default:
        out.set(iface, { type: 'bridge', network: net, ...(net.bridge !== undefined ? { bridge: net.bridge } : {}) });
    }
  }
  return out;
}
