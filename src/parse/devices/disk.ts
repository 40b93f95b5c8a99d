/** <disk type='file|block'>: the local-storage subset of libvirt's virDomainDiskDefParseXML. */
import { unsupported, xmlError } from '../../errors.js';
import type { Disk, DiskBus } from '../../model/devices.js';
import { parseDeviceInfo, type ParseContext } from '../common.js';
import type { El } from '../xml.js';

const DISK_TYPES = ['file', 'block', 'dir', 'network', 'volume', 'nvme', 'vhostuser'] as const;
const DISK_DEVICES = ['disk', 'cdrom', 'floppy', 'lun'] as const;
const DISK_BUSES = ['ide', 'fdc', 'scsi', 'virtio', 'xen', 'usb', 'uml', 'sata', 'sd'] as const satisfies readonly DiskBus[];
const CACHE_MODES = ['default', 'none', 'writethrough', 'writeback', 'directsync', 'unsafe'] as const;

export function parseDisk(el: El, ctx: ParseContext): Disk {
  const type = el.enumAttr('type', DISK_TYPES) ?? 'file';
  if (type !== 'file' && type !== 'block') {
    throw unsupported('parse.disk-type', `disk type '${type}' is not supported by teamctl yet`);
  }
  const device = el.enumAttr('device', DISK_DEVICES) ?? 'disk';
  if (device === 'lun') throw unsupported('parse.disk-lun', `disk device 'lun' is not supported by teamctl yet`);

  const driverEl = el.child('driver');
  let driver: Disk['driver'];
  if (driverEl) {
    const name = driverEl.attr('name');
    const format = driverEl.attr('type');
    const cache = driverEl.enumAttr('cache', CACHE_MODES);
    const discard = driverEl.enumAttr('discard', ['ignore', 'unmap'] as const);
    driverEl.finish();
    driver = {
      ...(name !== undefined ? { name } : {}),
      ...(format !== undefined ? { type: format } : {}),
      ...(cache !== undefined ? { cache } : {}),
      ...(discard !== undefined ? { discard } : {}),
    };
  }

  const sourceEl = el.child('source');
  let source: string | undefined;
  if (sourceEl) {
    source = sourceEl.attr(type === 'block' ? 'dev' : 'file');
    sourceEl.finish();
  }

  const targetEl = el.child('target');
  if (!targetEl) throw xmlError('xml.disk-target', 'missing target information for device');
  const dev = targetEl.attr('dev');
  if (dev === undefined) throw xmlError('xml.disk-target', 'missing target information for device');
  const bus = targetEl.enumAttr('bus', DISK_BUSES);
  targetEl.finish();

  const readonlyEl = el.child('readonly');
  readonlyEl?.finish();
  const shareableEl = el.child('shareable');
  shareableEl?.finish();
  const serial = el.childText('serial');

  const info = parseDeviceInfo(el, ctx, { boot: true });
  el.finish();
  return {
    type,
    device,
    ...(driver !== undefined ? { driver } : {}),
    ...(source !== undefined ? { source } : {}),
    target: { dev, ...(bus !== undefined ? { bus } : {}) },
    ...(readonlyEl ? { readonly: true } : {}),
    ...(shareableEl ? { shareable: true } : {}),
    ...(serial !== undefined ? { serial } : {}),
    info,
  };
}
