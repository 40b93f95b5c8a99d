/** libvirt's QEMU controller rules (qemuValidateDomainDeviceDefController), with libvirt's messages. */
import type { Caps } from '../caps/caps.js';
import { internalError, unsupported } from '../errors.js';
import type { Controller } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import { isI440FX, isQ35 } from '../model/machine.js';
import { validatePciController } from './pci-controller.js';

const VIRTIO_SCSI_MODELS = new Set(['virtio-scsi', 'virtio-transitional', 'virtio-non-transitional']);

/** qemuValidateCheckSCSIControllerModel for the models an x86 QEMU can have. */
function validateScsiModel(c: Controller, caps: Caps): void {
  const needs = (flag: string, message: string): void => {
    if (!caps.has(flag)) throw unsupported('controller.scsi-model', message);
  };
  switch (c.model) {
    case 'lsilogic':
      return needs('lsi', "This QEMU doesn't support the LSI 53C895A SCSI controller");
    case 'virtio-scsi':
    case 'virtio-transitional':
    case 'virtio-non-transitional':
      return needs('virtio-scsi-pci', "This QEMU doesn't support virtio scsi controller");
    case 'lsisas1068':
      return needs('mptsas1068', "This QEMU doesn't support the LSI SAS1068 (MPT Fusion) controller");
    case 'lsisas1078':
      return needs('megasas', "This QEMU doesn't support the LSI SAS1078 (MegaRAID) controller");
    case 'vmpvscsi':
      return needs('pvscsi', "This QEMU doesn't support the pvscsi (VMware paravirtual SCSI) controller");
    case 'buslogic':
      throw unsupported('controller.scsi-model', `Unsupported controller model: ${c.model}`);
    case 'ibmvscsi':
    case 'ncr53c90':
    case 'dc390':
    case 'am53c974':
      // Not x86 devices (libvirt lets them through here and QEMU fails); teamctl says so up front.
      throw unsupported('controller.scsi-model', `SCSI controller model '${c.model}' is not supported by teamctl on x86`);
    default:
      throw internalError('controller.scsi-model', `Unexpected SCSI controller model ${c.model ?? 'default'}`);
  }
}

/** qemuValidateDomainDeviceDefControllerAttributes: driver tuning exists only on virtio-scsi. */
function validateAttributes(c: Controller): void {
  if (c.type === 'scsi' && VIRTIO_SCSI_MODELS.has(c.model ?? '')) return;
  const drv = c.driver ?? {};
  if (drv.queues) throw unsupported('controller.queues', "'queues' is only supported by virtio-scsi controller");
  if (drv.cmd_per_lun) throw unsupported('controller.cmd-per-lun', "'cmd_per_lun' is only supported by virtio-scsi controller");
  if (drv.max_sectors) throw unsupported('controller.max-sectors', "'max_sectors' is only supported by virtio-scsi controller");
  if (drv.ioeventfd !== undefined) throw unsupported('controller.ioeventfd', "'ioeventfd' is only supported by virtio-scsi controller");
}

/** virDomainControllerDefValidate's PCI part (generic ranges). */
export function validateControllerGeneric(c: Controller): void {
  if (c.type !== 'pci') return;
  if ((c.model === 'pci-root' || c.model === 'pcie-root') && c.info.address !== undefined) {
    throw unsupported('controller.pci-root-address', 'pci-root and pcie-root controllers should not have an address');
  }
  if (c.index > 255) throw unsupported('controller.pci-index', `PCI controller index ${c.index} too high, maximum is 255`);
  const t = c.target ?? {};
  if (t.index !== undefined) {
    if (t.index > 30) throw unsupported('controller.pci-target-index', `PCI controller target index '${t.index}' out of range - must be 0-30`);
    if ((c.index === 0) !== (t.index === 0)) {
      throw unsupported('controller.pci-target-index', 'Only the PCI controller with index 0 can have target index 0, and vice versa');
    }
  }
  if (t.chassisNr !== undefined && (t.chassisNr < 1 || t.chassisNr > 255)) {
    throw unsupported('controller.pci-chassis-nr', `PCI controller chassisNr '${t.chassisNr}' out of range - must be 1-255`);
  }
  if (t.chassis !== undefined && t.chassis > 255) {
    throw unsupported('controller.pci-chassis', `PCI controller chassis '${t.chassis}' out of range - must be 0-255`);
  }
  if (t.port !== undefined && t.port > 255) throw unsupported('controller.pci-port', `PCI controller port '${t.port}' out of range - must be 0-255`);
  if (t.busNr !== undefined && (t.busNr < 1 || t.busNr > 254)) {
    throw unsupported('controller.pci-bus-nr', `PCI controller busNr '${t.busNr}' out of range - must be 1-254`);
  }
}

export function validateController(c: Controller, d: Domain, caps: Caps): void {
  if (c.type === 'scsi') validateScsiModel(c, caps);
  validateAttributes(c);
  switch (c.type) {
    case 'ide':
      // The first IDE controller of an i440fx machine is built in.
      if (c.index === 0 && isI440FX(d)) return;
      if (isI440FX(d)) throw unsupported('controller.ide', 'Only a single IDE controller is supported for this machine type');
      throw unsupported('controller.ide', 'IDE controllers are unsupported for this QEMU binary or machine type');
    case 'pci':
      validatePciController(c, caps);
      return;
    case 'sata':
      if (c.index === 0 && isQ35(d)) return;
      if (!caps.has('ich9-ahci')) throw unsupported('controller.sata', 'SATA is not supported with this QEMU binary');
      return;
    case 'ccid':
    case 'xenbus':
    case 'isa':
      throw unsupported('controller.type', `controller type '${c.type}' is not supported by teamctl yet`);
    default:
      return;
  }
}
