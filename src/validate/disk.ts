/**
 * libvirt's disk rules, with libvirt's messages: the generic ones from
 * domain_validate.c, the QEMU ones from qemu_validate.c (device info, drive
 * address, frontend, backend), and the domain-wide duplicate checks.
 */
import type { Caps } from '../caps/caps.js';
import { internalError, TeamctlError, unsupported, xmlError } from '../errors.js';
import type { DriveAddress } from '../model/address.js';
import type { Disk } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import { diskNameParse } from '../postparse/disk-names.js';

const CONTROLLER_BUSES = new Set(['ide', 'fdc', 'scsi', 'sata']);

const PRINTABLE = /^[\x20-\x7e]*$/;

/** virDomainDiskDefValidate, the parts teamctl models, in libvirt's order. */
export function validateDiskGeneric(disk: Disk): void {
  const a = disk.info.address;
  const bus = disk.target.bus ?? '';
  if (a !== undefined && CONTROLLER_BUSES.has(bus) && a.type !== 'drive') {
    throw unsupported('disk.address-bus', `Invalid address type '${a.type}' for the disk '${disk.target.dev}' with the bus type '${bus}'`);
  }
  if (disk.target.tray !== undefined && disk.device !== 'floppy' && disk.device !== 'cdrom') {
    throw unsupported('disk.tray', 'tray is only valid for cdrom and floppy');
  }
  if (disk.vendor !== undefined) {
    if (!PRINTABLE.test(disk.vendor)) throw xmlError('disk.vendor', 'disk vendor is not printable string');
    if (disk.vendor.length > 8) throw unsupported('disk.vendor', 'disk vendor is more than 8 characters');
  }
  if (disk.product !== undefined) {
    const len = bus === 'scsi' ? 16 : 40;
    if (!PRINTABLE.test(disk.product)) throw xmlError('disk.product', 'disk product is not printable string');
    if (disk.product.length > len) throw unsupported('disk.product', `disk product is more than ${len} characters`);
  }
  if (disk.device === 'floppy' && bus !== 'fdc') throw internalError('disk.floppy-bus', `Invalid bus type '${bus}' for floppy disk`);
  if (disk.device !== 'floppy' && bus === 'fdc') throw internalError('disk.fdc-bus', `Invalid bus type '${bus}' for disk`);
  if (disk.target.removable !== undefined && bus !== 'usb' && !(bus === 'scsi' && disk.device === 'disk')) {
    throw xmlError('disk.removable', 'removable is only valid for usb or scsi disks');
  }
  if (disk.wwn !== undefined && !/^(0x)?[0-9a-fA-F]{16}$/.test(disk.wwn)) throw internalError('disk.wwn', `Malformed wwn: ${disk.wwn}`);
  const dev = disk.target.dev;
  if (disk.device === 'disk' && !['hd', 'sd', 'vd', 'xvd', 'ubd'].some((p) => dev.startsWith(p))) {
    throw internalError('disk.name', `Invalid harddisk device name: ${dev}`);
  }
  if (disk.device === 'floppy' && !dev.startsWith('fd')) throw internalError('disk.name', `Invalid floppy device name: ${dev}`);
  // Only removable media may be empty (VIR_ERR_NO_SOURCE, printed without a category).
  if (disk.source === undefined && disk.device === 'disk') {
    throw new TeamctlError('detail', 'disk.no-source', `missing source information for device ${dev}`);
  }
}

/** qemuValidateDomainDeviceDefAddressDrive. */
export function validateDriveAddress(d: Domain, disk: Disk, a: DriveAddress, caps: Caps): void {
  switch (disk.target.bus) {
    case 'scsi': {
      if (a.bus !== 0) throw internalError('disk.scsi-bus', 'SCSI controller only supports 1 bus');
      const c = d.devices.controllers.find((x) => x.type === 'scsi' && x.index === a.controller);
      if (!c) return;
      if (c.model === 'lsilogic') {
        if (a.target !== 0) throw unsupported('disk.scsi-target', "target must be 0 for controller model 'lsilogic'");
      } else if (!caps.has('scsi-disk.channel')) {
        if (a.target > 7) throw unsupported('disk.scsi-target', "This QEMU doesn't support target greater than 7");
        if (a.bus !== 0 && a.unit !== 0) throw unsupported('disk.scsi-unit', 'This QEMU only supports both bus and unit equal to 0');
      }
      return;
    }
    case 'ide':
      if (a.controller !== 0) throw internalError('disk.ide-controller', 'Only 1 IDE controller is supported');
      if (a.target !== 0) throw unsupported('disk.ide-target', 'target must be 0 for ide controller');
      return;
    case 'fdc':
      if (a.controller !== 0) throw internalError('disk.fdc-controller', 'Only 1 fdc controller is supported');
      if (a.bus !== 0) throw internalError('disk.fdc-bus', 'Only 1 fdc bus is supported');
      if (a.target !== 0) throw unsupported('disk.fdc-target', 'target must be 0 for controller fdc');
      return;
    case 'sata':
      if (a.bus !== 0) throw unsupported('disk.sata-bus', 'bus must be 0 for sata controller');
      if (a.target !== 0) throw unsupported('disk.sata-target', 'target must be 0 for sata controller');
      return;
    default:
      return;
  }
}

/** QEMU's -device serial property accepts only these characters (QEMU_SERIAL_PARAM_ACCEPTED_CHARS). */
const SERIAL_CHARS = /^[A-Za-z0-9\-_ .+]*$/;

/** qemuValidateDomainDeviceDefDiskFrontend, the parts teamctl models. */
function validateFrontend(disk: Disk, caps: Caps): void {
  const bus = disk.target.bus;
  if (disk.device === 'cdrom' && (bus === 'virtio' || bus === 'sd')) {
    throw unsupported('disk.cdrom-bus', `disk type of '${disk.target.dev}' does not support ejectable media`);
  }
  if (disk.wwn !== undefined && bus !== 'ide' && bus !== 'scsi') throw unsupported('disk.wwn-bus', 'Only ide and scsi disk support wwn');
  if (disk.vendor !== undefined && bus !== 'scsi') throw unsupported('disk.vendor-bus', "Only scsi disk supports 'vendor'");
  if (disk.product !== undefined && bus !== 'ide' && bus !== 'sata' && bus !== 'scsi') {
    throw unsupported('disk.product-bus', "Only ide, sata and scsi disk supports 'product'");
  }
  const addrType = disk.info.address?.type;
  switch (bus) {
    case 'scsi':
    case 'ide':
    case 'fdc':
    case 'sata':
      if (addrType !== 'drive') throw internalError('disk.address-type', `unexpected address type for ${bus} disk`);
      break;
    case 'usb':
      if (!caps.has('usb-storage')) throw unsupported('disk.usb-storage', "This QEMU doesn't support '-device usb-storage'");
      if (disk.source === undefined) throw unsupported('disk.usb-empty', "'usb' disk must not be empty");
      if (addrType !== undefined && addrType !== 'usb') throw internalError('disk.address-type', 'unexpected address type for usb disk');
      break;
    case 'sd':
    case 'xen':
    case 'uml':
      throw unsupported('disk.bus', `disk bus '${bus}' is not supported by teamctl`);
    default:
      break;
  }
  if (disk.readonly && disk.device === 'disk') {
    if (bus === 'ide') throw unsupported('disk.readonly-ide', 'readonly ide disks are not supported');
    if (bus === 'sata') throw unsupported('disk.readonly-sata', 'readonly sata disks are not supported');
  }
  if (disk.serial !== undefined && !SERIAL_CHARS.test(disk.serial)) {
    throw internalError('disk.serial', `driver serial '${disk.serial}' contains unsafe characters`);
  }
}

/** The formats teamctl builds -blockdev nodes for. */
const BUILT_FORMATS = new Set(['raw', 'qcow2']);

/** qemuDomainValidateStorageSource's format rules, then what teamctl can build. */
function validateFormat(disk: Disk): void {
  const format = disk.driver?.type ?? 'raw';
  if (format === 'cow') throw unsupported('disk.format-cow', "'cow' storage format is not supported");
  if (format === 'dir') {
    throw unsupported('disk.format-dir', "'directory' storage format is not directly supported by QEMU, use 'dir' disk type instead");
  }
  if (format === 'iso') throw unsupported('disk.format-iso', "storage format 'iso' is not directly supported by QEMU, use 'raw' instead");
  if (format === 'fat') throw unsupported('disk.format-fat', "storage format 'fat' is supported only with 'dir' storage type");
  if (!BUILT_FORMATS.has(format)) throw unsupported('disk.format', `disk format '${format}' is not supported by teamctl yet`);
}

/** qemuValidateDomainDeviceDefDisk. */
export function validateDiskQemu(disk: Disk, caps: Caps): void {
  validateFrontend(disk, caps);
  const raw = (disk.driver?.type ?? 'raw') === 'raw';
  if (disk.shareable && !disk.readonly && !raw) {
    throw unsupported('disk.shared-format', `shared access for disk '${disk.target.dev}' requires use of supported storage format`);
  }
  const driverName = disk.driver?.name;
  if (driverName !== undefined && driverName !== 'qemu') {
    throw unsupported('disk.driver-name', `unsupported driver name '${driverName}' for disk '${disk.target.dev}'`);
  }
  const name = diskNameParse(disk.target.dev);
  if (!name) throw unsupported('disk.target', `invalid disk target '${disk.target.dev}'`);
  if (name.partition !== 0) {
    throw unsupported('disk.target-partition', `invalid disk target '${disk.target.dev}', partitions can't appear in disk targets`);
  }
  validateFormat(disk);
}

/** virDomainDefDuplicateDiskInfoValidate and virDomainDefDuplicateDriveAddressesValidate. */
export function validateDiskDuplicates(d: Domain): void {
  const disks = d.devices.disks;
  for (let i = 0; i < disks.length; i++) {
    for (let j = i + 1; j < disks.length; j++) {
      const a = disks[i]!;
      const b = disks[j]!;
      if (a.target.dev === b.target.dev) {
        throw xmlError('disk.target-dup', `target '${a.target.dev}' duplicated for disk sources '${a.source ?? '<null>'}' and '${b.source ?? '<null>'}'`);
      }
    }
  }
  for (let i = 0; i < disks.length; i++) {
    const a = disks[i]!.info.address;
    if (a?.type !== 'drive') continue;
    for (let j = i + 1; j < disks.length; j++) {
      const b = disks[j]!.info.address;
      if (disks[j]!.target.bus !== disks[i]!.target.bus || b?.type !== 'drive') continue;
      if (a.controller === b.controller && a.bus === b.bus && a.target === b.target && a.unit === b.unit) {
        throw new TeamctlError(
          'config-unsupported',
          'disk.address-dup',
          `Found duplicate drive address for disk with target name '${disks[i]!.target.dev}' controller='${a.controller}' bus='${a.bus}' target='${a.target}' unit='${a.unit}'`,
        );
      }
    }
  }
}
