/**
 * <hostdev> rules with libvirt's messages: virDomainHostdevDefValidate's
 * address rules, qemuValidateDomainDeviceDefHostdev, and the domain-wide
 * virDomainDefHostdevValidate.
 */
import type { Caps } from '../caps/caps.js';
import { internalError, unsupported, xmlError } from '../errors.js';
import { formatHostPciAddress } from '../model/address.js';
import type { Hostdev, MdevHostdev } from '../model/devices.js';
import type { Domain } from '../model/domain.js';

/** The address rules of virDomainHostdevDefValidate (the teaming rules live in teaming.ts). */
export function validateHostdevAddress(h: Hostdev): void {
  const t = h.info.address?.type;
  if (t === undefined) return;
  if (h.type === 'pci' && t !== 'unassigned' && t !== 'pci') {
    throw internalError('hostdev.pci-address', "PCI host devices must use 'pci' or 'unassigned' address type");
  }
  if (h.type === 'usb' && t !== 'usb') throw unsupported('hostdev.usb-address', "USB host device must use 'usb' address type");
  // Mediated device addresses are checked at post-parse (postparse/hostdev.ts).
}

/** qemuValidateDomainDeviceDefHostdev. */
export function validateHostdevQemu(h: Hostdev, d: Domain, caps: Caps): void {
  if (h.type === 'usb') {
    if (h.source.guestReset !== undefined && !caps.has('usb-host.guest-resets-all')) {
      throw unsupported('hostdev.guest-reset', 'guestReset is not supported with this version of QEMU');
    }
    return;
  }
  if (h.type === 'mdev') {
    validateMdevQemu(h, d, caps);
    return;
  }
  if (h.driver?.name === 'vfio' && !caps.has('vfio-pci')) {
    throw unsupported('hostdev.vfio-caps', 'VFIO PCI device assignment is not supported by this version of qemu');
  }
  if (h.source.writeFiltering !== undefined) {
    throw unsupported('hostdev.write-filtering', 'Write filtering of PCI device configuration space is not supported by qemu');
  }
  if (h.display === true && d.devices.graphics.length === 0) {
    throw unsupported('hostdev.display-graphics', "graphics device is needed for attribute value 'display=on' in <hostdev>");
  }
}

/** qemuValidateDomainMdevDef. */
function validateMdevQemu(h: MdevHostdev, d: Domain, caps: Caps): void {
  switch (h.model) {
    case 'vfio-pci':
      if (!caps.has('vfio-pci')) throw unsupported('mdev.vfio-pci', 'VFIO PCI device assignment is not supported by this version of QEMU');
      if (h.info.bootOrder !== undefined) {
        throw unsupported('mdev.boot', 'booting from assigned devices is not supported by mediated devices of model vfio-pci');
      }
      if (h.display === true && d.devices.graphics.length === 0) {
        throw unsupported('hostdev.display-graphics', "graphics device is needed for attribute value 'display=on' in <hostdev>");
      }
      return;
    case 'vfio-ap':
      if (!caps.has('vfio-ap')) throw unsupported('mdev.vfio-ap', 'VFIO AP device assignment is not supported by this version of QEMU');
      return;
    case 'vfio-ccw':
      if (!caps.has('vfio-ccw')) throw unsupported('mdev.vfio-ccw', 'VFIO CCW device assignment is not supported by this version of QEMU');
      return;
  }
}

/** virDomainDefHostdevValidate: no host device twice, at most one ramfb. */
export function validateHostdevsDomain(d: Domain): void {
  // libvirt's hostdev list starts with the <interface type='hostdev'> devices.
  const list: HostSource[] = [];
  for (const n of d.devices.interfaces) if (n.type === 'hostdev') list.push({ type: 'pci', pci: formatHostPciAddress(n.source.address) });
  for (const h of d.devices.hostdevs) list.push(hostSource(h));
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (sameHostDevice(list[i]!, list[j]!)) throw xmlError('hostdev.duplicate', 'Hostdev already exists in the domain configuration');
    }
  }
  if (d.devices.hostdevs.filter((h) => (h.type === 'pci' || h.type === 'mdev') && h.ramfb === true).length > 1) {
    throw unsupported('hostdev.ramfb', "Only one vgpu device can have 'ramfb' enabled");
  }
}

type HostSource =
  | { type: 'pci'; pci: string }
  | { type: 'mdev'; uuid: string }
  | { type: 'usb'; bus: number; device: number; vendor: number; product: number };

function hostSource(h: Hostdev): HostSource {
  if (h.type === 'pci') return { type: 'pci', pci: formatHostPciAddress(h.source.address) };
  if (h.type === 'mdev') return { type: 'mdev', uuid: h.source.address.uuid };
  const s = h.source;
  return { type: 'usb', bus: s.address?.bus ?? 0, device: s.address?.device ?? 0, vendor: s.vendor ?? 0, product: s.product ?? 0 };
}

/** virDomainHostdevMatch: USB devices match by bus/device when the first has them, else by vendor/product. */
function sameHostDevice(a: HostSource, b: HostSource): boolean {
  if (a.type === 'pci' || b.type === 'pci') return a.type === 'pci' && b.type === 'pci' && a.pci === b.pci;
  if (a.type === 'mdev' || b.type === 'mdev') return a.type === 'mdev' && b.type === 'mdev' && a.uuid === b.uuid;
  if (a.bus && a.device) return a.bus === b.bus && a.device === b.device;
  return a.vendor === b.vendor && a.product === b.product;
}
