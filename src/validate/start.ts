/** Checks libvirt makes when the domain starts, once networks have handed out their devices. */
import type { NetworkDef } from '../model/network.js';
import { actualType } from '../postparse/network.js';
import type { Prepared } from '../postparse/index.js';
import { TeamctlError } from '../errors.js';
import { formatHostPciAddress } from '../model/address.js';
import { validateActualNet } from './net-actual.js';

export function validateStart(prepared: Prepared, networks: ReadonlyMap<string, NetworkDef>): void {
  const d = prepared.domain;
  for (const n of d.devices.interfaces) validateActualNet(n, actualType(n, networks), n.type === 'network' ? prepared.actual.get(n) : undefined);
  // A VF handed out by a network must not also be assigned by the domain itself.
  const assigned = new Set<string>();
  for (const n of d.devices.interfaces) if (n.type === 'hostdev') assigned.add(formatHostPciAddress(n.source.address));
  for (const h of d.devices.hostdevs) if (h.type === 'pci') assigned.add(formatHostPciAddress(h.source.address));
  for (const n of d.devices.interfaces) {
    const a = n.type === 'network' ? prepared.actual.get(n) : undefined;
    if (a?.type !== 'hostdev') continue;
    const addr = formatHostPciAddress(a.address);
    if (assigned.has(addr)) {
      throw new TeamctlError(
        'internal',
        'network.vf-in-use',
        `PCI device ${addr} allocated from network ${a.network.name} is already in use by domain ${d.name}`,
      );
    }
    assigned.add(addr);
  }
}
