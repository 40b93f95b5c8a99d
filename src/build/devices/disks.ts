/** Disks: the -blockdev node(s) for the image and the -device that exposes it (local file and block storage). */
import type { Caps } from '../../caps/caps.js';
import { unsupported } from '../../errors.js';
import type { Disk } from '../../model/devices.js';
import type { Domain } from '../../model/domain.js';
import type { CommandBuilder } from '../../render/command.js';
import { Props } from '../../render/props.js';
import { addressProps } from '../address.js';

export interface DiskNodes {
  /** The node the -device attaches to. */
  top: string;
}

export function buildDisks(cmd: CommandBuilder, d: Domain, caps: Caps, bootIndex: ReadonlyMap<object, number>): void {
  // libvirt numbers storage nodes per source in disk order, starting at 1 for the last disk.
  const disks = d.devices.disks;
  disks.forEach((disk, i) => {
    const nodeIndex = disks.length - i;
    const nodes = buildBlockdev(cmd, disk, caps, nodeIndex);
    cmd.props('-device', 'device', diskDeviceProps(d, disk, nodes, bootIndex.get(disk)));
  });
}

function isRaw(disk: Disk): boolean {
  return (disk.driver?.type ?? 'raw') === 'raw';
}

function buildBlockdev(cmd: CommandBuilder, disk: Disk, caps: Caps, n: number): DiskNodes | undefined {
  if (disk.source === undefined) return undefined;
  const storage = `libvirt-${n}-storage`;
  const format = `libvirt-${n}-format`;
  const driver = disk.type === 'block' ? (disk.device === 'cdrom' ? 'host_cdrom' : 'host_device') : 'file';
  const readonly = disk.readonly === true;
  const needsFormatLayer = !caps.has('blockjob.backing-mask-protocol') || !isRaw(disk);
  const storageProps = new Props().set('driver', driver).set('filename', disk.source).set('node-name', storage);
  if (!needsFormatLayer) {
    storageProps.set('read-only', readonly);
    cmd.props('-blockdev', 'json', storageProps);
    return { top: storage };
  }
  storageProps.set('auto-read-only', true).set('discard', 'unmap');
  cmd.props('-blockdev', 'json', storageProps);
  const formatName = disk.driver?.type ?? 'raw';
  if (formatName !== 'raw' && formatName !== 'qcow2') {
    throw unsupported('build.disk-format', `disk format '${formatName}' is not supported by teamctl yet`);
  }
  const formatProps = new Props().set('node-name', format).set('read-only', readonly).set('driver', formatName).set('file', storage);
  cmd.props('-blockdev', 'json', formatProps);
  return { top: format };
}

function diskDeviceProps(d: Domain, disk: Disk, nodes: DiskNodes | undefined, bootIndex: number | undefined): Props {
  const bus = disk.target.bus;
  let p: Props;
  switch (bus) {
    case 'ide':
    case 'sata':
      p = Props.of('driver', disk.device === 'cdrom' ? 'ide-cd' : 'ide-hd');
      break;
    case 'virtio':
      p = Props.of('driver', 'virtio-blk-pci');
      break;
    case 'fdc':
      p = Props.of('driver', 'floppy');
      break;
    default:
      throw unsupported('build.disk-bus', `disk bus '${bus}' is not supported by teamctl yet`);
  }
  p.extend(driveAddressProps(d, disk));
  if (nodes) p.set('drive', nodes.top);
  p.set('id', disk.info.alias!);
  if (disk.device !== 'floppy') p.positive('bootindex', bootIndex);
  return p;
}

function driveAddressProps(d: Domain, disk: Disk): Props {
  const a = disk.info.address;
  const p = new Props();
  if (a?.type === 'drive') {
    switch (disk.target.bus) {
      case 'ide':
        p.set('bus', `ide.${a.bus}`).set('unit', a.unit);
        return p;
      case 'sata':
        p.set('bus', `ide.${a.unit}`);
        return p;
      case 'fdc':
        p.set('unit', a.unit);
        return p;
      default:
        return p;
    }
  }
  return addressProps(d, disk.info);
}
