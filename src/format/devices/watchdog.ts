/** <watchdog> (libvirt's virDomainWatchdogDefFormat). */
import type { Watchdog } from '../../model/devices.js';
import type { DeviceFormatter } from '../context.js';
import { formatDeviceInfo } from '../device-info.js';

export const formatWatchdog: DeviceFormatter<Watchdog> = (w, dog) => {
  // libvirt's parser defaults the action to reset, so it is always written.
  w.element('watchdog', [['model', dog.model], ['action', dog.action ?? 'reset']], (c) => formatDeviceInfo(c, dog.info));
};
