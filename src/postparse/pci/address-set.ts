/**
 * The set of PCI buses and used slots while addresses are assigned
 * (libvirt's virDomainPCIAddressSet). In dry-run mode a request that does not
 * fit grows the set with the controllers libvirt would add.
 */
import { internalError, TeamctlError } from '../../errors.js';
import type { PciAddress } from '../../model/address.js';
import {
  busShape,
  CONNECT,
  CONNECT_TYPES_ENDPOINT,
  CONNECT_TYPES_MASK,
  connectTypeWording,
  controllerModelOfConnectType,
  PCI_FUNCTION_LAST,
  type PciControllerModel,
} from './flags.js';

export interface PciBus {
  model?: PciControllerModel;
  flags: number;
  minSlot: number;
  maxSlot: number;
  /** Bitmask of used functions per slot. */
  functions: number[];
  /** Slots whose functions may be shared by aggregating devices (pcie-root-ports). */
  aggregate: boolean[];
}

export interface PciSlot {
  bus: number;
  slot: number;
  function: number;
}

function emptyBus(): PciBus {
  return { flags: 0, minSlot: 0, maxSlot: 0, functions: new Array(32).fill(0), aggregate: new Array(32).fill(false) };
}

export function formatPciAddress(a: PciSlot): string {
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
  return `0000:${hex(a.bus, 2)}:${hex(a.slot, 2)}.${a.function.toString(16)}`;
}

export class PciAddressSet {
  readonly buses: PciBus[];
  readonly dryRun: boolean;
  /** QEMU has pcie-to-pci-bridge (decides how legacy PCI devices reach a PCIe machine). */
  isPCIeToPCIBridgeSupported = false;

  constructor(nbuses: number, dryRun: boolean) {
    this.buses = Array.from({ length: nbuses }, emptyBus);
    this.dryRun = dryRun;
  }

  setBusModel(index: number, model: PciControllerModel, allowHotplug: boolean): void {
    const bus = this.buses[index]!;
    const shape = busShape(model, allowHotplug);
    bus.model = model;
    bus.flags = shape.flags;
    bus.minSlot = shape.minSlot;
    bus.maxSlot = shape.maxSlot;
  }

  slotInUse(a: PciSlot): boolean {
    return this.buses[a.bus]!.functions[a.slot] !== 0;
  }

  busIsEmpty(bus: PciBus): boolean {
    for (let s = bus.minSlot; s <= bus.maxSlot; s++) if (bus.functions[s]) return false;
    return true;
  }

  busIsFullyReserved(bus: PciBus): boolean {
    for (let s = bus.minSlot; s <= bus.maxSlot; s++) if (!bus.functions[s]) return false;
    return true;
  }

  /** virDomainPCIAddressFlagsCompatible. Returns an error message or undefined. */
  flagsIncompatibility(a: PciSlot, busFlags: number, devFlags: number, fromConfig: boolean): string | undefined {
    const addrStr = formatPciAddress(a);
    if (devFlags & CONNECT.INTEGRATED) {
      if (a.bus === 0) busFlags |= CONNECT.PCI_DEVICE | CONNECT.AUTOASSIGN;
      else return `The device at PCI address ${addrStr} needs to be an integrated device (bus=0)`;
    }
    if (fromConfig) {
      if (busFlags & CONNECT_TYPES_ENDPOINT) busFlags |= CONNECT_TYPES_ENDPOINT;
      if (devFlags & CONNECT.PCI_BRIDGE) devFlags |= CONNECT.PCI_DEVICE;
    } else if (devFlags & CONNECT.AUTOASSIGN && !(busFlags & CONNECT.AUTOASSIGN)) {
      return `The device at PCI address ${addrStr} was auto-assigned this address, but the PCI controller with index='${a.bus}' doesn't allow auto-assignment`;
    }
    if (devFlags & CONNECT.HOTPLUGGABLE && !(busFlags & CONNECT.HOTPLUGGABLE)) {
      return `The device at PCI address ${addrStr} requires hotplug capability, but the PCI controller with index='${a.bus}' doesn't support hotplug`;
    }
    if (!(devFlags & busFlags & CONNECT_TYPES_MASK)) {
      const what = connectTypeWording(devFlags);
      if (what === undefined) {
        return `The device at PCI address ${addrStr} has unrecognized connection type flags 0x${(devFlags & CONNECT_TYPES_MASK).toString(16).padStart(2, '0')}`;
      }
      return `The device at PCI address ${addrStr} cannot be plugged into the PCI controller with index='${a.bus}'. It requires a controller that accepts a ${what}.`;
    }
    return undefined;
  }

  /** virDomainPCIAddressValidate: errors are XML errors for user addresses, internal otherwise. */
  validate(a: PciSlot & { domain?: number }, flags: number, fromConfig: boolean): void {
    const fail = (msg: string): never => {
      throw new TeamctlError(fromConfig ? 'xml' : 'internal', 'pci.invalid-address', msg);
    };
    const addrStr = formatPciAddress(a);
    if (this.buses.length === 0) fail('No PCI buses available');
    if (a.domain !== undefined && a.domain !== 0) fail(`Invalid PCI address ${addrStr}. Only PCI domain 0 is available`);
    if (a.bus >= this.buses.length) fail(`Invalid PCI address ${addrStr}. Only PCI buses up to ${this.buses.length - 1} are available`);
    const bus = this.buses[a.bus]!;
    const why = this.flagsIncompatibility(a, bus.flags, flags, fromConfig);
    if (why) fail(why);
    if (bus.minSlot && a.slot < bus.minSlot) fail(`Invalid PCI address ${addrStr}. slot must be >= ${bus.minSlot}`);
    if (a.slot > bus.maxSlot) fail(`Invalid PCI address ${addrStr}. slot must be <= ${bus.maxSlot}`);
    if (a.function > PCI_FUNCTION_LAST) fail(`Invalid PCI address ${addrStr}. function must be <= ${PCI_FUNCTION_LAST}`);
  }

  /** virDomainPCIAddressReserveAddrInternal. */
  reserve(a: PciSlot & { domain?: number }, flags: number, fromConfig: boolean): void {
    if (this.dryRun) this.grow(a, flags);
    this.validate(a, flags, fromConfig);
    const bus = this.buses[a.bus]!;
    if (bus.functions[a.slot]! & (1 << a.function)) {
      throw new TeamctlError(fromConfig ? 'xml' : 'internal', 'pci.double-use', `Attempted double use of PCI Address ${formatPciAddress(a)}`);
    }
    if (!bus.functions[a.slot] && flags & CONNECT.AGGREGATE_SLOT) bus.aggregate[a.slot] = true;
    bus.functions[a.slot]! |= 1 << a.function;
  }

  /** virDomainPCIAddressReserveNextAddr: the first compatible free slot, bus by bus. */
  reserveNext(flags: number, fn: number = -1): PciSlot {
    const a = this.nextAddr(flags, fn);
    this.reserve(a, flags, false);
    return a;
  }

  private nextAddr(flags: number, fn: number): PciSlot {
    if (this.buses.length === 0) throw new TeamctlError('xml', 'pci.no-buses', 'No PCI buses available');
    const a: PciSlot = { bus: 0, slot: 0, function: fn === -1 ? 0 : fn };
    // libvirt searches all buses twice (the second pass only differs for
    // isolation groups, which x86 does not use).
    for (a.bus = 0; a.bus < this.buses.length; a.bus++) {
      const bus = this.buses[a.bus]!;
      a.slot = bus.minSlot;
      if (this.findUnusedFunction(bus, a, fn, flags)) return a;
    }
    if (this.dryRun) {
      this.grow(a, flags);
      a.slot = this.buses[a.bus]!.minSlot;
      return a;
    }
    throw internalError('pci.no-slots', 'No more available PCI slots');
  }

  private findUnusedFunction(bus: PciBus, a: PciSlot, fn: number, flags: number): boolean {
    if (this.flagsIncompatibility(a, bus.flags, flags, false) !== undefined) return false;
    while (a.slot <= bus.maxSlot) {
      const used = bus.functions[a.slot]!;
      if (used === 0) return true;
      if (flags & CONNECT.AGGREGATE_SLOT && bus.aggregate[a.slot]) {
        if ((used & (1 << a.function)) === 0) return true;
        if (fn === -1) {
          while (a.function < 8) {
            if ((used & (1 << a.function)) === 0) return true;
            a.function++;
          }
          a.function = 0;
        }
      }
      a.slot++;
    }
    return false;
  }

  /**
   * virDomainPCIAddressSetGrow: add the buses a device needs. Legacy PCI
   * devices on a PCIe machine also get the bridge chain that reaches them.
   */
  private grow(a: PciSlot, flags: number): void {
    let add = a.bus - this.buses.length + 1;
    if (add <= 0) return;
    let model: PciControllerModel;
    let needDMIToPCIBridge = false;
    let needPCIeToPCIBridge = false;
    if (flags & CONNECT.PCI_DEVICE) {
      model = 'pci-bridge';
      needDMIToPCIBridge = true;
      needPCIeToPCIBridge = true;
      if (this.buses.some((b) => b.flags & CONNECT.PCI_BRIDGE)) {
        needDMIToPCIBridge = false;
        needPCIeToPCIBridge = false;
      }
      if (this.isPCIeToPCIBridgeSupported) needDMIToPCIBridge = false;
      else needPCIeToPCIBridge = false;
      if ((needDMIToPCIBridge || needPCIeToPCIBridge) && add === 1) {
        add++;
        a.bus++;
      }
    } else if (flags & (CONNECT.PCIE_DEVICE | CONNECT.PCIE_SWITCH_UPSTREAM_PORT)) {
      model = 'pcie-root-port';
    } else {
      const existing = controllerModelOfConnectType(flags);
      if (existing !== undefined) {
        throw internalError(
          'pci.grow',
          `a PCI slot is needed to connect a PCI controller model='${existing}', but none is available, and it cannot be automatically added`,
        );
      }
      throw internalError('pci.grow', `Cannot automatically add a new PCI bus for a device with connect flags ${flags.toString(16).padStart(2, '0')}`);
    }
    let i = this.buses.length;
    for (let n = 0; n < add; n++) this.buses.push(emptyBus());
    if (needDMIToPCIBridge) this.setBusModel(i++, 'dmi-to-pci-bridge', false);
    if (needPCIeToPCIBridge) {
      this.setBusModel(i, 'pcie-root-port', true);
      // This root port only ever carries the pcie-to-pci-bridge below it.
      this.buses[i]!.flags = CONNECT.PCIE_TO_PCI_BRIDGE;
      i++;
      this.setBusModel(i++, 'pcie-to-pci-bridge', true);
    }
    for (; i < this.buses.length; i++) this.setBusModel(i, model, true);
  }
}

export function pciSlotOf(a: PciAddress): PciSlot & { domain: number } {
  return { domain: a.domain, bus: a.bus, slot: a.slot, function: a.function };
}
