/** <input>: libvirt's virDomainInputDefFormat. */
import type { Input } from '../../model/devices.js';
import type { DeviceFormatter } from '../context.js';
import { formatDeviceInfo } from '../device-info.js';
import { onOff } from '../values.js';
import { virtioOptionAttrs } from './virtio-options.js';

export const formatInput: DeviceFormatter<Input> = (w, input) => {
  w.element(
    'input',
    [
      ['type', input.type],
      ['bus', input.bus === 'none' ? undefined : input.bus],
      ['model', input.model],
    ],
    (body) => {
      if (input.driver) body.optionalElement('driver', virtioOptionAttrs(input.driver));
      const s = input.source;
      if (s) {
        body.optionalElement('source', [
          [input.type === 'evdev' ? 'dev' : 'evdev', s.evdev],
          ['grab', s.grab],
          ['grabToggle', s.grabToggle],
          ['repeat', onOff(s.repeat)],
        ]);
      }
      formatDeviceInfo(body, input.info);
    },
  );
};
