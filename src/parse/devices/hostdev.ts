/** <hostdev mode='subsystem' type='pci|usb'>: libvirt's virDomainHostdevDefParseXML. */
import { unsupported, xmlError } from '../../errors.js';
import type { Hostdev } from '../../model/devices.js';
import { parseDeviceInfo, parseHostPciAddress, type ParseContext } from '../common.js';
import type { El } from '../xml.js';
import { parseTeaming } from './interface.js';

export function parseHostdev(el: El, ctx: ParseContext): Hostdev {
  const mode = el.enumAttr('mode', ['subsystem', 'capabilities'] as const) ?? 'subsystem';
  if (mode !== 'subsystem') throw unsupported('parse.hostdev-mode', `hostdev mode '${mode}' is not supported by teamctl`);
  const type = el.requiredEnumAttr('type', ['usb', 'pci', 'scsi', 'scsi_host', 'mdev'] as const);
  const managed = el.yesNoAttr('managed');
  const teaming = parseTeaming(el);
  const info = parseDeviceInfo(el, ctx, { boot: true, rom: true });
  const source = el.child('source');
  if (!source) throw xmlError('xml.hostdev-source', 'Missing <source> element in hostdev device');
  let dev: Hostdev;
  switch (type) {
    case 'pci': {
      const writeFiltering = source.yesNoAttr('writeFiltering');
      const addrEl = source.child('address');
      if (!addrEl) throw xmlError('xml.hostdev-address', 'PCI host devices must use \'pci\' or \'unassigned\' address type');
      const address = parseHostPciAddress(addrEl);
      addrEl.finish();
      source.finish();
      const driverEl = el.child('driver');
      const driverName = driverEl?.enumAttr('name', ['kvm', 'vfio', 'xen', 'default'] as const);
      driverEl?.finish();
      dev = {
        mode,
        type,
        ...(managed !== undefined ? { managed } : {}),
        source: { address, ...(writeFiltering !== undefined ? { writeFiltering } : {}) },
        ...(driverName !== undefined ? { driver: { name: driverName } } : {}),
        ...(teaming !== undefined ? { teaming } : {}),
        info,
      };
      break;
    }
    case 'usb': {
      const vendor = source.child('vendor');
      const product = source.child('product');
      const address = source.child('address');
      const vendorId = vendor?.uintAnyBaseAttr('id', { max: 0xffff });
      const productId = product?.uintAnyBaseAttr('id', { max: 0xffff });
      const bus = address?.uintAnyBaseAttr('bus');
      const device = address?.uintAnyBaseAttr('device');
      vendor?.finish();
      product?.finish();
      address?.finish();
      source.finish();
      dev = {
        mode,
        type,
        ...(managed !== undefined ? { managed } : {}),
        source: {
          ...(vendorId !== undefined ? { vendor: vendorId } : {}),
          ...(productId !== undefined ? { product: productId } : {}),
          ...(bus !== undefined && device !== undefined ? { address: { bus, device } } : {}),
        },
        ...(teaming !== undefined ? { teaming } : {}),
        info,
      };
      break;
    }
    default:
      throw unsupported('parse.hostdev-type', `hostdev type '${type}' is not supported by teamctl yet`);
  }
  el.finish();
  return dev;
}
