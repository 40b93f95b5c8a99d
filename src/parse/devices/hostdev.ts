/** <hostdev mode='subsystem' type='pci|usb|mdev'>: libvirt's virDomainHostdevDefParseXML. */
import { internalError, unsupported, xmlError } from '../../errors.js';
import type { Hostdev, MdevHostdev, PciHostdev, UsbHostdev } from '../../model/devices.js';
import { parseDeviceInfo, parseHostPciAddress, type ParseContext } from '../common.js';
import type { El } from '../xml.js';
import { parseTeaming } from './interface.js';

/** `usbDisabled`: the domain has <controller type='usb' model='none'>. */
export function parseHostdev(el: El, ctx: ParseContext, usbDisabled = false): Hostdev {
  const mode = el.enumAttr('mode', ['subsystem', 'capabilities'] as const) ?? 'subsystem';
  if (mode !== 'subsystem') throw unsupported('parse.hostdev-mode', `hostdev mode '${mode}' is not supported by teamctl`);
  const type = el.requiredEnumAttr('type', ['usb', 'pci', 'scsi', 'scsi_host', 'mdev'] as const);
  if (type !== 'pci' && type !== 'usb' && type !== 'mdev') throw unsupported('parse.hostdev-type', `hostdev type '${type}' is not supported by teamctl yet`);
  const managed = el.yesNoAttr('managed');
  if (type !== 'mdev' && el.attr('model') !== undefined) {
    throw xmlError('xml.hostdev-model', `'model' attribute in <hostdev> is only supported when type='${type}'`);
  }
  const source = el.child('source');
  if (!source) throw xmlError('xml.hostdev-source', 'Missing <source> element in hostdev device');
  if (type !== 'usb' && source.attr('startupPolicy') !== undefined) {
    throw unsupported('parse.hostdev-startup-policy', 'Setting startupPolicy is only allowed for USB devices');
  }
  const teaming = parseTeaming(el);
  const common = { mode, ...(managed !== undefined ? { managed } : {}), ...(teaming !== undefined ? { teaming } : {}) } as const;
  const dev: Hostdev =
    type === 'pci' ? parsePciHostdev(el, source, common) : type === 'usb' ? parseUsbHostdev(source, common) : parseMdevHostdev(el, source, common);
  dev.info = parseDeviceInfo(el, ctx, { boot: true, rom: true });
  el.finish();
  if (type === 'usb' && usbDisabled) throw unsupported('parse.hostdev-usb-none', "Can't add host USB device: USB is disabled in this host");
  return dev;
}

type Common = Pick<PciHostdev, 'mode' | 'managed' | 'teaming'>;

function parsePciHostdev(el: El, source: El, common: Common): PciHostdev {
  const display = el.onOffAttr('display');
  const ramfb = el.onOffAttr('ramfb');
  const writeFiltering = source.yesNoAttr('writeFiltering');
  const addrEl = source.child('address');
  if (!addrEl) throw xmlError('xml.hostdev-address', "PCI host devices must use 'pci' or 'unassigned' address type");
  const address = parseHostPciAddress(addrEl);
  addrEl.finish();
  source.finish();
  const driverEl = el.child('driver');
  const driverName = driverEl?.enumAttr('name', ['kvm', 'vfio', 'xen', 'default'] as const);
  const driverModel = driverEl?.attr('model');
  driverEl?.finish();
  return {
    ...common,
    type: 'pci',
    ...(display !== undefined ? { display } : {}),
    ...(ramfb !== undefined ? { ramfb } : {}),
    source: { address, ...(writeFiltering !== undefined ? { writeFiltering } : {}) },
    ...(driverEl ? { driver: { ...(driverName !== undefined ? { name: driverName } : {}), ...(driverModel !== undefined ? { model: driverModel } : {}) } } : {}),
    info: {},
  };
}

/** The mdev part of virDomainHostdevDefParseXMLSubsys and virDomainHostdevSubsysMediatedDevDefParseXML. */
function parseMdevHostdev(el: El, source: El, common: Common): MdevHostdev {
  const model = el.requiredEnumAttr('model', ['vfio-pci', 'vfio-ccw', 'vfio-ap'] as const);
  const display = el.onOffAttr('display');
  const ramfb = el.onOffAttr('ramfb');
  const addrEl = source.child('address');
  if (!addrEl) throw unsupported('parse.mdev-address', 'Missing <address> element');
  const uuidRaw = addrEl.attr('uuid');
  if (uuidRaw === undefined) throw unsupported('parse.mdev-uuid', "Missing 'uuid' attribute for element <address>");
  const uuid = parseUuid(uuidRaw);
  if (uuid === undefined) throw internalError('parse.mdev-uuid', 'Cannot parse uuid attribute of element <address>');
  addrEl.finish();
  source.finish();
  return {
    ...common,
    type: 'mdev',
    model,
    ...(display !== undefined ? { display } : {}),
    ...(ramfb !== undefined ? { ramfb } : {}),
    source: { address: { uuid } },
    info: {},
  };
}

/** libvirt's virUUIDParse: 32 hex digits, '-' allowed between them, surrounding blanks ignored; printed canonically. */
function parseUuid(raw: string): string | undefined {
  const hex = raw.trim().replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex) || /^-|-$/.test(raw.trim())) return undefined;
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** virDomainHostdevSubsysUSBDefParseXML. */
function parseUsbHostdev(source: El, common: Common): UsbHostdev {
  const startupPolicy = source.enumAttr('startupPolicy', ['mandatory', 'requisite', 'optional'] as const);
  const guestReset = source.enumAttr('guestReset', ['off', 'uninitialized', 'on'] as const);
  const vendor = source.child('vendor');
  const product = source.child('product');
  const address = source.child('address');
  let vendorId: number | undefined;
  let productId: number | undefined;
  if (vendor) {
    vendor.requiredAttr('id');
    vendorId = vendor.uintAnyBaseAttr('id', { nonZero: true });
    vendor.finish();
    if (!product) throw internalError('parse.usb-product', 'missing product');
  }
  if (product) {
    product.requiredAttr('id');
    productId = product.uintAnyBaseAttr('id');
    product.finish();
    if (!vendor) throw internalError('parse.usb-vendor', 'missing vendor');
  }
  let hostAddress: { bus: number; device: number } | undefined;
  if (address) {
    address.requiredAttr('bus');
    address.requiredAttr('device');
    hostAddress = { bus: address.uintAnyBaseAttr('bus')!, device: address.uintAnyBaseAttr('device')! };
    address.finish();
  }
  source.finish();
  return {
    ...common,
    type: 'usb',
    source: {
      ...(vendorId !== undefined ? { vendor: vendorId } : {}),
      ...(productId !== undefined ? { product: productId } : {}),
      ...(hostAddress !== undefined ? { address: hostAddress } : {}),
      ...(startupPolicy !== undefined ? { startupPolicy } : {}),
      ...(guestReset !== undefined ? { guestReset } : {}),
    },
    info: {},
  };
}
