/**
 * Every device of a domain with its DeviceInfo, in the order libvirt's
 * virDomainDeviceInfoIterate visits them. Post-parse steps that must walk
 * "all devices" (address collection, boot order, lint) use this one list.
 */
import type { DeviceInfo } from '../model/address.js';
import type { ChrDef } from '../model/chardev.js';
import type { Controller, Disk, Hostdev, Hub, Input, Interface, Memballoon, Sound, Watchdog } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import type { Rng } from '../model/rng.js';
import type { Video } from '../model/video.js';

export type DeviceRef =
  | { kind: 'disk'; dev: Disk; info: DeviceInfo }
  | { kind: 'net'; dev: Interface; info: DeviceInfo }
  | { kind: 'sound'; dev: Sound; info: DeviceInfo }
  | { kind: 'hostdev'; dev: Hostdev; info: DeviceInfo }
  | { kind: 'video'; dev: Video; info: DeviceInfo }
  | { kind: 'controller'; dev: Controller; info: DeviceInfo }
  | { kind: 'chr'; dev: ChrDef; info: DeviceInfo }
  | { kind: 'input'; dev: Input; info: DeviceInfo }
  | { kind: 'watchdog'; dev: Watchdog; info: DeviceInfo }
  | { kind: 'memballoon'; dev: Memballoon; info: DeviceInfo }
  | { kind: 'rng'; dev: Rng; info: DeviceInfo }
  | { kind: 'hub'; dev: Hub; info: DeviceInfo };

export interface IterateOptions {
  /**
   * Include the first console when it only stands for serials[0]
   * (libvirt's DOMAIN_DEVICE_ITERATE_ALL_CONSOLES).
   */
  readonly allConsoles?: boolean;
}

/** virDomainSkipBackcompatConsole: console 0 of serial type is an alias of serials[0]. */
export function isCompatConsole(d: Domain, index: number): boolean {
  const t = d.devices.consoles[index]?.target.type;
  return index === 0 && (t === 'serial' || t === undefined);
}

/** libvirt's device iteration order (disks, nets, sounds, hostdevs, videos, controllers, ...). */
export function allDevices(d: Domain, options: IterateOptions = {}): DeviceRef[] {
  const out: DeviceRef[] = [];
  for (const dev of d.devices.disks) out.push({ kind: 'disk', dev, info: dev.info });
  for (const dev of d.devices.interfaces) out.push({ kind: 'net', dev, info: dev.info });
  for (const dev of d.devices.sounds) out.push({ kind: 'sound', dev, info: dev.info });
  for (const dev of d.devices.hostdevs) out.push({ kind: 'hostdev', dev, info: dev.info });
  for (const dev of d.devices.videos) out.push({ kind: 'video', dev, info: dev.info });
  for (const dev of d.devices.controllers) out.push({ kind: 'controller', dev, info: dev.info });
  for (const dev of [...d.devices.serials, ...d.devices.parallels, ...d.devices.channels]) out.push({ kind: 'chr', dev, info: dev.info });
  d.devices.consoles.forEach((dev, i) => {
    if (options.allConsoles || !isCompatConsole(d, i)) out.push({ kind: 'chr', dev, info: dev.info });
  });
  for (const dev of d.devices.inputs) out.push({ kind: 'input', dev, info: dev.info });
  for (const dev of d.devices.watchdogs) out.push({ kind: 'watchdog', dev, info: dev.info });
  const balloon = d.devices.memballoon;
  if (balloon) out.push({ kind: 'memballoon', dev: balloon, info: balloon.info });
  for (const dev of d.devices.rngs) out.push({ kind: 'rng', dev, info: dev.info });
  for (const dev of d.devices.hubs) out.push({ kind: 'hub', dev, info: dev.info });
  return out;
}
