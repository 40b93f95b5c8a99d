/** Parsing helpers shared by the element parsers: device info, addresses, MACs, memory units. */
import { internalError, TeamctlError, unsupported, xmlError } from '../errors.js';
import type { DeviceAddress, DeviceInfo, HostPciAddress, PciAddress } from '../model/address.js';
import type { El } from './xml.js';

const USER_ALIAS_CHARS = /^[A-Za-z0-9_-]+$/;

export interface ParseContext {
  /** Notes for the user about input libvirt itself ignores. */
  warnings: string[];
}

/**
 * libvirt's virDomainDeviceInfoParseXML for an inactive definition: only user
 * aliases (`ua-` plus safe characters) survive; `<boot>`, `<rom>`, `<acpi>` and
 * `<address>` are read when the device kind allows them.
 */
export function parseDeviceInfo(
  el: El,
  ctx: ParseContext,
  allow: { boot?: boolean; rom?: boolean } = {},
): DeviceInfo {
  const info: DeviceInfo = {};
  const aliasEl = el.child('alias');
  if (aliasEl) {
    const name = aliasEl.attr('name');
    aliasEl.finish();
    if (name !== undefined) {
      if (name.startsWith('ua-') && USER_ALIAS_CHARS.test(name)) info.alias = name;
      else {
        ctx.warnings.push(
          `alias '${name}' of <${el.name}> is ignored: libvirt keeps only user aliases that start with 'ua-' and use letters, digits, '_' and '-'`,
        );
      }
    }
  }
  if (allow.boot) {
    const boot = el.child('boot');
    if (boot) {
      const order = boot.uintAttr('order', { nonZero: true });
      if (order === undefined) throw xmlError('xml.attr-missing', `Missing required attribute 'order' in element 'boot'`);
      info.bootOrder = order;
      if (boot.attr('loadparm') !== undefined) {
        throw unsupported('parse.boot-loadparm', `boot loadparm (s390 only) is not supported by teamctl`);
      }
      boot.finish();
    }
  }
  if (allow.rom) {
    const rom = el.child('rom');
    if (rom) {
      const enabled = rom.yesNoAttr('enabled');
      const bar = rom.onOffAttr('bar');
      const file = rom.attr('file');
      if (enabled === false && (bar !== undefined || file !== undefined)) {
        throw unsupported('parse.rom-disabled', 'ROM tuning is not supported when ROM is disabled');
      }
      info.rom = {
        ...(enabled !== undefined ? { enabled } : {}),
        ...(bar !== undefined ? { bar } : {}),
        ...(file !== undefined ? { file } : {}),
      };
      rom.finish();
    }
  }
  const acpi = el.child('acpi');
  if (acpi) {
    const index = acpi.uintAttr('index', { nonZero: true });
    if (index !== undefined) info.acpiIndex = index;
    acpi.finish();
  }
  const address = el.child('address');
  if (address) {
    info.address = parseAddress(address);
    address.finish();
  }
  return info;
}

const ADDRESS_TYPES = ['pci', 'drive', 'virtio-serial', 'ccid', 'usb', 'spapr-vio', 'virtio-s390', 'ccw', 'virtio-mmio', 'isa', 'dimm', 'unassigned'] as const;

export function parseAddress(el: El): DeviceAddress {
  const type = el.requiredEnumAttr('type', ADDRESS_TYPES);
  switch (type) {
    case 'pci':
      return parsePciAddress(el);
    case 'drive':
      return {
        type: 'drive',
        controller: el.uintAnyBaseAttr('controller') ?? 0,
        bus: el.uintAnyBaseAttr('bus') ?? 0,
        target: el.uintAnyBaseAttr('target') ?? 0,
        unit: el.uintAnyBaseAttr('unit') ?? 0,
      };
    case 'virtio-serial':
      return {
        type: 'virtio-serial',
        controller: el.uintAnyBaseAttr('controller') ?? 0,
        bus: el.uintAnyBaseAttr('bus') ?? 0,
        port: el.uintAnyBaseAttr('port') ?? 0,
      };
    case 'usb': {
      const portRaw = el.attr('port');
      const port = portRaw !== undefined ? parseUsbPort(portRaw) : undefined;
      const bus = el.uintAttr('bus') ?? 0;
      return port !== undefined ? { type: 'usb', bus, port } : { type: 'usb', bus };
    }
    case 'isa': {
      const iobase = el.uintAnyBaseAttr('iobase');
      const irq = el.uintAnyBaseAttr('irq');
      return { type: 'isa', ...(iobase !== undefined ? { iobase } : {}), ...(irq !== undefined ? { irq } : {}) };
    }
    case 'unassigned':
      return { type: 'unassigned' };
    default:
      throw unsupported('parse.address-type', `address type '${type}' is not supported by teamctl on x86_64`);
  }
}

/** A hub path of at most four port numbers ('1', '1.2', …), libvirt's virDomainDeviceUSBAddressParsePort. */
function parseUsbPort(raw: string): string {
  if (!/^[0-9]+(\.[0-9]+){0,3}$/.test(raw) || raw.split('.').some((n) => Number(n) > 0xffffffff)) {
    throw internalError('xml.usb-port', `Cannot parse <address> 'port' attribute`);
  }
  return raw.split('.').map((n) => String(Number(n))).join('.');
}

function parsePciAddress(el: El): PciAddress {
  const addr: PciAddress = {
    type: 'pci',
    domain: el.uintAnyBaseAttr('domain') ?? 0,
    bus: el.uintAnyBaseAttr('bus') ?? 0,
    slot: el.uintAnyBaseAttr('slot') ?? 0,
    function: el.uintAnyBaseAttr('function') ?? 0,
  };
  checkPciAddressRange(addr);
  const multi = el.onOffAttr('multifunction');
  if (multi !== undefined) addr.multifunction = multi;
  if (el.child('zpci')) throw unsupported('parse.zpci', 'zPCI addresses (s390) are not supported by teamctl');
  return addr;
}

/**
 * virPCIDeviceAddressIsValid as the parser applies it: an address with
 * domain, bus and slot all 0 means "not given" and is not checked.
 */
function checkPciAddressRange(a: PciAddress): void {
  if (!(a.domain || a.bus || a.slot)) return;
  const hex = (n: number) => n.toString(16);
  if (a.bus > 0xff) throw xmlError('xml.pci-bus', `Invalid PCI address bus='0x${hex(a.bus)}', must be <= 0xFF`);
  if (a.slot > 0x1f) throw xmlError('xml.pci-slot', `Invalid PCI address slot='0x${hex(a.slot)}', must be <= 0x1F`);
  if (a.function > 7) throw xmlError('xml.pci-function', `Invalid PCI address function=0x${hex(a.function)}, must be <= 7`);
}

/** Host PCI address under <source> (no type attribute needed). */
export function parseHostPciAddress(el: El): HostPciAddress {
  const type = el.attr('type');
  if (type !== undefined && type !== 'pci') throw el.invalidValue('type', type);
  const a = {
    domain: el.uintAnyBaseAttr('domain', { max: 0xffff }) ?? 0,
    bus: el.uintAnyBaseAttr('bus', { max: 0xff }) ?? 0,
    slot: el.uintAnyBaseAttr('slot', { max: 0x1f }) ?? 0,
    function: el.uintAnyBaseAttr('function', { max: 7 }) ?? 0,
  };
  if (el.has('zpci')) throw unsupported('parse.zpci', 'zPCI addresses (s390) are not supported by teamctl');
  el.attr('multifunction');
  return a;
}

/** virMacAddrParse: six hex octets separated by ':' (or '-'), printed lower-case. */
export function parseMac(text: string): string | undefined {
  const parts = text.split(/[:-]/);
  if (parts.length !== 6 || !parts.every((p) => /^[0-9A-Fa-f]{1,2}$/.test(p))) return undefined;
  return parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
}

/** virScaleInteger's suffixes: the power of the unit's first letter (b, byte, bytes are 1). */
const UNIT_POWERS = 'kmgtpe';

/** libvirt's virScaleInteger: the multiplier a unit suffix names, or undefined for an unknown one. */
function unitScale(unit: string): bigint | undefined {
  const u = unit.toLowerCase();
  if (u === 'b' || u === 'byte' || u === 'bytes') return 1n;
  let base: bigint;
  if (u.length === 1 || u.slice(1) === 'ib') base = 1024n;
  else if (u.length === 2 && u[1] === 'b') base = 1000n;
  else return undefined;
  const power = UNIT_POWERS.indexOf(u[0]!);
  return power < 0 ? undefined : base ** BigInt(power + 1);
}

/** The largest size libvirt accepts in bytes (virMemoryMaxValue on 64-bit hosts: LLONG_MAX). */
const MAX_MEMORY_BYTES = 0x7fffffffffffffffn;

/**
 * libvirt's virDomainParseMemory: a decimal number (strtoull rules: leading
 * blanks and '+' allowed, no '-') with an optional unit attribute (KiB by
 * default), converted to KiB rounding up. Empty text means "not given".
 */
export function parseMemoryKiB(el: El, what: string): number | undefined {
  const raw = el.text();
  const unitRaw = el.attr('unit');
  if (raw === '') return undefined;
  if (!/^[ \t\n\v\f\r]*\+?[0-9]+$/.test(raw)) {
    throw xmlError('xml.memory-value', `Invalid value '${raw}' for element or attribute '${what}'`);
  }
  const value = BigInt(raw.trim());
  if (value > 0xffffffffffffffffn) {
    throw xmlError('xml.memory-value', `Invalid value '${raw}' for element or attribute '${what}'`);
  }
  const scale = unitRaw === undefined || unitRaw === '' ? 1024n : unitScale(unitRaw);
  if (scale === undefined) throw new TeamctlError('invalid-arg', 'xml.memory-unit', `unknown suffix '${unitRaw}'`);
  if (value > MAX_MEMORY_BYTES / scale) {
    throw new TeamctlError('overflow', 'xml.memory-overflow', `value too large: ${value}${unitRaw ?? ''}`);
  }
  const kib = (value * scale + 1023n) / 1024n;
  if (kib >= (MAX_MEMORY_BYTES + 1023n) / 1024n) throw new TeamctlError('overflow', 'xml.memory-overflow', 'size value too large');
  return Number(kib);
}
