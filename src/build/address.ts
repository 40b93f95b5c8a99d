/** Device address and ROM properties shared by all -device builders (qemuBuildDeviceAddressProps, qemuBuildRomProps). */
import { internalError, unsupported } from '../errors.js';
import type { DeviceInfo } from '../model/address.js';
import type { Domain } from '../model/domain.js';
import { formatUsbPort } from '../postparse/usb/address-set.js';
import { Props } from '../render/props.js';

/** The QEMU bus name of the PCI controller with this index. */
export function pciBusName(d: Domain, bus: number): string {
  const c = d.devices.controllers.find((x) => x.type === 'pci' && x.index === bus);
  if (!c) throw unsupported('build.pci-bus', `Could not find PCI controller with index '${bus}' required for a device`);
  if (c.model === 'pci-root') return 'pci.0';
  if (c.model === 'pcie-root') return 'pcie.0';
  return c.info.alias ?? `pci.${bus}`;
}

export function addressProps(d: Domain, info: DeviceInfo): Props {
  const p = new Props();
  const a = info.address;
  if (!a) return p;
  switch (a.type) {
    case 'pci': {
      const addr = a.function !== 0 ? `0x${a.slot.toString(16)}.0x${a.function.toString(16)}` : `0x${a.slot.toString(16)}`;
      p.set('bus', pciBusName(d, a.bus));
      p.tristate('multifunction', a.multifunction);
      p.set('addr', addr);
      p.positive('acpi-index', info.acpiIndex);
      return p;
    }
    case 'usb': {
      const usb = d.devices.controllers.find((c) => c.type === 'usb' && c.index === a.bus);
      if (!usb) throw internalError('build.usb-bus', `Could not find usb controller with index ${a.bus} required for device`);
      p.set('bus', `${usb.info.alias}.0`);
      p.set('port', formatUsbPort(a));
      return p;
    }
    case 'isa':
      // libvirt's ISA address has iobase 0 when the XML leaves it out, and prints it.
      p.set('iobase', a.iobase ?? 0);
      p.positive('irq', a.irq);
      return p;
    case 'virtio-serial': {
      const cont = d.devices.controllers.find((c) => c.type === 'virtio-serial' && c.index === a.controller);
      if (!cont) {
        throw internalError('build.virtio-serial-controller', `Could not find virtio-serial controller with index ${a.controller} required for device`);
      }
      p.set('bus', `${cont.info.alias}.${a.bus}`).set('nr', a.port);
      return p;
    }
    default:
      return p;
  }
}

/** ROM tuning (only for PCI devices). */
export function romProps(info: DeviceInfo): Props {
  const p = new Props();
  const rom = info.rom;
  if (!rom || (rom.enabled === undefined && rom.bar === undefined && rom.file === undefined)) return p;
  if (info.address?.type !== 'pci') throw unsupported('build.rom-not-pci', 'ROM tuning is only supported for PCI devices');
  if (rom.enabled === false) {
    p.set('romfile', '');
    return p;
  }
  if (rom.bar !== undefined) p.set('rombar', rom.bar ? 1 : 0);
  p.str('romfile', rom.file);
  return p;
}
