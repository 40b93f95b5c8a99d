/** libvirt's virDomainDeviceInfoFormat: <boot>, <alias>, <master>, <rom>, <acpi>, <address>, in that order. */
import type { DeviceAddress, DeviceInfo } from '../model/address.js';
import type { Attr, XmlWriter } from './xml-writer.js';

export interface DeviceInfoOptions {
  /** The device type may carry <boot order> (disks, interfaces, hostdevs, redirdevs). */
  readonly allowBoot?: boolean;
  /** The device type may carry <rom> (interfaces, hostdevs). */
  readonly allowRom?: boolean;
  /** <master startport='N'/> of a USB companion controller (libvirt keeps it in the device info). */
  readonly usbMasterStartport?: number;
}

const hex = (n: number, width: number): string => `0x${n.toString(16).padStart(width, '0')}`;
const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
const onOff = (b: boolean): string => (b ? 'on' : 'off');

export function formatDeviceInfo(w: XmlWriter, info: DeviceInfo, options: DeviceInfoOptions = {}): void {
  if (options.allowBoot && info.bootOrder !== undefined) w.element('boot', [['order', info.bootOrder]]);
  if (info.alias !== undefined) w.element('alias', [['name', info.alias]]);
  if (options.usbMasterStartport !== undefined) w.element('master', [['startport', options.usbMasterStartport]]);
  const rom = info.rom;
  if (options.allowRom && rom && (rom.enabled !== undefined || rom.bar !== undefined || rom.file !== undefined)) {
    w.element('rom', [
      ['enabled', rom.enabled === undefined ? undefined : yesNo(rom.enabled)],
      ['bar', rom.bar === undefined ? undefined : onOff(rom.bar)],
      ['file', rom.file],
    ]);
  }
  if (info.acpiIndex !== undefined && info.acpiIndex !== 0) w.element('acpi', [['index', info.acpiIndex]]);
  if (info.address) w.element('address', addressAttrs(info.address));
}

export function addressAttrs(a: DeviceAddress): Attr[] {
  switch (a.type) {
    case 'pci':
      return [
        ['type', 'pci'],
        ['domain', hex(a.domain, 4)],
        ['bus', hex(a.bus, 2)],
        ['slot', hex(a.slot, 2)],
        ['function', `0x${a.function}`],
        ['multifunction', a.multifunction === undefined ? undefined : onOff(a.multifunction)],
      ];
    case 'drive':
      return [['type', 'drive'], ['controller', a.controller], ['bus', a.bus], ['target', a.target], ['unit', a.unit]];
    case 'virtio-serial':
      return [['type', 'virtio-serial'], ['controller', a.controller], ['bus', a.bus], ['port', a.port]];
    case 'usb':
      return [['type', 'usb'], ['bus', a.bus], ['port', a.port]];
    case 'isa':
      return [
        ['type', 'isa'],
        ['iobase', a.iobase ? hex(a.iobase, 0) : undefined],
        ['irq', a.irq ? hex(a.irq, 0) : undefined],
      ];
    case 'unassigned':
      return [['type', 'unassigned']];
  }
}
