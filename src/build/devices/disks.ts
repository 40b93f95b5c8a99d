/**
 * Disks (libvirt's qemuBuildDisksCommandLine): the floppy controller's boot
 * options, then per disk its -blockdev nodes and the -device that exposes it.
 */
import type { Caps } from '../../caps/caps.js';
import { internalError } from '../../errors.js';
import type { Disk } from '../../model/devices.js';
import type { Domain } from '../../model/domain.js';
import { isQ35 } from '../../model/machine.js';
import type { CommandBuilder } from '../../render/command.js';
import { Props } from '../../render/props.js';
import { addressProps } from '../address.js';
import type { Profile } from '../profile.js';
import { driveAddressProps } from '../drive-address.js';
import { cacheModeFlags, diskStorageNodes, effectiveCacheMode } from './disk-storage.js';

export function buildDisks(cmd: CommandBuilder, d: Domain, caps: Caps, bootIndex: ReadonlyMap<object, number>, profile: Profile): void {
  buildFloppyControllerOptions(cmd, d, bootIndex);
  const disks = d.devices.disks;
  disks.forEach((disk, i) => {
    // libvirt prepares storage sources from the last disk to the first, so the
    // last disk is libvirt-1; an empty drive still uses up its number.
    const id = disks.length - i;
    let top: string | undefined;
    if (disk.source !== undefined) {
      const nodes = diskStorageNodes(disk, caps, id, isHostCdrom(disk, profile));
      cmd.props('-blockdev', 'json', nodes.storage);
      if (nodes.format) cmd.props('-blockdev', 'json', nodes.format);
      top = nodes.top;
    }
    cmd.props('-device', 'device', diskDeviceProps(d, disk, caps, top, bootIndex.get(disk)));
  });
}

/** A raw block-device CD-ROM that is the host's own drive (qemuDomainDetermineDiskChain asks the host). */
function isHostCdrom(disk: Disk, profile: Profile): boolean {
  return disk.device === 'cdrom' && disk.type === 'block' && (disk.driver?.type ?? 'raw') === 'raw' && disk.source !== undefined && profile.isHostCdrom(disk.source);
}

/**
 * Floppies boot through the floppy controller: QEMU's implicit isa-fdc on
 * i440fx takes -global options, q35 needs the controller as a device.
 */
function buildFloppyControllerOptions(cmd: CommandBuilder, d: Domain, bootIndex: ReadonlyMap<object, number>): void {
  let hasFloppy = false;
  let bootindexA: number | undefined;
  let bootindexB: number | undefined;
  for (const disk of d.devices.disks) {
    if (disk.target.bus !== 'fdc') continue;
    hasFloppy = true;
    const unit = disk.info.address?.type === 'drive' ? disk.info.address.unit : 0;
    if (unit) bootindexB = bootIndex.get(disk);
    else bootindexA = bootIndex.get(disk);
  }
  if (!hasFloppy) return;
  if (isQ35(d)) {
    cmd.props('-device', 'device', Props.of('driver', 'isa-fdc').positive('bootindexA', bootindexA).positive('bootindexB', bootindexB));
    return;
  }
  if (bootindexA !== undefined && bootindexA > 0) cmd.arg('-global', `isa-fdc.bootindexA=${bootindexA}`);
  if (bootindexB !== undefined && bootindexB > 0) cmd.arg('-global', `isa-fdc.bootindexB=${bootindexB}`);
}

/** The QEMU device for the disk's bus and the properties only that bus has, in libvirt's order. */
function frontendProps(disk: Disk, caps: Caps): { props: Props; deviceId?: string; removable?: boolean } {
  switch (disk.target.bus) {
    case 'ide':
    case 'sata':
      return { props: Props.of('driver', disk.device === 'cdrom' ? 'ide-cd' : 'ide-hd') };
    case 'scsi': {
      // QEMU used the -drive name as the VPD device id when no serial was set;
      // libvirt keeps passing it so guests see the same id with -blockdev.
      const deviceId = disk.serial ?? `drive-${disk.info.alias!}`;
      if (disk.device === 'cdrom') return { props: Props.of('driver', 'scsi-cd'), deviceId };
      return { props: Props.of('driver', 'scsi-hd'), deviceId, ...(disk.target.removable !== undefined ? { removable: disk.target.removable } : {}) };
    }
    case 'virtio': {
      const p = Props.of('driver', 'virtio-blk-pci');
      // Older QEMUs enabled SCSI passthrough on virtio-blk unless told otherwise.
      if (caps.has('virtio-blk-pci.scsi') && !caps.has('virtio-blk-pci.scsi.default.disabled')) p.set('scsi', false);
      return { props: p };
    }
    case 'usb':
      return { props: Props.of('driver', 'usb-storage'), removable: disk.target.removable ?? false };
    case 'fdc':
      return { props: Props.of('driver', 'floppy') };
    default:
      throw internalError('build.disk-bus', `unsupported disk bus '${disk.target.bus ?? ''}' with device setup`);
  }
}

/** qemuBuildDiskDeviceProps. */
function diskDeviceProps(d: Domain, disk: Disk, caps: Caps, drive: string | undefined, bootIndex: number | undefined): Props {
  const { props: p, deviceId, removable } = frontendProps(disk, caps);
  const a = disk.info.address;
  if (a?.type === 'drive') p.extend(driveAddressProps(d, disk.target.bus!, a));
  else if (a?.type === 'usb' && disk.target.bus === 'usb') p.extend(addressProps(d, disk.info));
  else if (a?.type === 'pci' && disk.target.bus === 'virtio') p.extend(addressProps(d, disk.info));
  else if (a !== undefined) throw internalError('build.disk-address', `unexpected address type for ${disk.target.bus ?? ''} disk`);
  p.str('device_id', deviceId);
  if (disk.shareable) p.set('share-rw', true);
  p.str('drive', drive);
  p.set('id', disk.info.alias!);
  // Floppies boot through the floppy controller instead.
  if (disk.device !== 'floppy') p.positive('bootindex', bootIndex);
  if (disk.wwn !== undefined) p.set('wwn', BigInt(disk.wwn.startsWith('0x') ? disk.wwn : `0x${disk.wwn}`));
  p.str('vendor', disk.vendor);
  // The product is the SCSI "product" but the IDE/SATA "model".
  if (disk.target.bus === 'scsi') p.str('product', disk.product);
  if (disk.target.bus === 'ide' || disk.target.bus === 'sata') p.str('model', disk.product);
  p.tristate('removable', removable);
  const flags = cacheModeFlags(effectiveCacheMode(disk));
  if (flags) p.set('write-cache', flags.writeback ? 'on' : 'off');
  // QEMU's serial property takes a backslash before each space.
  if (disk.serial !== undefined) p.set('serial', disk.serial.replace(/ /g, '\\ '));
  return p;
}
