/** <hub> (libvirt's virDomainHubDefFormat). */
import type { Hub } from '../../model/devices.js';
import type { DeviceFormatter } from '../context.js';
import { formatDeviceInfo } from '../device-info.js';

export const formatHub: DeviceFormatter<Hub> = (w, hub) => {
  w.element('hub', [['type', hub.type]], (c) => formatDeviceInfo(c, hub.info));
};
