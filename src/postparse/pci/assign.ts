/**
 * PCI address assignment, libvirt's qemuDomainAssignPCIAddresses: a dry run
 * finds out which buses (root ports, bridges) the devices need, the missing
 * controllers are added, then the real pass gives every device its slot in
 * libvirt's fixed device order.
 */
import type { Caps } from '../../caps/caps.js';
import { TeamctlError } from '../../errors.js';
import type { DeviceInfo, PciAddress } from '../../model/address.js';
import type { Controller } from '../../model/devices.js';
import type { Domain } from '../../model/domain.js';
import { isI440FX, isQ35 } from '../../model/machine.js';
import type { Video } from '../../model/video.js';
import { insertController } from '../../parse/domain.js';
import { allDevices, type DeviceRef } from '../devices.js';
import { PciAddressSet, pciSlotOf, type PciSlot } from './address-set.js';
import { connectFlagSet, deviceConnectFlags, hasPCIeRoot, hasPCIRoot, isPciControllerModel, type ConnectFlagSet } from './connect.js';
import { CONNECT } from './flags.js';
import { setPciControllerDefaults } from './controllers.js';
import { own } from '../../util/own.js';

/** The devices that live in a PCI slot, as assignment sees them. */
interface Placement {
  flagsOf(info: DeviceInfo): number;
}

export function isPciAddressWanted(info: DeviceInfo): boolean {
  const a = info.address;
  return a === undefined || (a.type === 'pci' && a.domain === 0 && a.bus === 0 && a.slot === 0);
}

export function isPciAddressPresent(info: DeviceInfo): boolean {
  const a = info.address;
  return a !== undefined && a.type === 'pci' && !(a.domain === 0 && a.bus === 0 && a.slot === 0);
}

function setAddress(info: DeviceInfo, s: PciSlot, multifunction?: boolean): void {
  const addr: PciAddress = { type: 'pci', domain: 0, bus: s.bus, slot: s.slot, function: s.function };
  if (multifunction !== undefined) addr.multifunction = multifunction;
  info.address = addr;
}

export function assignPciAddresses(d: Domain, caps: Caps): void {
  let maxIdx = -1;
  for (const c of d.devices.controllers) if (c.type === 'pci' && c.index > maxIdx) maxIdx = c.index;
  let nbuses = maxIdx + 1;

  const cfs = connectFlagSet(d, caps);
  const flagMap = computeFlags(d, cfs);
  const placement: Placement = { flagsOf: (info) => flagMap.get(info) ?? 0 };

  if (nbuses > 0) {
    const dry = createSet(d, caps, nbuses, true, placement);
    validateChipsetSlots(d, dry, placement);
    if (hasPCIRoot(d) && !dry.buses.every((b) => dry.busIsFullyReserved(b))) {
      // Keep one slot free for a future bridge, as libvirt does on pci-root machines.
      dry.reserveNext(CONNECT.AUTOASSIGN | CONNECT.PCI_DEVICE);
    }
    assignDeviceSlots(d, dry, placement);
    // New domains with only pcie-root get one spare hot-pluggable root port.
    if (maxIdx <= 0 && dry.buses.length > maxIdx + 1 && hasPCIeRoot(d)) {
      dry.reserveNext(CONNECT.AUTOASSIGN | CONNECT.PCIE_DEVICE);
    }
    for (let i = 1; i < dry.buses.length; i++) {
      if (d.devices.controllers.some((c) => c.type === 'pci' && c.index === i)) continue;
      const model = dry.buses[i]!.model!;
      const cont: Controller = { type: 'pci', index: i, model, info: {} };
      insertController(d.devices.controllers, cont);
      const flags = deviceConnectFlags({ kind: 'controller', dev: cont, info: cont.info }, cfs);
      flagMap.set(cont.info, flags);
      if (model !== 'pci-root' && model !== 'pcie-root') dry.reserveNext(flags);
    }
    nbuses = dry.buses.length;
  }

  const real = createSet(d, caps, nbuses, false, placement);
  // qemuDomainSupportsPCI: every x86 machine is assumed to have PCI, so a
  // PCI device on isapc fails with "No PCI buses available".
  validateChipsetSlots(d, real, placement);
  assignDeviceSlots(d, real, placement);
  setAllMultifunction(d);
  for (const c of d.devices.controllers) if (c.type === 'pci') setPciControllerDefaults(c, d, caps);
}

function computeFlags(d: Domain, cfs: ConnectFlagSet): Map<DeviceInfo, number> {
  const map = new Map<DeviceInfo, number>();
  for (const ref of allDevices(d)) map.set(ref.info, deviceConnectFlags(ref, cfs));
  // An <interface type='hostdev'> shares its info with the hostdev libvirt
  // creates for it; that hostdev is visited later and decides the flags.
  for (const n of d.devices.interfaces) {
    if (n.type === 'hostdev') map.set(n.info, cfs.pcie);
  }
  return map;
}

function createSet(d: Domain, caps: Caps, nbuses: number, dryRun: boolean, placement: Placement): PciAddressSet {
  const set = new PciAddressSet(nbuses, dryRun);
  set.isPCIeToPCIBridgeSupported = caps.has('pcie-pci-bridge');
  let pcieRoot = false;
  for (const c of d.devices.controllers) {
    if (c.type !== 'pci') continue;
    if (c.index >= nbuses) {
      throw new TeamctlError('internal', 'pci.controller-index', `Inappropriate new pci controller index ${c.index} exceeds addrs array length`);
    }
    if (!isPciControllerModel(c.model)) {
      throw new TeamctlError('internal', 'pci.controller-model', 'PCI controller model was not set correctly');
    }
    set.setBusModel(c.index, c.model, c.target?.hotplug !== false);
    if (c.model === 'pcie-root') pcieRoot = true;
  }
  if (nbuses > 0 && set.buses[0]!.model === undefined) set.setBusModel(0, 'pci-root', true);
  const defaultModel = pcieRoot ? 'pcie-root-port' : 'pci-bridge';
  for (let i = 1; i < set.buses.length; i++) {
    if (set.buses[i]!.model === undefined) set.setBusModel(i, defaultModel, true);
  }
  for (const ref of allDevices(d)) collectAddress(ref, set, placement);
  return set;
}

function collectAddress(ref: DeviceRef, set: PciAddressSet, placement: Placement): void {
  const info = ref.info;
  if (!isPciAddressPresent(info)) return;
  const addr = info.address as PciAddress;
  let flags = placement.flagsOf(info);
  if (!flags) flags = CONNECT.PCI_DEVICE;
  if (ref.kind === 'controller' && addr.domain === 0 && addr.bus === 0 && addr.slot === 1) {
    const c = ref.dev;
    const piix3Usb = c.type === 'usb' && c.index === 0 && (c.model === 'piix3-uhci' || c.model === undefined) && addr.function === 2;
    const primaryIde = c.type === 'ide' && c.index === 0 && addr.function === 1;
    if (piix3Usb || primaryIde) {
      if (set.buses.length > 0 && !(set.buses[0]!.flags & CONNECT.PCI_DEVICE)) {
        throw new TeamctlError('internal', 'pci.piix3-bus', 'Bus 0 must be PCI for integrated PIIX3 USB or IDE controllers');
      }
      return;
    }
  }
  set.reserve(pciSlotOf(addr), flags, true);
}

/** Integrated chipset devices sit at fixed addresses (PIIX3 on i440fx, ICH9 on q35). */
function validateChipsetSlots(d: Domain, set: PciAddressSet, placement: Placement): void {
  if (isI440FX(d)) validatePIIX3(d, set, placement);
  if (isQ35(d)) validateQ35(d, set, placement);
}

function sameSlot(a: PciAddress, s: PciSlot): boolean {
  return a.domain === 0 && a.bus === s.bus && a.slot === s.slot && a.function === s.function;
}

function validatePIIX3(d: Domain, set: PciAddressSet, placement: Placement): void {
  const flags = CONNECT.AUTOASSIGN | CONNECT.PCI_DEVICE;
  for (const c of d.devices.controllers) {
    let fixed: PciSlot | undefined;
    let message = '';
    if (c.type === 'ide' && c.index === 0) {
      fixed = { bus: 0, slot: 1, function: 1 };
      message = 'Primary IDE controller must have PCI address 0:0:1.1';
    } else if (c.type === 'usb' && c.index === 0 && (c.model === 'piix3-uhci' || c.model === undefined)) {
      fixed = { bus: 0, slot: 1, function: 2 };
      message = 'PIIX3 USB controller at index 0 must have PCI address 0:0:1.2';
    } else continue;
    if (isPciAddressPresent(c.info)) {
      if (!sameSlot(c.info.address as PciAddress, fixed)) throw new TeamctlError('internal', 'pci.piix3', message);
    } else {
      setAddress(c.info, fixed);
    }
    if (set.buses.length) set.reserve(fixed, flags, true);
  }
  if (set.buses.length) {
    // ISA bridge at 00:01.0 and the PIIX3 function at 00:01.3.
    set.reserve({ bus: 0, slot: 1, function: 0 }, flags, true);
    set.reserve({ bus: 0, slot: 1, function: 3 }, flags, true);
  }
  // QEMU puts the first VGA device in the first free slot after the integrated PIIX3 devices: 2.
  placePrimaryVideo(d, set, { bus: 0, slot: 2, function: 0 }, flags, placement);
}

function validateQ35(d: Domain, set: PciAddressSet, placement: Placement): void {
  const flags = CONNECT.PCIE_DEVICE;
  for (const c of d.devices.controllers) {
    if (c.type === 'sata' && c.index === 0) {
      const fixed = { bus: 0, slot: 0x1f, function: 2 };
      if (isPciAddressPresent(c.info)) {
        if (!sameSlot(c.info.address as PciAddress, fixed)) {
          throw new TeamctlError('internal', 'pci.q35-sata', 'Primary SATA controller must have PCI address 0:0:1f.2');
        }
      } else {
        setAddress(c.info, fixed);
      }
    } else if (c.type === 'usb' && c.model === 'ich9-uhci1' && c.info.address === undefined) {
      for (const slot of [0x1d, 0x1a]) {
        const s = { bus: 0, slot, function: 0 };
        if (!set.slotInUse(s)) {
          set.reserve(s, flags, true);
          setAddress(c.info, s, true);
          break;
        }
      }
    } else if (c.type === 'pci' && c.model === 'dmi-to-pci-bridge' && c.info.address === undefined) {
      const s = { bus: 0, slot: 0x1e, function: 0 };
      if (!set.slotInUse(s)) {
        set.reserve(s, flags, true);
        setAddress(c.info, s);
      }
    }
  }
  if (set.buses.length) {
    // ISA bridge (00:1f.0) and SMBus (00:1f.3) are always present on q35.
    set.reserve({ bus: 0, slot: 0x1f, function: 0 }, flags, true);
    set.reserve({ bus: 0, slot: 0x1f, function: 3 }, flags, true);
  }
  // q35's integrated devices sit at 0x1f, so QEMU's first free slot for the first VGA device is 1.
  placePrimaryVideo(d, set, { bus: 0, slot: 1, function: 0 }, flags, placement);
  // Real q35 hardware has its ICH9 HD audio at 00:1b.0: the first ICH9 sound
  // card without an address goes there when the slot is free.
  const hda = { bus: 0, slot: 0x1b, function: 0 };
  if (!set.slotInUse(hda)) {
    const ich9 = d.devices.sounds.find((s) => s.model === 'ich9' && isPciAddressWanted(s.info));
    if (ich9) {
      set.reserve(hda, flags, true);
      setAddress(ich9.info, hda);
    }
  }
}

/** The primary video goes to QEMU's own slot for it when that is free, else to the next free slot. */
function placePrimaryVideo(d: Domain, set: PciAddressSet, slot: PciSlot, flags: number, placement: Placement): void {
  const primary = d.devices.videos[0];
  if (!primary || !isPciVideo(primary) || !isPciAddressWanted(primary.info)) return;
  if (set.slotInUse(slot)) {
    reserveNextFor(set, primary.info, placement);
  } else {
    set.reserve(slot, flags, true);
    setAddress(primary.info, slot);
  }
}

/** Every video model but 'none' and ramfb is a PCI device. */
function isPciVideo(v: Video): boolean {
  return v.model.type !== 'none' && v.model.type !== 'ramfb';
}

function reserveNextFor(set: PciAddressSet, info: DeviceInfo, placement: Placement): void {
  const s = set.reserveNext(placement.flagsOf(info));
  if (!set.dryRun) setAddress(info, s);
}

/**
 * libvirt's qemuDomainAssignDevicePCISlots: controllers, filesystems, NICs,
 * sound cards, other controllers, virtio disks, host devices, balloon, RNG,
 * watchdog, video, shmem, virtio inputs, PCI serials, ... in that order.
 */
function assignDeviceSlots(d: Domain, set: PciAddressSet, placement: Placement): void {
  const dev = d.devices;
  for (const c of dev.controllers) {
    if (c.type !== 'pci' || c.model === 'pci-root' || c.model === 'pcie-root' || !isPciAddressWanted(c.info)) continue;
    reserveNextFor(set, c.info, placement);
  }
  for (const n of dev.interfaces) {
    if (n.model === 'usb-net' || n.type === 'hostdev' || !isPciAddressWanted(n.info)) continue;
    reserveNextFor(set, n.info, placement);
  }
  for (const s of dev.sounds) {
    if (!isPciAddressWanted(s.info)) continue;
    // ISA sound cards, the PC speaker and usb-audio take no PCI slot.
    if (s.model === 'sb16' || s.model === 'pcspk' || s.model === 'usb') continue;
    reserveNextFor(set, s.info, placement);
  }
  for (const c of dev.controllers) {
    if (c.type === 'pci') continue;
    if (c.type === 'usb' && c.model === 'none') continue;
    if (c.type === 'fdc' || c.type === 'ccid' || c.type === 'xenbus' || c.type === 'isa') continue;
    if (c.type === 'ide' && c.index === 0) continue;
    if (c.type === 'scsi' && c.model === 'ncr53c90') continue;
    if (!isPciAddressWanted(c.info)) continue;
    if (c.type === 'usb' && isUsb2Companion(c)) assignUsb2(dev.controllers, c, set, placement);
    else reserveNextFor(set, c.info, placement);
  }
  for (const disk of dev.disks) {
    if (disk.target.bus !== 'virtio' || isPciAddressPresent(disk.info)) continue;
    if (!isPciAddressWanted(disk.info)) {
      throw new TeamctlError('config-unsupported', 'pci.virtio-disk-address', `virtio disk cannot have an address of type '${disk.info.address!.type}'`);
    }
    reserveNextFor(set, disk.info, placement);
  }
  for (const h of assignedPciHostdevsInOrder(d)) {
    if (!isPciAddressWanted(h)) continue;
    reserveNextFor(set, h, placement);
  }
  const balloon = dev.memballoon;
  if (balloon && balloon.model !== 'none' && isPciAddressWanted(balloon.info)) reserveNextFor(set, balloon.info, placement);
  for (const r of dev.rngs) {
    if (isPciAddressWanted(r.info)) reserveNextFor(set, r.info, placement);
  }
  for (const w of dev.watchdogs) {
    if (w.model === 'i6300esb' && isPciAddressWanted(w.info)) reserveNextFor(set, w.info, placement);
  }
  for (const v of dev.videos) {
    if (isPciVideo(v) && isPciAddressWanted(v.info)) reserveNextFor(set, v.info, placement);
  }
  for (const i of dev.inputs) {
    if (i.bus === 'virtio' && isPciAddressWanted(i.info)) reserveNextFor(set, i.info, placement);
  }
  for (const s of dev.serials) {
    if (s.target.type === 'pci-serial' && isPciAddressWanted(s.info)) reserveNextFor(set, s.info, placement);
  }
}

/** Host PCI devices in libvirt's hostdev list order: interface-backed ones first. */
function assignedPciHostdevsInOrder(d: Domain): DeviceInfo[] {
  const out: DeviceInfo[] = [];
  for (const n of d.devices.interfaces) if (n.type === 'hostdev') out.push(n.info);
  for (const h of d.devices.hostdevs) {
    const pci = h.type === 'pci' || (h.type === 'mdev' && h.model === 'vfio-pci');
    if (!pci || h.info.address?.type === 'unassigned') continue;
    out.push(h.info);
  }
  return out;
}

function isUsb2Companion(c: Controller): boolean {
  return c.model === 'ich9-ehci1' || c.model === 'ich9-uhci1' || c.model === 'ich9-uhci2' || c.model === 'ich9-uhci3';
}

const USB2_FUNCTION: Record<string, { fn: number; multi?: boolean }> = {
  'ich9-ehci1': { fn: 7 },
  'ich9-uhci1': { fn: 0, multi: true },
  'ich9-uhci2': { fn: 1 },
  'ich9-uhci3': { fn: 2 },
};

/** USB2 companion controllers of one index share a slot, one function each. */
function assignUsb2(all: Controller[], c: Controller, set: PciAddressSet, placement: Placement): void {
  const layout = own(USB2_FUNCTION, c.model!)!;
  const sibling = all.find((o) => isUsb2Companion(o) && o.index === c.index && isPciAddressPresent(o.info));
  if (sibling) {
    const base = sibling.info.address as PciAddress;
    const s = { bus: base.bus, slot: base.slot, function: layout.fn };
    set.reserve(s, placement.flagsOf(c.info), true);
    setAddress(c.info, s, layout.multi);
  } else {
    const s = set.reserveNext(placement.flagsOf(c.info), layout.fn);
    if (!set.dryRun) setAddress(c.info, s, layout.multi);
  }
}

/** Function 0 of a slot with other functions in use gets multifunction='on'. */
function setAllMultifunction(d: Domain): void {
  const refs = allDevices(d);
  for (const ref of refs) {
    const a = ref.info.address;
    if (a?.type !== 'pci' || a.function === 0) continue;
    for (const other of refs) {
      const b = other.info.address;
      if (b?.type === 'pci' && b.domain === a.domain && b.bus === a.bus && b.slot === a.slot && b.function === 0) {
        if (b.multifunction === undefined) b.multifunction = true;
        break;
      }
    }
  }
}
