/** <memballoon>: libvirt's virDomainMemballoonDefFormat. */
import type { Memballoon } from '../../model/devices.js';
import type { DeviceFormatter } from '../context.js';
import { formatDeviceInfo } from '../device-info.js';
import { onOff } from '../values.js';

export const formatMemballoon: DeviceFormatter<Memballoon> = (w, m) => {
  w.element(
    'memballoon',
    [
      ['model', m.model],
      ['autodeflate', onOff(m.autodeflate)],
      ['freePageReporting', onOff(m.freePageReporting)],
    ],
    (body) => {
      if (m.period) body.element('stats', [['period', m.period]]);
      formatDeviceInfo(body, m.info);
    },
  );
};
