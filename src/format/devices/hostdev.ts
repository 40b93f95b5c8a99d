/** <hostdev mode='subsystem'>: libvirt's virDomainHostdevDefFormat and its per-type <source>. */
import type { Hostdev, HostdevInterface, MdevHostdev, PciHostdev, UsbHostdev } from '../../model/devices.js';
import type { HostPciAddress } from '../../model/address.js';
import type { DeviceFormatter } from '../context.js';
import { formatDeviceInfo } from '../device-info.js';
import { hex, onOff, yesNo } from '../values.js';
import type { Attr, XmlWriter } from '../xml-writer.js';
import { formatTeaming } from './teaming.js';

export const formatHostdev: DeviceFormatter<Hostdev> = (w, h) => {
  const attrs: Attr[] = [
    ['mode', h.mode],
    ['type', h.type],
    ['managed', h.managed ? 'yes' : 'no'],
  ];
  if (h.type === 'mdev') attrs.push(['model', h.model]);
  if (h.type === 'mdev' || h.type === 'pci') attrs.push(['display', onOff(h.display)], ['ramfb', onOff(h.ramfb)]);
  w.element('hostdev', attrs, (body) => {
    switch (h.type) {
      case 'pci':
        formatPciSource(body, h);
        break;
      case 'usb':
        formatUsbSource(body, h);
        break;
      case 'mdev':
        formatMdevSource(body, h);
        break;
    }
    formatTeaming(body, h.teaming);
    formatDeviceInfo(body, h.info, { allowBoot: true, allowRom: true });
  });
};

/** virPCIDeviceAddressFormat: an <interface type='hostdev'> writes the address type, a <hostdev> does not. */
export function hostPciAddressAttrs(a: HostPciAddress, includeType: boolean): Attr[] {
  return [
    ['type', includeType ? 'pci' : undefined],
    ['domain', hex(a.domain, 4)],
    ['bus', hex(a.bus, 2)],
    ['slot', hex(a.slot, 2)],
    ['function', `0x${a.function.toString(16)}`],
  ];
}

function formatPciSource(w: XmlWriter, h: PciHostdev): void {
  const d = h.driver;
  if (d) w.optionalElement('driver', [['name', d.name === 'default' ? undefined : d.name], ['model', d.model]]);
  w.element('source', [['writeFiltering', yesNo(h.source.writeFiltering)]], (s) => {
    s.element('address', hostPciAddressAttrs(h.source.address, false));
  });
}

/** The <source> of an <interface type='hostdev'> (virDomainHostdevDefFormatSubsys with the address type). */
export function formatInterfaceHostdevSource(w: XmlWriter, i: HostdevInterface): void {
  w.element('source', [], (s) => s.element('address', hostPciAddressAttrs(i.source.address, true)));
}

function formatUsbSource(w: XmlWriter, h: UsbHostdev): void {
  const s = h.source;
  w.optionalElement(
    'source',
    [
      ['startupPolicy', s.startupPolicy],
      ['guestReset', s.guestReset],
    ],
    (src) => {
      if (s.vendor !== undefined) {
        src.element('vendor', [['id', hex(s.vendor, 4)]]);
        src.element('product', [['id', hex(s.product ?? 0, 4)]]);
      }
      if (s.address && (s.address.bus !== 0 || s.address.device !== 0)) {
        src.element('address', [
          ['bus', s.address.bus],
          ['device', s.address.device],
        ]);
      }
    },
  );
}

function formatMdevSource(w: XmlWriter, h: MdevHostdev): void {
  w.element('source', [], (s) => s.element('address', [['uuid', h.source.address.uuid]]));
}
