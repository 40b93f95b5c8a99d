/**
 * Device aliases (QEMU ids) as libvirt's qemuAssignDeviceAliases gives them
 * when a domain starts. User aliases (`ua-…`) are kept. The formatter never
 * prints generated aliases, like libvirt's inactive XML.
 */
import type { DeviceInfo } from '../model/address.js';
import type { Controller, Disk } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import { internalError } from '../errors.js';
import { isI440FX, isQ35 } from '../model/machine.js';
import { assignChrAliases } from './chardev-aliases.js';
import { diskNameToIndex } from './disk-names.js';

/** libvirt's qemuDomainDeviceAliasIndex: N of `prefixN`, or -1. */
function aliasIndex(info: DeviceInfo, prefix: string): number {
  const a = info.alias;
  if (a === undefined || !a.startsWith(prefix)) return -1;
  const rest = a.slice(prefix.length);
  return /^[+-]?[0-9]+$/.test(rest) ? parseInt(rest, 10) : -1;
}

function nextIndex(infos: DeviceInfo[], prefix: string): number {
  let idx = 0;
  for (const info of infos) {
    const i = aliasIndex(info, prefix);
    if (i >= idx) idx = i + 1;
  }
  return idx;
}

export function assignAliases(d: Domain, isHostdevNet: (i: Domain['devices']['interfaces'][number]) => boolean): void {
  const dev = d.devices;
  for (const disk of dev.disks) disk.info.alias ??= diskAlias(d, disk);
  const hostdevInfos = (): DeviceInfo[] => [...dev.hostdevs.map((h) => h.info), ...dev.interfaces.map((n) => n.info)];
  for (const n of dev.interfaces) {
    if (n.info.alias !== undefined) continue;
    if (isHostdevNet(n)) n.info.alias = `hostdev${nextIndex(hostdevInfos(), 'hostdev')}`;
    else n.info.alias = `net${nextIndex(dev.interfaces.map((x) => x.info), 'net')}`;
  }
  dev.sounds.forEach((s, i) => (s.info.alias ??= `sound${i}`));
  for (const h of dev.hostdevs) h.info.alias ??= `hostdev${nextIndex(hostdevInfos(), 'hostdev')}`;
  dev.videos.forEach((v, i) => (v.info.alias ??= `video${i}`));
  for (const c of dev.controllers) c.info.alias ??= controllerAlias(d, c);
  assignChrAliases(d);
  dev.inputs.forEach((input, i) => (input.info.alias ??= `input${i}`));
  dev.hubs.forEach((h, i) => (h.info.alias ??= `hub${i}`));
  dev.watchdogs.forEach((w, i) => (w.info.alias ??= `watchdog${i}`));
  const balloon = dev.memballoon;
  if (balloon && balloon.model !== 'none') balloon.info.alias ??= 'balloon0';
  for (const r of dev.rngs) r.info.alias ??= `rng${nextIndex(dev.rngs.map((x) => x.info), 'rng')}`;
}

function diskAlias(d: Domain, disk: Disk): string {
  const prefix = disk.target.bus ?? 'ide';
  const a = disk.info.address;
  if (a?.type === 'drive') {
    if (disk.target.bus === 'scsi') {
      const cont = d.devices.controllers.find((c) => c.type === 'scsi' && c.index === a.controller);
      if (!cont) throw internalError('alias.scsi-controller', `unable to find a SCSI controller for idx=${a.controller}`);
      // SCSI disks on controllers other than lsilogic also carry the target.
      if (cont.model !== 'lsilogic') return `${prefix}${a.controller}-${a.bus}-${a.target}-${a.unit}`;
    }
    return `${prefix}${a.controller}-${a.bus}-${a.unit}`;
  }
  return `${prefix}-disk${diskNameToIndex(disk.target.dev)}`;
}

function controllerAlias(d: Domain, c: Controller): string {
  switch (c.type) {
    case 'pci':
      return c.model === 'pcie-root' ? `pcie.${c.index}` : `pci.${c.index}`;
    case 'ide':
      if (isI440FX(d) && c.index === 0) return 'ide';
      break;
    case 'sata':
      if (isQ35(d) && c.index === 0) return 'ide';
      break;
    case 'usb':
      if (c.index === 0) return 'usb';
      break;
    case 'scsi':
      if (c.model === 'ncr53c90' && c.index === 0) return 'scsi';
      break;
    default:
      break;
  }
  return `${c.type}${c.index}`;
}
