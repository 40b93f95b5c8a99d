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
    case 'usb': {
      const driver = c.model !== undefined ? USB_DRIVERS[c.model] : undefined;
      if (driver === undefined) throw unsupported('build.usb-model', `USB controller model '${c.model ?? 'default'}' is not supported by teamctl yet`);
      const p = Props.of('driver', driver);
      if (c.ports !== undefined) p.set('p2', c.ports).set('p3', c.ports);
      if (isUsb2Companion(c)) {
        const master = d.devices.controllers.find((m) => m.type === 'usb' && m.index === c.index && m.model === 'ich9-ehci1');
        if (!master) throw internalError('build.usb-master', 'masterbus not found');
        p.set('masterbus', `${master.info.alias}.0`).set('firstport', USB2_FIRSTPORT[c.model!]!);
      } else {
        p.set('id', c.info.alias!);
      }
      return p;
    }
    case 'sata':
      return Props.of('driver', 'ahci').set('id', c.info.alias!);
    case 'virtio-serial':
      return virtioSerialControllerProps(c, caps);
    default:
      throw unsupported('build.controller', `controller type '${c.type}' is not supported by teamctl yet`);
  }
}

const USB2_FIRSTPORT: Record<string, number> = { 'ich9-uhci1': 0, 'ich9-uhci2': 2, 'ich9-uhci3': 4 };

function isUsb2Companion(c: Controller): boolean {
  return c.model === 'ich9-uhci1' || c.model === 'ich9-uhci2' || c.model === 'ich9-uhci3';
}

function pciControllerProps(c: Controller): Props {
  const name = c.modelName;
  if (name === undefined) throw internalError('build.pci-model-name', `PCI controller ${c.index} has no model name`);
  const t = c.target ?? {};
  switch (c.model) {
    case 'pci-bridge':
      return Props.of('driver', name).set('chassis_nr', t.chassisNr ?? c.index).set('id', c.info.alias!);
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
        .tristate('hotplug', t.hotplug);
    default:
      throw internalError('build.pci-model', `Unexpected PCI controller model ${c.model}`);
  }
}
