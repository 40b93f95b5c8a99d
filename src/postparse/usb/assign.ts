/**
 * USB port assignment when a new domain starts (libvirt's
 * qemuDomainAssignUSBAddresses): add the hubs the devices need, reserve the
 * ports written in the XML, then give hubs and devices the first free port.
 */
import { unsupported } from '../../errors.js';
import type { DeviceInfo } from '../../model/address.js';
import type { Domain } from '../../model/domain.js';
import { allDevices, type DeviceRef } from '../devices.js';
import { hasValidUsbPort, USB_HUB_PORTS, UsbAddressSet, usbControllerPorts } from './address-set.js';

/** libvirt's virDomainDeviceIsUSB. */
function isUsbDevice(ref: DeviceRef, skipHubs: boolean): boolean {
  switch (ref.kind) {
    case 'hub':
      return !skipHubs;
    case 'hostdev':
      return ref.dev.type === 'usb';
    case 'disk':
      return ref.dev.target.bus === 'usb';
    case 'net':
      return ref.dev.model === 'usb-net';
    case 'controller':
      return ref.dev.type === 'ccid';
    case 'input':
      return ref.dev.bus === 'usb';
    case 'sound':
      return ref.dev.model === 'usb';
    default:
      return false;
  }
}

/** The DeviceInfo of every USB device, in libvirt's device order. */
function usbDeviceInfos(d: Domain, skipHubs: boolean): DeviceInfo[] {
  return allDevices(d)
    .filter((ref) => isUsbDevice(ref, skipHubs))
    .map((ref) => ref.info);
}

export function assignUsbAddresses(d: Domain): void {
  addHubs(d);
  const set = new UsbAddressSet();
  for (const c of d.devices.controllers) if (c.type === 'usb') set.addController(c);
  for (const h of d.devices.hubs) if (hasValidUsbPort(h.info)) set.addHub(h.info);
  for (const info of usbDeviceInfos(d, true)) set.reserve(info);
  for (const h of d.devices.hubs) {
    if (hasValidUsbPort(h.info)) continue;
    set.assign(h.info);
    set.addHub(h.info);
  }
  for (const info of usbDeviceInfos(d, true)) {
    const a = info.address;
    if (a !== undefined && a.type !== 'usb') continue;
    if (hasValidUsbPort(info)) continue;
    set.assign(info);
  }
}

/** qemuDomainUSBAddressAddHubs: enough hubs for every USB device to get a port. */
function addHubs(d: Domain): void {
  const count = usbDeviceInfos(d, false).length;
  const hasUsb = d.devices.controllers.some((c) => c.type === 'usb' && c.model !== 'none');
  if (count > 0 && !hasUsb) {
    throw unsupported('usb.disabled', 'USB is disabled for this domain, but USB devices are present in the domain XML');
  }
  let available = 0;
  for (const c of d.devices.controllers) if (c.type === 'usb') available += usbControllerPorts(c);
  available += d.devices.hubs.length * USB_HUB_PORTS;
  if (count <= available) return;
  // Each new hub takes a port and gives eight.
  const needed = Math.ceil((count - available + 1) / (USB_HUB_PORTS - 1));
  for (let i = 0; i < needed; i++) d.devices.hubs.push({ type: 'usb', info: {} });
}
