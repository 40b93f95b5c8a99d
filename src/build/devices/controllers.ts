/** Controller devices, emitted by type in libvirt's order: PCI, USB, SCSI, IDE, SATA, virtio-serial. */
import type { Caps } from '../../caps/caps.js';
import { internalError, unsupported } from '../../errors.js';
import type { Controller, ControllerType } from '../../model/devices.js';
import type { Domain } from '../../model/domain.js';
import { isI440FX, isQ35 } from '../../model/machine.js';
import type { CommandBuilder } from '../../render/command.js';
import { Props } from '../../render/props.js';
import { addressProps } from '../address.js';
import { virtioSerialControllerProps } from './virtio-serial.js';
import { own } from '../../util/own.js';

const ORDER: ControllerType[] = ['pci', 'usb', 'scsi', 'ide', 'sata', 'virtio-serial'];

const USB_DRIVERS: Record<string, string> = {
  'piix3-uhci': 'piix3-usb-uhci',
  'piix4-uhci': 'piix4-usb-uhci',
  ehci: 'usb-ehci',
  'ich9-ehci1': 'ich9-usb-ehci1',
  'ich9-uhci1': 'ich9-usb-uhci1',
  'ich9-uhci2': 'ich9-usb-uhci2',
  'ich9-uhci3': 'ich9-usb-uhci3',
  'vt82c686b-uhci': 'vt82c686b-usb-uhci',
  'pci-ohci': 'pci-ohci',
  'nec-xhci': 'nec-usb-xhci',
  'qemu-xhci': 'qemu-xhci',
};

/** Controllers QEMU creates by itself (qemuBuildSkipController). */
function isImplicit(c: Controller, d: Domain): boolean {
  if (c.type === 'pci' && (c.model === 'pcie-root' || c.model === 'pci-root')) return true;
  if (c.type === 'sata' && c.index === 0 && isQ35(d)) return true;
  if (c.type === 'ide' && c.index === 0 && isI440FX(d)) return true;
  return false;
}

export function buildControllers(cmd: CommandBuilder, d: Domain, caps: Caps): void {
  for (const type of ORDER) {
    for (const c of d.devices.controllers) {
      if (c.type !== type) continue;
      if (c.type === 'pci' && c.model === 'pci-root' && c.index === 0 && c.target?.hotplug !== undefined) {
        cmd.arg('-global', `PIIX4_PM.acpi-root-pci-hotplug=${c.target.hotplug ? 'on' : 'off'}`);
      }
      if (isImplicit(c, d)) continue;
      if (c.type === 'usb' && c.model === 'none') continue;
      const props = controllerProps(c, d, caps);
      cmd.props('-device', 'device', props.extend(addressProps(d, c.info)));
    }
  }
}

function controllerProps(c: Controller, d: Domain, caps: Caps): Props {
  switch (c.type) {
    case 'pci':
      return pciControllerProps(c);
    case 'usb':
      return usbControllerProps(c, d, caps);
    case 'scsi':
      return scsiControllerProps(c, caps);
    case 'sata':
      return Props.of('driver', 'ahci').set('id', c.info.alias!);
    case 'virtio-serial':
      return virtioSerialControllerProps(c, caps);
    default:
      throw unsupported('build.controller', `Unsupported controller type: ${c.type}`);
  }
}

/** The capability each USB controller model needs (qemuControllerModelUSBToCaps). */
const USB_CAPS: Record<string, string> = {
  'piix3-uhci': 'piix3-usb-uhci',
  'piix4-uhci': 'piix4-usb-uhci',
  ehci: 'usb-ehci',
  'ich9-ehci1': 'ich9-usb-ehci1',
  'ich9-uhci1': 'ich9-usb-ehci1',
  'ich9-uhci2': 'ich9-usb-ehci1',
  'ich9-uhci3': 'ich9-usb-ehci1',
  'vt82c686b-uhci': 'vt82c686b-usb-uhci',
  'pci-ohci': 'pci-ohci',
  'nec-xhci': 'nec-usb-xhci',
  'qemu-xhci': 'qemu-xhci',
};

/** qemuValidateDomainDeviceDefControllerUSB, which libvirt runs while building. */
function checkUsbController(c: Controller, caps: Caps): void {
  if (c.model === undefined) throw unsupported('build.usb-model', 'no model provided for USB controller');
  const flag = own(USB_CAPS, c.model);
  if (flag === undefined || !caps.has(flag)) {
    throw unsupported('build.usb-model', `USB controller model '${c.model}' not supported in this QEMU binary`);
  }
  if (c.ports !== undefined && c.model !== 'nec-xhci' && c.model !== 'qemu-xhci') {
    throw unsupported('build.usb-ports', `usb controller type '${c.model}' doesn't support 'ports' with this QEMU binary`);
  }
}

function usbControllerProps(c: Controller, d: Domain, caps: Caps): Props {
  checkUsbController(c, caps);
  const driver = own(USB_DRIVERS, c.model!)!;
  const p = Props.of('driver', driver).nonNegative('p2', c.ports).nonNegative('p3', c.ports);
  if (c.master === undefined) return p.set('id', c.info.alias!);
  // A companion controller hangs off the first non-companion controller of its index.
  const master = d.devices.controllers.find((m) => m.type === 'usb' && m.index === c.index && m.master === undefined);
  if (!master) throw internalError('build.usb-master', 'masterbus not found');
  return p.set('masterbus', `${master.info.alias!}.0`).set('firstport', c.master.startport);
}

const SCSI_DRIVERS: Record<string, string> = {
  lsilogic: 'lsi',
  lsisas1068: 'mptsas1068',
  lsisas1078: 'megasas',
  vmpvscsi: 'pvscsi',
  am53c974: 'am53c974',
  dc390: 'dc-390',
};

function scsiControllerProps(c: Controller, caps: Caps): Props {
  switch (c.model) {
    case 'virtio-scsi':
    case 'virtio-transitional':
    case 'virtio-non-transitional': {
      const drv = c.driver ?? {};
      return Props.of('driver', virtioDriver('virtio-scsi', c.model, caps))
        .set('id', c.info.alias!)
        .positive('num_queues', drv.queues)
        .positive('cmd_per_lun', drv.cmd_per_lun)
        .positive('max_sectors', drv.max_sectors)
        .tristate('ioeventfd', drv.ioeventfd);
    }
    case 'buslogic':
    case 'ncr53c90':
    case 'ibmvscsi':
      throw unsupported('build.scsi-model', `Unsupported controller model: ${c.model}`);
    default: {
      const driver = c.model !== undefined ? own(SCSI_DRIVERS, c.model) : undefined;
      if (driver === undefined) throw internalError('build.scsi-model', `Unexpected SCSI controller model ${c.model ?? 'default'}`);
      return Props.of('driver', driver).set('id', c.info.alias!);
    }
  }
}

/** qemuBuildVirtioDevGetConfig for a PCI virtio controller: base name, bus suffix, (non-)transitional suffix. */
function virtioDriver(base: string, model: string | undefined, caps: Caps): string {
  const transitional = caps.has('virtio-pci-non-transitional');
  // Without the suffixed devices a transitional model is plain virtio on a conventional PCI slot.
  if (model === 'virtio-transitional') return transitional ? `${base}-pci-transitional` : `${base}-pci`;
  if (model === 'virtio-non-transitional') {
    if (!transitional) throw unsupported('build.virtio-model', 'virtio non-transitional model not supported for this qemu');
    return `${base}-pci-non-transitional`;
  }
  return `${base}-pci`;
}

function pciControllerProps(c: Controller): Props {
  const name = c.modelName;
  if (name === undefined) throw internalError('build.pci-model-name', `PCI controller ${c.index} has no model name`);
  const t = c.target ?? {};
  switch (c.model) {
    case 'pci-bridge':
      return Props.of('driver', name)
        .set('chassis_nr', t.chassisNr ?? c.index)
        .positive('mem-reserve', memReserveBytes(t.memReserve))
        .set('id', c.info.alias!);
    case 'pci-expander-bus':
    case 'pcie-expander-bus':
      return Props.of('driver', name).set('bus_nr', t.busNr ?? 0).set('id', c.info.alias!);
    case 'dmi-to-pci-bridge':
    case 'pcie-switch-upstream-port':
    case 'pcie-to-pci-bridge':
      return Props.of('driver', name).set('id', c.info.alias!);
    case 'pcie-root-port':
    case 'pcie-switch-downstream-port':
      return Props.of('driver', name)
        .set('port', t.port ?? 0)
        .set('chassis', t.chassis ?? c.index)
        .set('id', c.info.alias!)
        .tristate('hotplug', t.hotplug)
        .positive('mem-reserve', memReserveBytes(t.memReserve));
    default:
      throw internalError('build.pci-model', `Unexpected PCI controller model ${c.model}`);
  }
}

/** <target memReserve> is in KiB; QEMU takes bytes. */
function memReserveBytes(kib: number | undefined): bigint | undefined {
  return kib === undefined ? undefined : BigInt(kib) * 1024n;
}
