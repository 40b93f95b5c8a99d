/**
 * Post-parse: the only stage that changes the model. `postParse` fills in
 * what libvirt fills in when a domain is defined (defaults, implicit
 * controllers, PCI addresses); `prepareStart` what it adds when the domain
 * starts (network resolution, aliases).
 */
import type { Caps } from '../caps/caps.js';
import type { Interface, NetworkInterface } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import type { NetworkDef } from '../model/network.js';
import { assignAliases } from './aliases.js';
import {
  addConsoleCompat,
  addVirtioSerialControllers,
  assignIsaSerialPorts,
  assignParallelPorts,
  chardevDefaults,
  rngDefaults,
} from './chardev.js';
import { fillIdentity } from './identity.js';
import { dropGeneratedVncSockets, spiceListenNone } from './graphics.js';
import {
  addDefaultDevices,
  assignControllerIndexes,
  basicDefaults,
  commonDefaults,
  cpuDefaults,
  deviceDefaults,
  implicitControllerDefaults,
  machineDefaults,
} from './defaults.js';
import { actualType, allocateNetworks, type ActualNet } from './network.js';
import { hostdevDefaults } from './hostdev.js';
import { assignPciAddresses } from './pci/assign.js';
import { sanitizeMetadata } from './metadata.js';
import { assignVirtioSerialAddresses } from './virtio-serial.js';
import { assignUsbAddresses } from './usb/assign.js';
import { videoDefaults } from './video.js';

export interface PostParseOptions {
  /** libvirt network definitions by name (from --network-xml). */
  readonly networks?: ReadonlyMap<string, NetworkDef>;
  /** Receives notes about values teamctl had to invent. */
  readonly warnings?: string[];
  /** The caller gives up `input` (e.g. it was just parsed): change it in place instead of copying it. */
  readonly inPlace?: boolean;
}

export interface Prepared {
  /** The defined domain plus generated aliases. */
  readonly domain: Domain;
  /** What each <interface type='network'> was given by its network. */
  readonly actual: ReadonlyMap<NetworkInterface, ActualNet>;
}

/** The domain as libvirt stores it after `virsh define`. Returns a new object unless `inPlace`. */
export function postParse(input: Domain, caps: Caps, options: PostParseOptions = {}): Domain {
  const d = options.inPlace ? input : structuredClone(input);
  const networks = options.networks ?? new Map<string, NetworkDef>();
  // At define time a network that is not known is just not a hostdev pool.
  const resolve = (i: Interface) => (i.type === 'network' && !networks.has(i.source.network) ? 'network' : actualType(i, networks));

  basicDefaults(d);
  fillIdentity(d, options.warnings ?? []);
  sanitizeMetadata(d, options.warnings ?? []);
  assignParallelPorts(d);
  assignControllerIndexes(d);
  machineDefaults(d, caps);
  addDefaultDevices(d, caps);
  cpuDefaults(d, caps);
  assignIsaSerialPorts(d);
  deviceDefaults(d, caps, resolve);
  chardevDefaults(d);
  rngDefaults(d);
  commonDefaults(d);
  hostdevDefaults(d);
  videoDefaults(d, caps);
  dropGeneratedVncSockets(d);
  spiceListenNone(d);
  // Part of libvirt's implicit devices, after the implicit disk controllers.
  addConsoleCompat(d);
  addVirtioSerialControllers(d);
  // Implicit SCSI controllers get their model after all implicit devices exist.
  implicitControllerDefaults(d, caps);
  // Address assignment: virtio-serial ports first, then PCI slots.
  assignVirtioSerialAddresses(d);
  assignPciAddresses(d, caps);
  return d;
}

/** What libvirt adds when the domain starts: network ports, USB ports and device aliases. Mutates `d`. */
export function prepareStart(d: Domain, options: PostParseOptions = {}): Prepared {
  const networks = options.networks ?? new Map<string, NetworkDef>();
  const actual = allocateNetworks(d, networks);
  assignUsbAddresses(d);
  assignAliases(d, (n) => actualType(n, networks) === 'hostdev');
  return { domain: d, actual };
}

export { actualType };
