/**
 * The USB port tree of a domain (libvirt's virDomainUSBAddressSet): one hub
 * per USB controller index, with more hubs hanging off ports. Ports are
 * numbered from 1; a device's port is the path through the hubs, '1.2'.
 */
import { internalError, xmlError } from '../../errors.js';
import type { DeviceInfo, UsbAddress } from '../../model/address.js';
import type { Controller } from '../../model/devices.js';

/** Ports of a <hub type='usb'> (QEMU's usb-hub). */
export const USB_HUB_PORTS = 8;
/** libvirt keeps at most four levels of ports. */
const MAX_PORT_DEPTH = 4;

class UsbHub {
  readonly used: boolean[];
  readonly hubs: Array<UsbHub | undefined>;

  constructor(nports: number) {
    this.used = new Array<boolean>(nports).fill(false);
    this.hubs = new Array<UsbHub | undefined>(nports).fill(undefined);
  }

  get nports(): number {
    return this.used.length;
  }
}

/** Ports a USB controller model provides (virDomainUSBAddressControllerModelToPorts). */
export function usbControllerPorts(c: Controller): number {
  switch (c.model) {
    case undefined:
    case 'piix3-uhci':
    case 'piix4-uhci':
    case 'vt82c686b-uhci':
      return 2;
    case 'ehci':
    case 'ich9-ehci1':
      return 6;
    case 'pci-ohci':
      return 3;
    case 'nec-xhci':
    case 'qemu-xhci':
      return c.ports ?? 4;
    case 'qusb1':
    case 'qusb2':
      return c.ports ?? 8;
    default:
      // The UHCI companions of an EHCI controller share its ports; 'none' has none.
      return 0;
  }
}

/** The port path of an address as numbers; [] when it has no valid port (port[0] is 0). */
export function usbPortPath(a: UsbAddress): number[] {
  if (a.port === undefined) return [];
  const path = a.port.split('.').map(Number);
  return path[0] === 0 ? [] : path;
}

/** libvirt's virDomainUSBAddressPortFormat: the path up to the first 0. */
function formatPort(path: readonly number[]): string {
  const end = path.indexOf(0);
  return (end < 0 ? path : path.slice(0, end)).join('.');
}

/** The port as libvirt prints it ('' when the address has none). */
export function formatUsbPort(a: UsbAddress): string {
  return a.port === undefined ? '' : formatPort(a.port.split('.').map(Number));
}

export function hasValidUsbPort(info: DeviceInfo): boolean {
  return info.address?.type === 'usb' && usbPortPath(info.address).length > 0;
}

export class UsbAddressSet {
  private readonly buses: Array<UsbHub | undefined> = [];

  addController(c: Controller): void {
    const nports = usbControllerPorts(c);
    if (nports === 0) return;
    if (this.buses[c.index]) throw xmlError('usb.controller-dup', `Duplicate USB controllers with index ${c.index}`);
    this.buses[c.index] = new UsbHub(nports);
  }

  /** virDomainUSBAddressSetAddHub: a hub device with a port becomes a new branch of the tree. */
  addHub(info: DeviceInfo): void {
    const a = info.address;
    if (a?.type !== 'usb') throw xmlError('usb.hub-address', 'Wrong address type for USB hub');
    const path = usbPortPath(a);
    const portStr = formatPort(path);
    const { hub, index } = this.findPort(a.bus, path, portStr);
    if (hub.hubs[index]) throw xmlError('usb.hub-dup', `Duplicate USB hub on bus ${a.bus} port ${portStr}`);
    hub.used[index] = true;
    hub.hubs[index] = new UsbHub(USB_HUB_PORTS);
  }

  /** virDomainUSBAddressReserve: mark a device's port as taken. Addresses without a port are ignored. */
  reserve(info: DeviceInfo): void {
    const a = info.address;
    if (a?.type !== 'usb') return;
    const path = usbPortPath(a);
    if (path.length === 0) return;
    const portStr = formatPort(path);
    const { hub, index } = this.findPort(a.bus, path, portStr);
    if (hub.used[index]) throw xmlError('usb.address-dup', `Duplicate USB address bus ${a.bus} port ${portStr}`);
    hub.used[index] = true;
  }

  /** virDomainUSBAddressAssign: the first free port, on the requested bus or on any bus. */
  assign(info: DeviceInfo): void {
    const a = info.address;
    if (a?.type === 'usb') {
      if (!this.buses[a.bus]) {
        throw xmlError('usb.bus-missing', `USB bus ${a.bus} requested but no controller with that index is present`);
      }
      if (this.assignFromBus(info, a.bus)) return;
    } else {
      for (let bus = 0; bus < this.buses.length; bus++) {
        if (this.assignFromBus(info, bus)) return;
      }
    }
    throw internalError('usb.no-free-port', 'No free USB ports');
  }

  private assignFromBus(info: DeviceInfo, bus: number): boolean {
    const root = this.buses[bus];
    if (!root) return false;
    const path = findFreePort(root, 0);
    if (!path) return false;
    info.address = { type: 'usb', bus, port: path.join('.') };
    this.reserve(info);
    return true;
  }

  /** virDomainUSBAddressFindPort: the hub a path ends on and the index of its last port. */
  private findPort(bus: number, path: readonly number[], portStr: string): { hub: UsbHub; index: number } {
    const root = this.buses[bus];
    if (!root) throw xmlError('usb.bus-missing', `Missing USB bus ${bus}`);
    let hub: UsbHub = root;
    let last = path.length - 1;
    while (last > 0 && path[last] === 0) last--;
    for (let i = 0; i < last; i++) {
      const port = path[i]!;
      if (port < 1 || port > hub.nports) {
        throw xmlError('usb.port-range', `port ${port} out of range in USB address bus: ${bus} port: ${portStr}`);
      }
      const next: UsbHub | undefined = hub.hubs[port - 1];
      if (!next) throw xmlError('usb.no-hub', `there is no hub at port ${port} in USB address bus: ${bus} port: ${portStr}`);
      hub = next;
    }
    const index = path[last]! - 1;
    if (index < 0 || index >= hub.nports) {
      throw xmlError('usb.port-missing', `requested USB port ${portStr} not present on USB bus ${bus}`);
    }
    return { hub, index };
  }
}

/** A free port on this hub, else the first hub below it that has one (depth first). */
function findFreePort(hub: UsbHub, level: number): number[] | undefined {
  const free = hub.used.indexOf(false);
  if (free >= 0) return [free + 1];
  if (level >= MAX_PORT_DEPTH - 1) return undefined;
  for (let i = 0; i < hub.nports; i++) {
    const child = hub.hubs[i];
    if (!child) continue;
    const rest = findFreePort(child, level + 1);
    if (rest) return [i + 1, ...rest];
  }
  return undefined;
}
