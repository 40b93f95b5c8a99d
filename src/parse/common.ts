/** Parsing helpers shared by the element parsers: device info, addresses, MACs, memory units. */
import { internalError, unsupported, xmlError } from '../errors.js';
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

const UNIT_SCALE: Record<string, bigint> = {
  b: 1n,
  bytes: 1n,
  k: 1024n,
  kib: 1024n,
  kb: 1000n,
  m: 1024n ** 2n,
  mib: 1024n ** 2n,
  mb: 1000n ** 2n,
  g: 1024n ** 3n,
  gib: 1024n ** 3n,
  gb: 1000n ** 3n,
  t: 1024n ** 4n,
  tib: 1024n ** 4n,
  tb: 1000n ** 4n,
  p: 1024n ** 5n,
  pib: 1024n ** 5n,
  pb: 1000n ** 5n,
  e: 1024n ** 6n,
  eib: 1024n ** 6n,
  eb: 1000n ** 6n,
};

/**
 * libvirt's virDomainParseMemory: a number with an optional unit attribute
 * (KiB by default), converted to KiB rounding up. Values past what libvirt
 * accepts (an unsigned long long of bytes) are rejected.
 */
export function parseMemoryKiB(el: El, what: string): number {
  const text = el.text().trim();
  const unitRaw = el.attr('unit');
  const unit = (unitRaw ?? 'KiB').toLowerCase();
  const scale = UNIT_SCALE[unit];
  if (scale === undefined) throw unsupported('xml.memory-unit', `unknown suffix '${unitRaw}'`);
  if (!/^[0-9]+$/.test(text)) {
    throw xmlError('xml.memory-value', `could not parse memory element ${what}`);
  }
  const bytes = BigInt(text) * scale;
  const max = 0xffffffffffffffffn;
  if (bytes > max) throw xmlError('xml.memory-overflow', `value too large: ${text}${unitRaw ?? ''}`);
  const kib = (bytes + 1023n) / 1024n;
  if (kib > BigInt(Number.MAX_SAFE_INTEGER)) throw xmlError('xml.memory-overflow', `value too large: ${text}${unitRaw ?? ''}`);
  return Number(kib);
}
