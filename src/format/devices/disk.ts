/** <disk> (libvirt's virDomainDiskDefFormat) for the local-storage disks teamctl models. */
import type { Disk, DiskDriver } from '../../model/devices.js';
import type { DeviceFormatter } from '../context.js';
import { formatDeviceInfo } from '../device-info.js';
import type { XmlWriter } from '../xml-writer.js';

export const formatDisk: DeviceFormatter<Disk> = (w, disk) => {
  w.element('disk', [['type', disk.type], ['device', disk.device]], (c) => {
    formatDriver(c, disk.driver);
    c.optionalElement('source', [[disk.type === 'block' ? 'dev' : 'file', disk.source]]);
    if (disk.backingStoreTerminated) c.element('backingStore');
    formatTarget(c, disk);
    if (disk.readonly) c.element('readonly');
    if (disk.shareable) c.element('shareable');
    if (disk.serial !== undefined) c.textElement('serial', disk.serial);
    if (disk.wwn !== undefined) c.textElement('wwn', disk.wwn);
    if (disk.vendor !== undefined) c.textElement('vendor', disk.vendor);
    if (disk.product !== undefined) c.textElement('product', disk.product);
    formatDeviceInfo(c, disk.info, { allowBoot: true });
  });
};

/** virDomainDiskDefFormatDriver: left out when nothing is set. */
function formatDriver(w: XmlWriter, d: DiskDriver | undefined): void {
  if (!d) return;
  w.optionalElement('driver', [
    ['name', d.name],
    ['type', d.type],
    // cache='default' is libvirt's "not set".
    ['cache', d.cache === 'default' ? undefined : d.cache],
    ['discard', d.discard],
    ['detect_zeroes', d.detect_zeroes],
  ]);
}

function formatTarget(w: XmlWriter, disk: Disk): void {
  const t = disk.target;
  const hasTray = disk.device === 'floppy' || disk.device === 'cdrom';
  w.element('target', [
    ['dev', t.dev],
    ['bus', t.bus ?? 'ide'],
    // libvirt keeps only an open tray, and writes removable= for USB disks only.
    ['tray', hasTray && t.tray === 'open' ? 'open' : undefined],
    ['removable', t.bus === 'usb' && t.removable !== undefined ? (t.removable ? 'on' : 'off') : undefined],
  ]);
}
