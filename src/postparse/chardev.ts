/**
 * Character device defaults at define time: ports and target types
 * (virDomainChrIsaSerialDefPostParse, qemuDomainChrDefPostParse,
 * virDomainChrDefPostParse), the <console> to <serial> compatibility rules
 * (virDomainDefAddConsoleCompat) and the implicit virtio-serial controllers.
 */
import { internalError, unsupported } from '../errors.js';
import type { ChrDef, ChrSource, ConsoleDef, ParallelDef, SerialDef, SerialTargetModel, SerialTargetType } from '../model/chardev.js';
import type { Controller } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import { insertController } from '../parse/domain.js';

const MAX_ISA_SERIAL_PORTS = 4;

/**
 * Serials written as type 'isa-serial' get the lowest free of the four ISA
 * ports. Runs before the per-device defaults, so serials whose type is only
 * defaulted later are numbered by the generic rule instead.
 */
export function assignIsaSerialPorts(d: Domain): void {
  const used = new Array<boolean>(MAX_ISA_SERIAL_PORTS).fill(false);
  let count = 0;
  for (const s of d.devices.serials) {
    if (s.target.type !== 'isa-serial') continue;
    const port = s.target.port;
    if (count++ >= MAX_ISA_SERIAL_PORTS || (port !== undefined && port >= MAX_ISA_SERIAL_PORTS)) {
      throw internalError('postparse.isa-serial-max', `Maximum supported number of ISA serial ports is '${MAX_ISA_SERIAL_PORTS}'`);
    }
    if (port !== undefined) {
      if (used[port]) throw internalError('postparse.isa-serial-port', `target port '${port}' already allocated`);
      used[port] = true;
    }
  }
  for (const s of d.devices.serials) {
    if (s.target.type !== 'isa-serial' || s.target.port !== undefined) continue;
    const free = used.indexOf(false);
    if (free >= 0) {
      s.target.port = free;
      used[free] = true;
    }
  }
}

/**
 * libvirt gives a parallel port without a number the next one after the
 * ports of the parallels *before* it, while it parses; done here, before any
 * other default, with the same rule.
 */
export function assignParallelPorts(d: Domain): void {
  const list = d.devices.parallels;
  list.forEach((p, i) => {
    if (p.target.port !== undefined) return;
    let max = -1;
    for (const q of list.slice(0, i)) max = Math.max(max, q.target.port ?? -1);
    p.target.port = max + 1;
  });
  // A console's port is its position, whatever the XML said.
  d.devices.consoles.forEach((c, i) => (c.target.port = i));
}

/** Per-device defaults in libvirt's device order: serials, parallels, channels, consoles. */
export function chardevDefaults(d: Domain): void {
  const dev = d.devices;
  for (const c of [...dev.serials, ...dev.parallels, ...dev.channels, ...dev.consoles]) chrDefaults(d, c);
}

const SERIAL_MODEL_FOR_TYPE: Record<SerialTargetType, SerialTargetModel | undefined> = {
  'isa-serial': 'isa-serial',
  'usb-serial': 'usb-serial',
  'pci-serial': 'pci-serial',
  'spapr-vio-serial': 'spapr-vty',
  // x86 has no system serial device model.
  'system-serial': undefined,
  'sclp-serial': 'sclpconsole',
  'isa-debug': 'isa-debugcon',
};

function chrDefaults(d: Domain, c: ChrDef): void {
  // qemuDomainChrDefPostParse
  if (c.deviceType === 'serial') {
    // Every guest teamctl builds for is x86, where the default serial is ISA.
    c.target.type ??= 'isa-serial';
    const model = c.target.model ?? SERIAL_MODEL_FOR_TYPE[c.target.type];
    if (model !== undefined) c.target.model = model;
  }
  dropDefaultChannelPath(c);
  if (c.source.type === 'unix' && c.source.path === undefined) {
    // A generated socket path implies that libvirt listens on it.
    c.source.mode = 'bind';
  }
  // virDomainChrDefPostParse
  if (c.deviceType === 'console') c.target.type ??= 'serial';
  if (c.deviceType !== 'channel' && c.target.port === undefined) {
    let max = -1;
    for (const o of sameKind(d, c)) max = Math.max(max, o.target.port ?? -1);
    c.target.port = max + 1;
  }
}

function sameKind(d: Domain, c: SerialDef | ParallelDef | ConsoleDef): ReadonlyArray<SerialDef | ParallelDef | ConsoleDef> {
  switch (c.deviceType) {
    case 'serial':
      return d.devices.serials;
    case 'parallel':
      return d.devices.parallels;
    case 'console':
      return d.devices.consoles;
  }
}

/**
 * Directories libvirt's privileged QEMU driver generates channel sockets in,
 * now and in older releases (channelTargetDir, libDir/channel,
 * configBaseDir/qemu/channel).
 */
const DEFAULT_CHANNEL_DIRS = ['/var/run/libvirt/qemu/channel', '/var/lib/libvirt/qemu/channel', '/etc/libvirt/qemu/channel'];

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** qemuDomainChrDefDropDefaultPath: a path libvirt generated itself is forgotten, to be generated again. */
function dropDefaultChannelPath(c: ChrDef): void {
  if (c.deviceType !== 'channel' || c.target.type !== 'virtio' || c.source.type !== 'unix') return;
  const path = c.source.path;
  const name = c.target.name;
  if (path === undefined || name === undefined) return;
  for (const dir of DEFAULT_CHANNEL_DIRS) {
    const re = new RegExp(`^${escapeRegex(dir)}/(target/)?(([^/]+\\.)|(domain-[^/]+/)|([0-9]+-[^/]+/))${escapeRegex(name)}$`);
    if (re.test(path)) {
      delete c.source.path;
      return;
    }
  }
}

/** virDomainChrSourceDefIsEqual. */
export function chrSourcesEqual(a: ChrSource, b: ChrSource): boolean {
  switch (a.type) {
    case 'file':
      return b.type === 'file' && a.append === b.append && a.path === b.path;
    case 'pty':
      // libvirt compares the (live-only) path, which a definition never has.
      return b.type === 'pty';
    case 'dev':
    case 'pipe':
      return b.type === a.type && a.path === b.path;
    case 'udp':
      return (
        b.type === 'udp' &&
        a.bindHost === b.bindHost &&
        a.bindService === b.bindService &&
        a.connectHost === b.connectHost &&
        a.connectService === b.connectService
      );
    case 'tcp':
      return (
        b.type === 'tcp' &&
        a.mode === b.mode &&
        (a.protocol ?? 'raw') === (b.protocol ?? 'raw') &&
        a.host === b.host &&
        a.service === b.service &&
        a.reconnect?.enabled === b.reconnect?.enabled &&
        (a.reconnect?.timeout ?? 0) === (b.reconnect?.timeout ?? 0)
      );
    case 'unix':
      return (
        b.type === 'unix' &&
        a.mode === b.mode &&
        a.path === b.path &&
        a.reconnect?.enabled === b.reconnect?.enabled &&
        (a.reconnect?.timeout ?? 0) === (b.reconnect?.timeout ?? 0)
      );
    case 'qemu-vdagent':
      return b.type === 'qemu-vdagent' && a.clipboard === b.clipboard && a.mouse === b.mouse;
    case 'spiceport':
      return b.type === 'spiceport' && a.channel === b.channel;
    case 'null':
    case 'vc':
    case 'stdio':
    case 'spicevmc':
      return b.type === a.type;
  }
}

/** The console libvirt keeps in place of one that became (or duplicated) serials[0]. */
function consoleStub(): ConsoleDef {
  return { deviceType: 'console', source: { type: 'null' }, target: { type: 'serial' }, info: {} };
}

/**
 * virDomainDefAddConsoleCompat: on an HVM guest the first console, when it
 * is a serial console, is an alias of serials[0]. A console without a serial
 * becomes the serial; a serial without a console gets a stub console.
 */
export function addConsoleCompat(d: Domain): void {
  const dev = d.devices;
  for (const c of dev.consoles.slice(1)) {
    if (c.target.type === 'serial') throw unsupported('postparse.console-serial', 'Only the first console can be a serial port');
  }
  let renumber = false;
  const first = dev.consoles[0];
  if (first && (first.target.type === 'serial' || first.target.type === undefined)) {
    let replace = false;
    if (dev.serials.length === 0) {
      const serial: SerialDef = { deviceType: 'serial', source: first.source, target: { port: 0 }, info: first.info };
      dev.serials.push(serial);
      replace = true;
    } else if (!chrSourcesEqual(dev.serials[0]!.source, first.source)) {
      replace = true;
    }
    if (replace) {
      dev.consoles[0] = consoleStub();
      renumber = true;
    }
  } else if (dev.serials.length > 0) {
    const t = dev.serials[0]!.target.type;
    if (t === undefined || t === 'isa-serial' || t === 'spapr-vio-serial' || t === 'system-serial' || t === 'sclp-serial') {
      dev.consoles.unshift(consoleStub());
      renumber = true;
    }
  }
  if (renumber) dev.consoles.forEach((c, i) => (c.target.port = i));
  // serials[0] may be new: it gets the per-device defaults now.
  if (dev.serials[0]) chrDefaults(d, dev.serials[0]);
}

/** virDomainDefMaybeAddVirtioSerialController: a controller for every virtio channel and console. */
export function addVirtioSerialControllers(d: Domain): void {
  const dev = d.devices;
  const wanted: number[] = [];
  for (const c of dev.channels) {
    if (c.target.type === 'virtio') wanted.push(c.info.address?.type === 'virtio-serial' ? c.info.address.controller : 0);
  }
  for (const c of dev.consoles) {
    if (c.target.type === 'virtio') wanted.push(c.info.address?.type === 'virtio-serial' ? c.info.address.controller : 0);
  }
  for (const index of wanted) addVirtioSerialController(d, index);
}

/** Adds virtio-serial controller `index` unless the domain has it. */
export function addVirtioSerialController(d: Domain, index: number): void {
  if (d.devices.controllers.some((c) => c.type === 'virtio-serial' && c.index === index)) return;
  const c: Controller = { type: 'virtio-serial', index, info: {} };
  insertController(d.devices.controllers, c);
}

/** virDomainRNGDefPostParse: the random backend reads /dev/random unless told otherwise. */
export function rngDefaults(d: Domain): void {
  for (const r of d.devices.rngs) {
    if (r.backend.model === 'random') r.backend.file ??= '/dev/random';
  }
}
