/**
 * virtio-serial port addresses (libvirt's virDomainVirtioSerialAddrSet and
 * qemuDomainAssignVirtioSerialAddresses): every virtio channel and console
 * sits on a port of a virtio-serial controller.
 */
import { internalError, xmlError } from '../errors.js';
import type { DeviceInfo, VirtioSerialAddress } from '../model/address.js';
import type { Controller } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import { addVirtioSerialController } from './chardev.js';
import { allDevices } from './devices.js';

/** Ports of a virtio-serial controller without ports='N'. */
export const DEFAULT_VIRTIO_SERIAL_PORTS = 31;

interface ControllerPorts {
  readonly index: number;
  /** used[p]: port p is taken; the length is the controller's port count. */
  readonly used: boolean[];
}

/** libvirt's virBitmapNextClearBit: the first free port after `after`, or -1. */
function nextFree(used: readonly boolean[], after: number): number {
  for (let p = after + 1; p < used.length; p++) if (!used[p]) return p;
  return -1;
}

/** An address is complete once it names a port; port 0 means "pick one". */
export function isVirtioSerialAddressComplete(info: DeviceInfo): boolean {
  return info.address?.type === 'virtio-serial' && info.address.port !== 0;
}

export class VirtioSerialAddressSet {
  /** Sorted by controller index. */
  private readonly controllers: ControllerPorts[] = [];

  /** Adds a controller's ports (virDomainVirtioSerialAddrSetAddController). */
  addController(c: Pick<Controller, 'type' | 'index' | 'ports'>): void {
    if (c.type !== 'virtio-serial') return;
    const entry: ControllerPorts = { index: c.index, used: new Array<boolean>(c.ports ?? DEFAULT_VIRTIO_SERIAL_PORTS).fill(false) };
    let at = this.controllers.length;
    for (let i = 0; i < this.controllers.length; i++) {
      const cur = this.controllers[i]!;
      if (cur.index === c.index) {
        throw internalError('virtio-serial.duplicate', `virtio serial controller with index ${c.index} already exists in the address set`);
      }
      if (cur.index > c.index) {
        at = i;
        break;
      }
    }
    this.controllers.splice(at, 0, entry);
  }

  private find(index: number): ControllerPorts | undefined {
    return this.controllers.find((c) => c.index === index);
  }

  /** Marks a complete address as used (virDomainVirtioSerialAddrReserve). */
  reserve(a: VirtioSerialAddress): void {
    if (a.port === 0) return;
    const c = this.find(a.controller);
    if (!c) throw xmlError('virtio-serial.missing', `virtio serial controller ${a.controller} is missing`);
    if (a.port >= c.used.length) {
      throw xmlError('virtio-serial.no-port', `virtio serial controller ${a.controller} does not have port ${a.port}`);
    }
    if (c.used[a.port]) {
      throw xmlError('virtio-serial.occupied', `virtio serial port ${a.port} on controller ${a.controller} is already occupied`);
    }
    c.used[a.port] = true;
  }

  /**
   * The first free port on any controller (virDomainVirtioSerialAddrNext).
   * Port 0 is for consoles only (`allowZero`). When every controller is full
   * and `d` is given, a new controller is added to the domain.
   */
  next(d: Domain | undefined, allowZero: boolean): VirtioSerialAddress {
    const start = allowZero ? -1 : 0;
    if (this.controllers.length === 0) throw internalError('virtio-serial.none', 'no virtio-serial controllers are available');
    for (const c of this.controllers) {
      const port = nextFree(c.used, start);
      if (port >= 0) return { type: 'virtio-serial', controller: c.index, bus: 0, port };
    }
    if (d) {
      for (let i = 0; ; i++) {
        if (d.devices.controllers.some((c) => c.type === 'virtio-serial' && c.index === i)) continue;
        addVirtioSerialController(d, i);
        this.addController({ type: 'virtio-serial', index: i });
        return { type: 'virtio-serial', controller: i, bus: 0, port: start + 1 };
      }
    }
    throw xmlError('virtio-serial.full', 'Unable to find a free virtio-serial port');
  }

  /** The first free port (never 0) on one controller (virDomainVirtioSerialAddrNextFromController). */
  nextOnController(controller: number): VirtioSerialAddress {
    const c = this.find(controller);
    if (!c) throw internalError('virtio-serial.unavailable', `virtio-serial controller ${controller} not available`);
    const port = nextFree(c.used, 0);
    if (port <= 0) throw xmlError('virtio-serial.controller-full', `Unable to find a free port on virtio-serial controller ${controller}`);
    return { type: 'virtio-serial', controller, bus: 0, port };
  }

  /**
   * virDomainVirtioSerialAddrAutoAssignFromCache. A device that named its
   * controller keeps it. With `allowZero` (consoles) libvirt works on a
   * scratch address: the port is taken, but the device keeps no address.
   */
  autoAssign(d: Domain, info: DeviceInfo, allowZero: boolean): void {
    const own = info.address?.type === 'virtio-serial' ? info.address : undefined;
    if (own && own.port !== 0) {
      this.reserve(own);
      return;
    }
    let a: VirtioSerialAddress;
    if (own) {
      a = this.nextOnController(allowZero ? 0 : own.controller);
    } else {
      a = this.next(d, allowZero);
    }
    this.reserve(a);
    if (!allowZero) info.address = a;
  }

  static fromDomain(d: Domain): VirtioSerialAddressSet {
    const set = new VirtioSerialAddressSet();
    for (const c of d.devices.controllers) set.addController(c);
    for (const ref of allDevices(d)) {
      if (isVirtioSerialAddressComplete(ref.info)) set.reserve(ref.info.address as VirtioSerialAddress);
    }
    return set;
  }
}

/** qemuDomainAssignVirtioSerialAddresses: virtio consoles first, then virtio channels. */
export function assignVirtioSerialAddresses(d: Domain): void {
  const set = VirtioSerialAddressSet.fromDomain(d);
  for (const c of d.devices.consoles) {
    if (c.target.type === 'virtio' && !isVirtioSerialAddressComplete(c.info)) set.autoAssign(d, c.info, true);
  }
  for (const c of d.devices.channels) {
    if (c.target.type === 'virtio' && !isVirtioSerialAddressComplete(c.info)) set.autoAssign(d, c.info, false);
  }
}
