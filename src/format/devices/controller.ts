/** <controller>: libvirt's virDomainControllerDefFormat. */
import type { Controller } from '../../model/devices.js';
import type { DeviceFormatter } from '../context.js';
import { formatDeviceInfo } from '../device-info.js';
import { onOff } from '../values.js';
import type { XmlWriter } from '../xml-writer.js';

export const formatController: DeviceFormatter<Controller> = (w, c) => {
  w.element(
    'controller',
    [
      ['type', c.type],
      ['index', c.index],
      ['model', c.model],
      ['ports', c.type === 'usb' || c.type === 'virtio-serial' ? c.ports : undefined],
      ['vectors', c.type === 'virtio-serial' ? c.vectors : undefined],
    ],
    (body) => {
      if (c.type === 'pci') formatPciOptions(body, c);
      const d = c.driver;
      if (d) {
        body.optionalElement('driver', [
          ['queues', d.queues || undefined],
          ['cmd_per_lun', d.cmd_per_lun || undefined],
          ['max_sectors', d.max_sectors || undefined],
          ['ioeventfd', onOff(d.ioeventfd)],
        ]);
      }
      formatDeviceInfo(body, c.info, c.master ? { usbMasterStartport: c.master.startport } : {});
    },
  );
};

/** virDomainControllerDefFormatPCI: <model name>, then <target>. */
function formatPciOptions(w: XmlWriter, c: Controller): void {
  if (c.modelName !== undefined) w.element('model', [['name', c.modelName]]);
  const t = c.target;
  if (!t) return;
  w.optionalElement('target', [
    ['chassisNr', t.chassisNr],
    ['chassis', t.chassis],
    ['port', t.port === undefined ? undefined : `0x${t.port.toString(16)}`],
    ['busNr', t.busNr],
    ['index', t.index],
    ['hotplug', onOff(t.hotplug)],
    ['memReserve', t.memReserve || undefined],
  ]);
}
