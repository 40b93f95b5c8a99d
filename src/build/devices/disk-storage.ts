/**
 * The -blockdev nodes of a local disk image (libvirt's qemu_block.c): a
 * storage node for the file or block device and, when the image format needs
 * one, a format node on top. The topmost ("effective") node carries the
 * disk's read-only, discard and detect-zeroes settings.
 */
import type { Caps } from '../../caps/caps.js';
import type { Disk, DiskCache } from '../../model/devices.js';
import { Props } from '../../render/props.js';

export interface DiskNodes {
  readonly storage: Props;
  readonly format?: Props;
  /** The node the -device attaches to. */
  readonly top: string;
}

/**
 * qemuDomainPrepareDiskCachemode: a shared, writable disk defaults to
 * cache='none' so that the host page cache does not hide other writers.
 */
export function effectiveCacheMode(disk: Disk): DiskCache | undefined {
  const cache = disk.driver?.cache;
  if ((cache === undefined || cache === 'default') && disk.shareable && !disk.readonly) return 'none';
  return cache === 'default' ? undefined : cache;
}

/** qemuDomainDiskCachemodeFlags: the cache mode as QEMU's three switches. */
export function cacheModeFlags(mode: DiskCache | undefined): { writeback: boolean; direct: boolean; noflush: boolean } | undefined {
  switch (mode) {
    case 'none':
      return { writeback: true, direct: true, noflush: false };
    case 'writethrough':
      return { writeback: false, direct: false, noflush: false };
    case 'writeback':
      return { writeback: true, direct: false, noflush: false };
    case 'directsync':
      return { writeback: false, direct: true, noflush: false };
    case 'unsafe':
      return { writeback: true, direct: false, noflush: true };
    case 'default':
    case undefined:
      return undefined;
  }
}

/** qemuBlockStorageSourceNeedsFormatLayer for local storage. */
export function needsFormatLayer(disk: Disk, caps: Caps): boolean {
  // Before QEMU could mask the protocol layer in block jobs, libvirt always added a format node.
  if (!caps.has('blockjob.backing-mask-protocol')) return true;
  return (disk.driver?.type ?? 'raw') !== 'raw';
}

/**
 * qemuBlockStorageSourceAddBlockdevCommonProps. The effective node reports
 * the guest-visible settings; a storage node under a format node lets QEMU
 * pick read-only access itself and always passes discards through.
 */
function commonProps(p: Props, disk: Disk, nodeName: string, effective: boolean): void {
  p.set('node-name', nodeName);
  if (effective) {
    p.set('read-only', disk.readonly === true);
    const discard = disk.driver?.discard;
    p.str('discard', discard);
    let detectZeroes = disk.driver?.detect_zeroes;
    // 'unmap' only makes sense when discards reach the image.
    if (detectZeroes === 'unmap' && discard !== 'unmap') detectZeroes = 'on';
    p.str('detect-zeroes', detectZeroes);
  } else {
    p.set('auto-read-only', true);
    p.set('discard', 'unmap');
  }
  const flags = cacheModeFlags(effectiveCacheMode(disk));
  if (flags) p.set('cache', new Props().set('direct', flags.direct).set('no-flush', flags.noflush));
}

/** The nodes for a disk with a source; `id` is libvirt's storage source id (libvirt-N-…). */
export function diskStorageNodes(disk: Disk, caps: Caps, id: number, hostCdrom: boolean): DiskNodes {
  const storageName = `libvirt-${id}-storage`;
  const withFormat = needsFormatLayer(disk, caps);
  // qemuBlockStorageSourceGetBackendProps: local block devices use host_device, a host CD-ROM host_cdrom.
  const driver = disk.type === 'block' ? (hostCdrom ? 'host_cdrom' : 'host_device') : 'file';
  const storage = Props.of('driver', driver).set('filename', disk.source!);
  commonProps(storage, disk, storageName, !withFormat);
  if (!withFormat) return { storage, top: storageName };

  const formatName = `libvirt-${id}-format`;
  const format = new Props();
  commonProps(format, disk, formatName, true);
  const formatDriver = disk.driver?.type ?? 'raw';
  format.set('driver', formatDriver);
  format.set('file', storageName);
  // A terminated chain tells QEMU not to probe for a backing image (formats that can have one).
  if (formatDriver !== 'raw' && disk.backingStoreTerminated) format.set('backing', null);
  return { storage, format, top: formatName };
}
