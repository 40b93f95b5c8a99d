/** Device addresses and the information every device carries (libvirt's virDomainDeviceInfo). */

export interface PciAddress {
  readonly type: 'pci';
  domain: number;
  bus: number;
  slot: number;
  function: number;
  /** multifunction='on'|'off' as written; undefined when absent. */
  multifunction?: boolean;
  /** <zpci> and friends are not modelled. */
}

export interface DriveAddress {
  readonly type: 'drive';
  controller: number;
  bus: number;
  target: number;
  unit: number;
}

export interface UsbAddress {
  readonly type: 'usb';
  bus: number;
  /** Dotted hub path such as '1' or '1.2'. */
  port?: string;
}

export interface VirtioSerialAddress {
  readonly type: 'virtio-serial';
  controller: number;
  bus: number;
  port: number;
}

export interface IsaAddress {
  readonly type: 'isa';
  iobase?: number;
  irq?: number;
}

/** A PCI device the guest does not see (libvirt's type='unassigned'). */
export interface UnassignedAddress {
  readonly type: 'unassigned';
}

export type DeviceAddress = PciAddress | DriveAddress | UsbAddress | VirtioSerialAddress | IsaAddress | UnassignedAddress;

export interface RomInfo {
  /** <rom bar='on|off'>. */
  bar?: boolean;
  /** <rom file='...'>. */
  file?: string;
  /** <rom enabled='yes|no'>. */
  enabled?: boolean;
}

/** What every device may carry besides its own settings. */
export interface DeviceInfo {
  alias?: string;
  address?: DeviceAddress;
  /** <boot order='N'/>. */
  bootOrder?: number;
  /** The boot index libvirt passes to QEMU (from <boot order> or <os><boot dev>). */
  effectiveBootIndex?: number;
  rom?: RomInfo;
  /** <acpi index='N'/>. */
  acpiIndex?: number;
}

/** Host PCI address of an assigned device (hostdev <source><address>). */
export interface HostPciAddress {
  domain: number;
  bus: number;
  slot: number;
  function: number;
}

export function formatHostPciAddress(a: HostPciAddress): string {
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
  return `${hex(a.domain, 4)}:${hex(a.bus, 2)}:${hex(a.slot, 2)}.${a.function.toString(16)}`;
}

export function isUserAlias(alias: string | undefined): boolean {
  return alias !== undefined && alias.startsWith('ua-');
}
