/**
 * Defaults libvirt fills in after parsing: emulator, machine, implicit
 * controllers and devices, default models (libvirt's qemuDomainDefPostParse,
 * qemuDomainDeviceDefPostParse and virDomainDefPostParseCommon).
 */
import type { Caps } from '../caps/caps.js';
import { internalError, TeamctlError, unsupported, xmlError } from '../errors.js';
import type { Controller, ControllerType, Disk, Input, Interface } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import { accelOf, isI440FX, isQ35 } from '../model/machine.js';
import { insertController } from '../parse/domain.js';
import { defaultAudioBackend } from './audio-default.js';
import { diskNameToIndex } from './disk-names.js';
import { actualType } from './network.js';
import { own } from '../util/own.js';

/** The binary libvirt picks for a guest architecture when <emulator> is absent. */
const DEFAULT_EMULATORS: Record<string, string> = {
  x86_64: '/usr/bin/qemu-system-x86_64',
  i686: '/usr/bin/qemu-system-i386',
};

/** libvirt's qemuDomainDefPostParseBasic plus the arch default of the parser. */
export function basicDefaults(d: Domain): void {
  if (d.os.arch === undefined) d.os.arch = 'x86_64';
  const emulator = own(DEFAULT_EMULATORS, d.os.arch);
  if (emulator === undefined) {
    throw unsupported('postparse.arch', `architecture '${d.os.arch}' is not supported by teamctl, which builds command lines for x86 QEMU (x86_64 and i686 guests)`);
  }
  d.devices.emulator ??= emulator;
}

function isUsb2(c: Controller): boolean {
  return c.type === 'usb' && (c.model === 'ich9-ehci1' || c.model === 'ich9-uhci1' || c.model === 'ich9-uhci2' || c.model === 'ich9-uhci3');
}

/** libvirt's virDomainAssignControllerIndexes: an unindexed controller gets the lowest free index. */
export function assignControllerIndexes(d: Domain): void {
  const list = d.devices.controllers;
  let reinsert = false;
  for (let outer = 0; outer < list.length; outer++) {
    const c = list[outer]!;
    if (c.index !== -1) continue;
    let prev: Controller | undefined;
    if (outer > 0 && isUsb2(c)) {
      reinsert = true;
      let p = outer - 1;
      while (p >= 0 && list[p]!.type !== 'usb') p--;
      prev = p >= 0 ? list[p] : undefined;
      if (prev && !isUsb2(prev)) prev = undefined;
      if (prev && list.some((o) => o.type === 'usb' && o.index === prev!.index && o.model === c.model)) prev = undefined;
      if (prev) c.index = prev.index;
    }
    if (!prev) c.index = unusedControllerIndex(d, c.type);
  }
  if (reinsert) {
    const all = [...list];
    list.length = 0;
    for (const c of all) insertController(list, c);
  }
}

function unusedControllerIndex(d: Domain, type: ControllerType): number {
  let idx = 0;
  while (d.devices.controllers.some((c) => c.type === type && c.index === idx)) idx++;
  return idx;
}

function hasController(d: Domain, type: ControllerType, index: number): boolean {
  return d.devices.controllers.some((c) => c.type === type && c.index === index);
}

function addController(d: Domain, type: ControllerType, index: number, model?: string): Controller {
  const c: Controller = { type, index: index < 0 ? unusedControllerIndex(d, type) : index, info: {} };
  if (model !== undefined) c.model = model;
  insertController(d.devices.controllers, c);
  return c;
}

function maybeAddController(d: Domain, type: ControllerType, index: number, model?: string): void {
  if (index >= 0 && hasController(d, type, index)) return;
  addController(d, type, index, model);
}

function maybeAddInput(d: Domain, type: Input['type'], bus: NonNullable<Input['bus']>): void {
  if (d.devices.inputs.some((i) => i.type === type && i.bus === bus)) return;
  d.devices.inputs.push({ type, bus, info: {} });
}

/** qemuDomainDefMachinePostParse: the preferred machine when none is given, aliases made canonical. */
export function machineDefaults(d: Domain, caps: Caps): void {
  const accel = accelOf(d);
  if (d.os.machine === undefined) {
    const m = caps.defaultMachine(accel);
    if (!m) {
      throw new TeamctlError('invalid-arg', 'postparse.no-machine', `could not get preferred machine for ${d.devices.emulator} type=${d.type}`);
    }
    d.os.machine = m.name;
  }
  d.os.machine = caps.canonicalMachine(accel, d.os.machine);
}

/** qemuDomainDefAddDefaultDevices for x86. */
export function addDefaultDevices(d: Domain, caps: Caps): void {
  if (caps.has('i8042') && (isI440FX(d) || isQ35(d) || d.os.machine === 'isapc')) {
    maybeAddInput(d, 'mouse', 'ps2');
    maybeAddInput(d, 'keyboard', 'ps2');
  }
  let addDefaultUSB = false;
  let usbModel: string | undefined;
  let addImplicitSATA = false;
  let addPCIRoot = false;
  let addPCIeRoot = false;
  let addITCOWatchdog = false;
  if (d.os.machine !== 'isapc') {
    addDefaultUSB = true;
    if (isQ35(d)) {
      addPCIeRoot = true;
      addImplicitSATA = true;
      addITCOWatchdog = true;
      if (caps.has('qemu-xhci')) usbModel = 'qemu-xhci';
      else if (caps.has('nec-usb-xhci')) usbModel = 'nec-xhci';
      else if (caps.has('ich9-usb-ehci1')) usbModel = 'ich9-ehci1';
      else addDefaultUSB = false;
    } else if (isI440FX(d)) {
      addPCIRoot = true;
    }
  }
  if (addDefaultUSB && !hasController(d, 'usb', 0)) addUsbController(d, usbModel);
  if (addImplicitSATA) maybeAddController(d, 'sata', 0);
  const pciRoot = d.devices.controllers.find((c) => c.type === 'pci' && c.index === 0);
  for (const [wanted, model] of [
    [addPCIRoot, 'pci-root'],
    [addPCIeRoot, 'pcie-root'],
  ] as const) {
    if (!wanted) continue;
    if (pciRoot) {
      if (pciRoot.model !== model) {
        throw xmlError(
          'postparse.pci-root-model',
          `The PCI controller with index='0' must be model='${model}' for this machine type, but model='${pciRoot.model ?? ''}' was found instead`,
        );
      }
    } else {
      addController(d, 'pci', 0, model);
    }
  }
  d.devices.memballoon ??= { model: 'virtio', info: {} };
  if (addITCOWatchdog && !d.devices.watchdogs.some((w) => w.model === 'itco')) {
    d.devices.watchdogs.push({ model: 'itco', action: d.devices.watchdogs[0]?.action ?? 'reset', info: {} });
  }
  addDefaultAudio(d);
}

/** The USB controller libvirt adds; ich9-ehci1 brings its three UHCI companions. */
function addUsbController(d: Domain, model: string | undefined): void {
  const c = addController(d, 'usb', 0, model);
  if (model !== 'ich9-ehci1') return;
  const companions = [
    ['ich9-uhci1', 0],
    ['ich9-uhci2', 2],
    ['ich9-uhci3', 4],
  ] as const;
  for (const [model, startport] of companions) {
    // The master must be known before insertion: it decides the companion's place.
    insertController(d.devices.controllers, { type: 'usb', index: c.index, model, master: { startport }, info: {} });
  }
}

/**
 * qemuDomainDefAddDefaultAudioBackend with qemu.conf defaults: a headless or
 * VNC domain gets <audio type='none'/>, an SDL one none at all.
 */
function addDefaultAudio(d: Domain): void {
  if (d.devices.audios.length > 0) return;
  const type = defaultAudioBackend(d);
  if (type !== undefined) d.devices.audios.push({ id: 1, type });
}

/** qemuDomainDefSetDefaultCPU and qemuDomainDefCPUPostParse. */
export function cpuDefaults(d: Domain, caps: Caps): void {
  const cpu = d.cpu;
  if (!(cpu && (cpu.mode !== undefined && cpu.mode !== 'custom' ? true : cpu.model !== undefined))) {
    const machine = caps.machine(accelOf(d), d.os.machine!);
    const typeName = machine?.defaultCPU;
    if (typeName !== undefined) {
      const model = typeName.replace(/-x86_64-cpu$/, '');
      const next = cpu ?? {};
      next.check = 'none';
      next.mode = 'custom';
      next.match = 'exact';
      next.model = { name: model, fallback: 'forbid' };
      d.cpu = next;
    }
  }
  const c = d.cpu;
  if (!c) return;
  // A newly defined host-passthrough CPU is migratable when QEMU can say so.
  if (c.mode === 'host-passthrough' && c.migratable === undefined) c.migratable = caps.has('cpu.migratable');
  if ((c.mode === undefined || c.mode === 'custom') && c.model === undefined) return;
  if (c.check !== undefined) return;
  switch (c.mode ?? 'custom') {
    case 'host-passthrough':
    case 'maximum':
      c.check = 'none';
      break;
    case 'host-model':
      c.check = 'partial';
      break;
    case 'custom':
      // Custom CPUs in TCG mode are not compared to the host CPU by default.
      c.check = d.type === 'qemu' ? 'none' : 'partial';
      break;
  }
}

/** Per-device defaults (qemuDomainDeviceDefPostParse + virDomainDeviceDefPostParseCommon). */
export function deviceDefaults(d: Domain, caps: Caps, resolve: (i: Interface) => string): void {
  for (const disk of d.devices.disks) diskDefaults(disk);
  for (const n of d.devices.interfaces) {
    if (n.model !== undefined) continue;
    if (n.type === 'vdpa' || n.type === 'vhostuser') n.model = 'virtio';
    else if (n.type !== 'hostdev' && resolve(n) !== 'hostdev') n.model = defaultNetModel(caps);
  }
  for (const c of d.devices.controllers) controllerDefaults(c, caps);
  for (const i of d.devices.inputs) {
    if (i.bus === undefined) i.bus = i.type === 'mouse' || i.type === 'keyboard' ? 'ps2' : i.type === 'passthrough' ? 'virtio' : i.type === 'evdev' ? 'none' : 'usb';
  }
}

function defaultNetModel(caps: Caps): string {
  if (caps.has('rtl8139')) return 'rtl8139';
  if (caps.has('e1000')) return 'e1000';
  if (caps.has('virtio-net')) return 'virtio';
  return 'rtl8139';
}

function diskDefaults(disk: Disk): void {
  const driver = (disk.driver ??= {});
  driver.name ??= 'qemu';
  driver.type ??= 'raw';
  if (disk.device === 'cdrom') disk.readonly = true;
  if (disk.target.bus === undefined) {
    const dst = disk.target.dev;
    let bus: Disk['target']['bus'] = 'ide';
    if (disk.device === 'floppy') bus = 'fdc';
    else if (dst.startsWith('hd')) bus = 'ide';
    else if (dst.startsWith('sd')) bus = 'scsi';
    else if (dst.startsWith('vd')) bus = 'virtio';
    else if (dst.startsWith('xvd')) bus = 'xen';
    else if (dst.startsWith('ubd')) bus = 'uml';
    disk.target.bus = bus;
  }
  if (disk.info.address === undefined) assignDriveAddress(disk);
}

/** virDomainDiskDefAssignAddress for the controller-based buses. */
function assignDriveAddress(disk: Disk): void {
  // The target must be a disk name even on buses without drive addresses.
  const idx = diskNameToIndex(disk.target.dev);
  if (idx < 0) throw xmlError('xml.disk-name', `Unknown disk name '${disk.target.dev}' and no address specified`);
  switch (disk.target.bus) {
    case 'ide':
      disk.info.address = { type: 'drive', controller: Math.floor(idx / 4), bus: Math.floor((idx % 4) / 2), target: 0, unit: idx % 2 };
      break;
    case 'sata':
      disk.info.address = { type: 'drive', controller: Math.floor(idx / 6), bus: 0, target: 0, unit: idx % 6 };
      break;
    case 'fdc':
      disk.info.address = { type: 'drive', controller: Math.floor(idx / 2), bus: 0, target: 0, unit: idx % 2 };
      break;
    case 'scsi':
      // Narrow SCSI bus mapping: 7 units per controller.
      disk.info.address = { type: 'drive', controller: Math.floor(idx / 7), bus: 0, target: 0, unit: idx % 7 };
      break;
    default:
      break;
  }
}

const XHCI_MAX_PORTS = 15;

function controllerDefaults(c: Controller, caps: Caps): void {
  if (c.type === 'scsi') c.model = scsiControllerModel(c, caps);
  if (c.type === 'usb') {
    if (c.model === undefined && caps.has('piix3-usb-uhci')) c.model = 'piix3-uhci';
    if (c.model === 'qusb1' || c.model === 'qusb2') {
      throw unsupported('postparse.usb-qusb', `USB controller model type 'qusb1' or 'qusb2' is not supported in qemu`);
    }
    if ((c.model === 'nec-xhci' || c.model === 'qemu-xhci') && c.ports !== undefined && c.ports > XHCI_MAX_PORTS) {
      throw unsupported('postparse.xhci-ports', `'${c.model}' controller only supports up to '${XHCI_MAX_PORTS}' ports`);
    }
  }
  if (c.type === 'pci' && (c.model === 'pci-root' || c.model === 'pcie-root') && c.index !== 0) {
    throw xmlError('postparse.pci-root-index', 'pci-root and pcie-root controllers should have index 0');
  }
}

/** qemuDomainGetSCSIControllerModel for x86: lsilogic when QEMU has it, else virtio-scsi. */
function scsiControllerModel(c: Controller, caps: Caps): string {
  if (c.model !== undefined && c.model !== 'auto') return c.model;
  if (caps.has('lsi')) return 'lsilogic';
  if (caps.has('virtio-scsi-pci')) return 'virtio-scsi';
  throw internalError('postparse.scsi-model', `Unable to determine model for SCSI controller idx=${c.index}`);
}

/**
 * SCSI controllers added for drive addresses after the per-device pass get
 * their default model now (virDomainDefPostParseCommon does the same).
 */
export function implicitControllerDefaults(d: Domain, caps: Caps): void {
  for (const c of d.devices.controllers) {
    if (c.type === 'scsi' && c.model === undefined) c.model = scsiControllerModel(c, caps);
  }
}

/** virDomainDefPostParseCommon's memory and boot rules. */
export function commonDefaults(d: Domain): void {
  if (d.currentMemory === undefined || d.currentMemory === 0 || d.currentMemory > d.memory) d.currentMemory = d.memory;
  rejectDuplicateControllers(d);
  const perDeviceBoot = [...d.devices.disks, ...d.devices.interfaces, ...d.devices.hostdevs].some((x) => x.info.bootOrder !== undefined);
  if (d.os.boot.length > 0 && perDeviceBoot) {
    throw unsupported('postparse.boot-mixed', 'per-device boot elements cannot be used together with os/boot elements');
  }
  const orders = new Set<number>();
  for (const x of [...d.devices.disks, ...d.devices.interfaces, ...d.devices.hostdevs]) {
    const o = x.info.bootOrder;
    if (o === undefined) continue;
    if (orders.has(o)) throw unsupported('postparse.boot-order-dup', `boot order '${o}' used for more than one device`);
    orders.add(o);
  }
  if (d.os.boot.length === 0 && orders.size === 0) d.os.boot = ['hd'];
  addImplicitControllers(d);
}

function rejectDuplicateControllers(d: Domain): void {
  const seen = new Set<string>();
  for (const c of d.devices.controllers) {
    if (c.type === 'usb') continue;
    const key = `${c.type}/${c.index}`;
    if (seen.has(key)) throw xmlError('postparse.controller-dup', `Multiple '${c.type}' controllers with index '${c.index}'`);
    seen.add(key);
  }
}

/**
 * 256 PCI buses of 32 slots: libvirt could never place more controllers than
 * this, so a drive address past it fails there too (after adding them all).
 */
const MAX_PCI_SLOTS = 256 * 32;

/** virDomainDefAddImplicitControllers: a controller for every drive address in use. */
function addImplicitControllers(d: Domain): void {
  const byBus: Array<[ControllerType, Disk['target']['bus']]> = [
    ['scsi', 'scsi'],
    ['fdc', 'fdc'],
    ['ide', 'ide'],
    ['sata', 'sata'],
  ];
  for (const [type, bus] of byBus) {
    let max = -1;
    for (const disk of d.devices.disks) {
      if (disk.target.bus !== bus || disk.info.address?.type !== 'drive') continue;
      // libvirt compares the unsigned index as an int: 2^31 and above never add controllers.
      max = Math.max(max, disk.info.address.controller | 0);
    }
    if (max >= MAX_PCI_SLOTS) {
      throw unsupported(
        'postparse.drive-controller-index',
        `drive address controller='${max}' of a ${bus} disk would add ${max + 1} ${type} controllers, more than the ${MAX_PCI_SLOTS} PCI slots a domain can have; teamctl refuses it`,
      );
    }
    const present = new Set(d.devices.controllers.filter((c) => c.type === type).map((c) => c.index));
    for (let i = 0; i <= max; i++) if (!present.has(i)) addController(d, type, i);
  }
}

export { actualType };
