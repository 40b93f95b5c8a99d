/** Which kind of PCI slot each device needs (libvirt's qemuDomainDeviceCalculatePCIConnectFlags). */
import type { Caps } from '../../caps/caps.js';
import type { Domain } from '../../model/domain.js';
import { isKnownNetModel } from '../../model/net-models.js';
import type { DeviceRef } from '../devices.js';
import { CONNECT, controllerConnectType, PCI_CONTROLLER_MODELS, type PciControllerModel } from './flags.js';

export interface ConnectFlagSet {
  pci: number;
  pcie: number;
  virtio: number;
}

export function hasPCIeRoot(d: Domain): boolean {
  return d.devices.controllers.some((c) => c.type === 'pci' && c.index === 0 && c.model === 'pcie-root');
}

export function hasPCIRoot(d: Domain): boolean {
  return d.devices.controllers.some((c) => c.type === 'pci' && c.index === 0 && c.model === 'pci-root');
}

export function connectFlagSet(d: Domain, caps: Caps): ConnectFlagSet {
  const pci = CONNECT.PCI_DEVICE | CONNECT.AUTOASSIGN;
  const pcie = hasPCIeRoot(d) ? CONNECT.PCIE_DEVICE | CONNECT.AUTOASSIGN : pci;
  // Without transitional virtio models QEMU's virtio devices are conventional PCI.
  const virtio = caps.has('virtio-pci-non-transitional') ? pcie : pci;
  return { pci, pcie, virtio };
}

export function isPciControllerModel(m: string | undefined): m is PciControllerModel {
  return m !== undefined && (PCI_CONTROLLER_MODELS as readonly string[]).includes(m);
}

const VIRTIO_NET_MODELS = new Set(['virtio', 'virtio-non-transitional']);

export function deviceConnectFlags(ref: DeviceRef, f: ConnectFlagSet): number {
  switch (ref.kind) {
    case 'controller': {
      const c = ref.dev;
      switch (c.type) {
        case 'pci':
          return isPciControllerModel(c.model) ? controllerConnectType(c.model) : 0;
        case 'sata':
        case 'ide':
          return f.pci;
        case 'usb':
          switch (c.model) {
            case undefined:
              return f.pci;
            case 'nec-xhci':
            case 'qemu-xhci':
              return f.pcie;
            case 'ehci':
            case 'ich9-ehci1':
            case 'ich9-uhci1':
            case 'ich9-uhci2':
            case 'ich9-uhci3':
            case 'vt82c686b-uhci':
            case 'piix3-uhci':
            case 'piix4-uhci':
            case 'pci-ohci':
              return f.pci;
            default:
              return 0;
          }
        case 'scsi':
          switch (c.model) {
            case 'ncr53c90':
            case undefined:
            case 'auto':
              return 0;
            case 'virtio-scsi':
            case 'virtio-non-transitional':
              return f.virtio;
            default:
              return f.pci;
          }
        case 'virtio-serial':
          return c.model === 'virtio-transitional' ? f.pci : f.virtio;
        default:
          return 0;
      }
    }
    case 'net': {
      const n = ref.dev;
      if (n.type === 'hostdev' || n.model === 'usb-net') return 0;
      if (n.model !== undefined && VIRTIO_NET_MODELS.has(n.model)) return f.virtio;
      if (n.model === 'virtio-transitional') return f.pci;
      if (n.model === 'e1000e' || n.model === 'igb') return f.pcie;
      // No libvirt model: an interface whose network hands out host devices,
      // or a model name libvirt does not know (it files both as "unknown").
      if (!isKnownNetModel(n.model)) return f.pcie;
      return f.pci;
    }
    case 'sound':
      switch (ref.dev.model) {
        case 'es1370':
        case 'ac97':
        case 'ich6':
        case 'ich9':
          return f.pci;
        case 'virtio':
          return f.virtio;
        default:
          // sb16 and pcspk are ISA devices, usb-audio sits on USB.
          return 0;
      }
    case 'disk':
      if (ref.dev.target.bus !== 'virtio') return 0;
      return f.virtio;
    case 'hostdev': {
      const h = ref.dev;
      // Mediated devices have nothing in sysfs to tell; libvirt assumes PCI Express for them too.
      if (h.type === 'mdev') return h.model === 'vfio-pci' ? f.pcie : 0;
      if (h.type !== 'pci') return 0;
      // libvirt asks sysfs whether the host device is PCI Express and assumes
      // it is when the device is not present; teamctl never looks at the host.
      return f.pcie;
    }
    case 'memballoon':
      switch (ref.dev.model) {
        case 'virtio-transitional':
          return f.pci;
        case 'virtio':
        case 'virtio-non-transitional':
          return f.virtio;
        default:
          return 0;
      }
    case 'watchdog':
      return ref.dev.model === 'i6300esb' ? f.pci : 0;
    case 'input':
      if (ref.dev.bus !== 'virtio') return 0;
      // Transitional devices only work in conventional PCI slots.
      return ref.dev.model === 'virtio-transitional' ? f.pci : f.virtio;
    case 'chr':
      return ref.dev.deviceType === 'serial' && ref.dev.target.type === 'pci-serial' ? f.pci : 0;
    case 'rng':
      // Transitional devices only work in conventional PCI slots.
      return ref.dev.model === 'virtio-transitional' ? f.pci : f.virtio;
    case 'video':
      switch (ref.dev.model.type) {
        case 'virtio':
          return f.virtio;
        case 'vga':
        case 'cirrus':
        case 'vmvga':
        case 'xen':
        case 'vbox':
        case 'qxl':
        case 'parallels':
          return f.pci;
        case 'bochs':
          return f.pcie;
        default:
          return 0;
      }
    case 'hub':
      return 0;
  }
}
