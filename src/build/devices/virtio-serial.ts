/** The virtio-serial controller device (qemuBuildControllerDevProps for type='virtio-serial'). */
import type { Caps } from '../../caps/caps.js';
import type { Controller } from '../../model/devices.js';
import type { Props } from '../../render/props.js';
import { virtioDeviceProps, virtioPciDriver } from './virtio.js';

export function virtioSerialControllerProps(c: Controller, caps: Caps): Props {
  return virtioDeviceProps(virtioPciDriver('virtio-serial', c.model, c.info, caps), undefined)
    .set('id', c.info.alias!)
    .nonNegative('max_ports', c.ports)
    .nonNegative('vectors', c.vectors);
}
