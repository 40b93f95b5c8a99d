/** Drive addresses as -device bus properties (libvirt's qemuBuildDeviceAddresDriveProps). */
import { internalError } from '../errors.js';
import type { DriveAddress } from '../model/address.js';
import type { ControllerType, DiskBus } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import { isI440FX, isQ35 } from '../model/machine.js';
import { Props } from '../render/props.js';

/** SCSI controller models whose bus is addressed by unit only (one target per unit). */
const SCSI_UNIT_ADDRESSED = new Set(['lsilogic', 'ncr53c90', 'dc390', 'am53c974']);

function controllerAlias(d: Domain, type: ControllerType, index: number): string {
  const c = d.devices.controllers.find((x) => x.type === type && x.index === index);
  if (!c?.info.alias) throw internalError('build.controller-alias', `Could not find ${type} controller with index ${index} required for device`);
  return c.info.alias;
}

export function driveAddressProps(d: Domain, bus: DiskBus, a: DriveAddress): Props {
  const p = new Props();
  switch (bus) {
    case 'ide': {
      // The built-in IDE controller is never on the command line; QEMU calls it "ide".
      const alias = isI440FX(d) ? 'ide' : controllerAlias(d, 'ide', a.controller);
      return p.set('bus', `${alias}.${a.bus}`).set('unit', a.unit);
    }
    case 'sata': {
      const alias = isQ35(d) && a.controller === 0 ? 'ide' : controllerAlias(d, 'sata', a.controller);
      return p.set('bus', `${alias}.${a.unit}`);
    }
    case 'fdc':
      return p.set('unit', a.unit);
    case 'scsi': {
      const c = d.devices.controllers.find((x) => x.type === 'scsi' && x.index === a.controller);
      if (!c) throw internalError('build.scsi-controller', `unable to find a SCSI controller for idx=${a.controller}`);
      if (SCSI_UNIT_ADDRESSED.has(c.model ?? '')) return p.set('bus', `${c.info.alias}.${a.bus}`).set('scsi-id', a.unit);
      return p.set('bus', `${c.info.alias}.0`).set('channel', a.bus).set('scsi-id', a.target).set('lun', a.unit);
    }
    default:
      throw internalError('build.drive-address', `address type drive is not supported for bus '${bus}'`);
  }
}
