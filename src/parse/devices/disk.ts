/** <disk type='file|block'>: the local-storage subset of libvirt's virDomainDiskDefParseXML. */
import { TeamctlError, unsupported } from '../../errors.js';
import { DISK_CACHE_MODES, type Disk, type DiskBus, type DiskDriver } from '../../model/devices.js';
import { diskNameToIndex } from '../../postparse/disk-names.js';
import { parseDeviceInfo, type ParseContext } from '../common.js';
import type { El } from '../xml.js';

const DISK_TYPES = ['file', 'block', 'dir', 'network', 'volume', 'nvme', 'vhostuser', 'vhostvdpa'] as const;
const DISK_DEVICES = ['disk', 'cdrom', 'floppy', 'lun'] as const;
const DISK_BUSES = ['ide', 'fdc', 'scsi', 'virtio', 'xen', 'usb', 'uml', 'sata', 'sd'] as const satisfies readonly DiskBus[];
/** libvirt's virStorageFileFormat names (index 0, 'none', is not accepted). */
const STORAGE_FORMATS = ['raw', 'dir', 'bochs', 'cloop', 'dmg', 'iso', 'vpc', 'vdi', 'fat', 'vhd', 'ploop', 'cow', 'qcow', 'qcow2', 'qed', 'vmdk'];

export function parseDisk(el: El, ctx: ParseContext): Disk {
  const type = el.enumAttr('type', DISK_TYPES) ?? 'file';
  if (type !== 'file' && type !== 'block') {
    throw unsupported('parse.disk-type', `disk type '${type}' is not supported by teamctl yet`);
  }
  const device = el.enumAttr('device', DISK_DEVICES) ?? 'disk';
  if (device === 'lun') throw unsupported('parse.disk-lun', `disk device 'lun' is not supported by teamctl yet`);

  const driverEl = el.child('driver');
  const driver = driverEl ? parseDiskDriver(driverEl) : undefined;

  const sourceEl = el.child('source');
  let source: string | undefined;
  if (sourceEl) {
    source = sourceEl.attr(type === 'block' ? 'dev' : 'file');
    sourceEl.finish();
  }

  const backingEl = el.child('backingStore');
  // Only the empty terminator is modelled; a described backing image keeps its attributes unread.
  backingEl?.finish();

  const targetEl = el.child('target');
  const dev = targetEl?.attr('dev');
  if (!targetEl || dev === undefined) {
    // libvirt reports this (VIR_ERR_NO_TARGET) when validating; the message has no category prefix.
    throw new TeamctlError('detail', 'parse.disk-target', source !== undefined ? `missing target information for device ${source}` : 'missing target information for device');
  }
  const bus = targetEl.enumAttr('bus', DISK_BUSES);
  const removable = targetEl.onOffAttr('removable');
  const tray = targetEl.enumAttr('tray', ['closed', 'open'] as const);
  targetEl.finish();
  if (tray === 'open') {
    ctx.warnings.push(`disk '${dev}': tray='open' does not show on the command line; libvirt starts QEMU with the medium inserted`);
  }

  const readonlyEl = el.child('readonly');
  readonlyEl?.finish();
  const shareableEl = el.child('shareable');
  shareableEl?.finish();
  const serial = el.childText('serial');
  const wwn = el.childText('wwn');
  const vendor = el.childText('vendor');
  const product = el.childText('product');

  const info = parseDeviceInfo(el, ctx, { boot: true });
  el.finish();
  return {
    type,
    device,
    ...(driver !== undefined ? { driver } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(backingEl ? { backingStoreTerminated: true } : {}),
    target: { dev, ...(bus !== undefined ? { bus } : {}), ...(removable !== undefined ? { removable } : {}), ...(tray !== undefined ? { tray } : {}) },
    ...(readonlyEl ? { readonly: true } : {}),
    ...(shareableEl ? { shareable: true } : {}),
    ...(serial !== undefined ? { serial } : {}),
    ...(wwn !== undefined ? { wwn } : {}),
    ...(vendor !== undefined ? { vendor } : {}),
    ...(product !== undefined ? { product } : {}),
    info,
  };
}

/** virDomainDiskDefDriverParseXML and the format part of virDomainDiskDefDriverSourceParseXML. */
function parseDiskDriver(el: El): DiskDriver {
  const name = el.attr('name');
  const cache = el.enumAttr('cache', DISK_CACHE_MODES);
  const discard = el.enumAttr('discard', ['unmap', 'ignore'] as const);
  const detectZeroes = el.enumAttr('detect_zeroes', ['off', 'on', 'unmap'] as const);
  const format = el.attr('type');
  el.finish();
  if (format !== undefined && format !== 'aio' && !STORAGE_FORMATS.includes(format)) {
    throw unsupported('xml.disk-format', `unknown driver format value '${format}'`);
  }
  return {
    ...(name !== undefined ? { name } : {}),
    // 'aio' is Xen's old spelling of raw.
    ...(format !== undefined ? { type: format === 'aio' ? 'raw' : format } : {}),
    ...(cache !== undefined ? { cache } : {}),
    ...(discard !== undefined ? { discard } : {}),
    ...(detectZeroes !== undefined ? { detect_zeroes: detectZeroes } : {}),
  };
}

/**
 * libvirt's virDomainDiskInsert: a disk goes after the last disk on the same
 * bus whose target sorts before it, so disks of one bus stay in target order.
 */
export function insertDisk(list: Disk[], disk: Disk): void {
  let insertAt = -1;
  const idx = diskNameToIndex(disk.target.dev);
  for (let i = list.length - 1; i >= 0; i--) {
    const cur = list[i]!;
    if (cur.target.bus !== disk.target.bus) continue;
    if (diskNameToIndex(cur.target.dev) > idx) insertAt = i;
    else if (insertAt === -1) insertAt = i + 1;
  }
  if (insertAt === -1) list.push(disk);
  else list.splice(insertAt, 0, disk);
}
