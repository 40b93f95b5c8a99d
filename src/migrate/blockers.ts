/**
 * libvirt's migration rule for host devices (qemuMigrationSrcIsAllowedHostdev):
 * USB host devices move with the guest; a PCI device may stay only when it is
 * the transient half of a failover (teaming) pair, because QEMU unplugs it
 * before migrating; every other host device blocks migration.
 *
 * libvirt stops at the first blocker; teamctl lists all of them, in libvirt's
 * hostdev order (interface-backed devices first, then <hostdev> elements, then
 * devices handed out by networks at start).
 */
import { formatHostPciAddress } from '../model/address.js';
import type { Hostdev, Interface, NetworkInterface, Teaming } from '../model/devices.js';
import type { Prepared } from '../postparse/index.js';

export interface MigrationBlocker {
  /** The element that asked for the device. */
  readonly element: 'hostdev' | 'interface';
  /** The device's alias as libvirt names it on a running domain. */
  readonly alias: string;
  /** Host device it passes through: a PCI address, a mediated device UUID. */
  readonly source: string;
  /** libvirt's message (category "Operation not supported"). */
  readonly message: string;
}

interface Candidate {
  readonly element: 'hostdev' | 'interface';
  readonly alias: string;
  readonly source: string;
  readonly teaming?: Teaming | undefined;
  /** For interfaces, the actual type the message names. */
  readonly interfaceType?: string;
  readonly subsysType: 'pci' | 'usb' | 'mdev';
}

export function migrationBlockers(prepared: Prepared): MigrationBlocker[] {
  const blockers: MigrationBlocker[] = [];
  for (const c of hostdevsInLibvirtOrder(prepared)) {
    if (c.subsysType === 'usb') continue;
    if (c.subsysType === 'pci' && c.teaming?.type === 'transient') continue;
    const message =
      c.element === 'interface'
        ? `cannot migrate a domain with <interface type='${c.interfaceType}'>`
        : `cannot migrate a domain with <hostdev mode='subsystem' type='${c.subsysType}'>`;
    blockers.push({ element: c.element, alias: c.alias, source: c.source, message });
  }
  return blockers;
}

function hostdevsInLibvirtOrder(prepared: Prepared): Candidate[] {
  const { domain, actual } = prepared;
  const out: Candidate[] = [];
  for (const n of domain.devices.interfaces) {
    if (n.type === 'hostdev') out.push(fromInterface(n, 'hostdev', formatHostPciAddress(n.source.address)));
  }
  for (const h of domain.devices.hostdevs) out.push(fromHostdev(h));
  for (const n of domain.devices.interfaces) {
    if (n.type !== 'network') continue;
    const a = actual.get(n as NetworkInterface);
    if (a?.type === 'hostdev') out.push(fromInterface(n, 'hostdev', formatHostPciAddress(a.address)));
  }
  return out;
}

function fromInterface(n: Interface, actualType: string, source: string): Candidate {
  return { element: 'interface', alias: n.info.alias ?? '', source, teaming: n.teaming, interfaceType: actualType, subsysType: 'pci' };
}

function fromHostdev(h: Hostdev): Candidate {
  const base = { element: 'hostdev' as const, alias: h.info.alias ?? '', teaming: h.teaming };
  switch (h.type) {
    case 'pci':
      return { ...base, subsysType: 'pci', source: formatHostPciAddress(h.source.address) };
    case 'mdev':
      return { ...base, subsysType: 'mdev', source: h.source.address.uuid };
    case 'usb':
      return { ...base, subsysType: 'usb', source: usbSource(h) };
  }
}

function usbSource(h: Extract<Hostdev, { type: 'usb' }>): string {
  const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
  const s = h.source;
  if (s.address) return `usb ${s.address.bus}.${s.address.device}`;
  return `usb ${s.vendor !== undefined ? hex(s.vendor) : '?'}:${s.product !== undefined ? hex(s.product) : '?'}`;
}
