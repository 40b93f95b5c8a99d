/** How a device is named in diagnostics: its QEMU id, MAC, VF and network. */
import { formatHostPciAddress, type PciAddress } from '../model/address.js';
import type { TeamDevice } from './context.js';
import type { DeviceRef } from './diagnostic.js';

export function describe(dev: TeamDevice, options: { address?: boolean } = {}): DeviceRef {
  const a = dev.info.address;
  return {
    element: dev.element,
    type: dev.type,
    ...(dev.info.alias !== undefined ? { alias: dev.info.alias } : {}),
    // A MAC teamctl derived stands for libvirt's random one; naming it would mislead.
    ...(dev.mac !== undefined && dev.macExplicit ? { mac: dev.mac } : {}),
    ...(dev.host !== undefined ? { host: formatHostPciAddress(dev.host) } : {}),
    ...(dev.network !== undefined ? { network: dev.network.name } : {}),
    ...(options.address && a?.type === 'pci' ? { address: formatGuestPciAddress(a) } : {}),
  };
}

export function formatGuestPciAddress(a: PciAddress): string {
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
  return `${hex(a.domain, 4)}:${hex(a.bus, 2)}:${hex(a.slot, 2)}.${a.function.toString(16)}`;
}

/** `<interface type='hostdev'>`, `<hostdev type='pci'>`: the element as the user wrote it. */
export function elementLabel(dev: Pick<TeamDevice, 'element' | 'type'>): string {
  return `<${dev.element} type='${dev.type}'>`;
}

/** The id QEMU knows a device by, for prose. */
export function idOf(dev: TeamDevice): string {
  return dev.info.alias ?? '(no id)';
}
