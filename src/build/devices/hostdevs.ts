/**
 * Host devices in libvirt's hostdev list order: <interface type='hostdev'>
 * devices first, then <hostdev> elements, then VFs handed out by networks.
 * A transient teaming partner carries failover_pair_id.
 */
import type { Caps } from '../../caps/caps.js';
import { internalError, unsupported } from '../../errors.js';
import { formatHostPciAddress, type DeviceInfo, type HostPciAddress } from '../../model/address.js';
import type { Hostdev, Interface, MdevHostdev, PciHostdev, Teaming, UsbHostdev } from '../../model/devices.js';
import type { Domain } from '../../model/domain.js';
import type { ActualNet } from '../../postparse/network.js';
import type { CommandBuilder } from '../../render/command.js';
import { Props } from '../../render/props.js';
import { addressProps, romProps } from '../address.js';

export interface PciPassthrough {
  readonly host: HostPciAddress;
  readonly info: DeviceInfo;
  readonly teaming?: Teaming;
  readonly driverName?: string;
  /** The element the device came from, for boot order lookups. */
  readonly owner: object;
}

/** Every assigned PCI device in libvirt's def->hostdevs order. */
export function pciPassthroughs(d: Domain, actual: ReadonlyMap<Interface, ActualNet>): Array<PciPassthrough | Hostdev> {
  const out: Array<PciPassthrough | Hostdev> = [];
  for (const n of d.devices.interfaces) {
    if (n.type !== 'hostdev') continue;
    out.push({ host: n.source.address, info: n.info, ...(n.teaming ? { teaming: n.teaming } : {}), ...(n.driver?.name ? { driverName: n.driver.name } : {}), owner: n });
  }
  for (const h of d.devices.hostdevs) out.push(h);
  for (const n of d.devices.interfaces) {
    const a = n.type === 'network' ? actual.get(n) : undefined;
    if (a?.type !== 'hostdev') continue;
    out.push({ host: a.address, info: n.info, ...(n.teaming ? { teaming: n.teaming } : {}), ...(a.driverName ? { driverName: a.driverName } : {}), owner: n });
  }
  return out;
}

export function buildHostdevs(
  cmd: CommandBuilder,
  d: Domain,
  actual: ReadonlyMap<Interface, ActualNet>,
  bootIndex: ReadonlyMap<object, number>,
  caps: Caps,
): void {
  for (const dev of pciPassthroughs(d, actual)) {
    if ('mode' in dev) {
      if (dev.type === 'usb') {
        cmd.props('-device', 'device', usbHostProps(d, dev, caps));
        continue;
      }
      if (dev.type === 'mdev') {
        cmd.props('-device', 'device', mdevProps(d, dev));
        continue;
      }
      if (dev.info.address?.type === 'unassigned') continue;
      cmd.props('-device', 'device', vfioProps(d, {
        host: dev.source.address,
        info: dev.info,
        ...(dev.teaming ? { teaming: dev.teaming } : {}),
        ...(dev.driver?.name ? { driverName: dev.driver.name } : {}),
        owner: dev,
      }, bootIndex.get(dev), dev));
    } else {
      if (dev.info.address?.type === 'unassigned') continue;
      cmd.props('-device', 'device', vfioProps(d, dev, bootIndex.get(dev.owner)));
    }
  }
}

/** libvirt's qemuBuildPCIHostdevDevProps. `hostdev` carries the <hostdev>-only display settings. */
function vfioProps(d: Domain, dev: PciPassthrough, bootIndex: number | undefined, hostdev?: PciHostdev): Props {
  // qemuDomainPrepareHostdevPCI turns the default backend into VFIO.
  const backend = dev.driverName === undefined || dev.driverName === 'default' ? 'vfio' : dev.driverName;
  if (backend !== 'vfio') throw internalError('build.hostdev-backend', `invalid PCI passthrough type '${backend}'`);
  const t = dev.teaming;
  const failoverPairId = t?.type === 'transient' ? t.persistent : undefined;
  const ramfb = hostdev?.ramfb === true;
  const display = hostdev?.display;
  // ramfb needs the variant of the device that cannot be hot-unplugged.
  const p = Props.of('driver', ramfb ? 'vfio-pci-nohotplug' : 'vfio-pci')
    .set('host', formatHostPciAddress(dev.host))
    .set('id', dev.info.alias!)
    .positive('bootindex', bootIndex)
    .str('failover_pair_id', failoverPairId)
    .str('display', display === undefined ? undefined : display ? 'on' : 'off')
    .flag('ramfb', ramfb);
  return p.extend(addressProps(d, dev.info)).extend(romProps(dev.info));
}

/** libvirt's qemuBuildUSBHostdevDevProps. */
function usbHostProps(d: Domain, dev: UsbHostdev, caps: Caps): Props {
  const src = dev.source;
  if (src.address === undefined) {
    throw unsupported(
      'build.usb-host-lookup',
      'a USB host device given only by <vendor>/<product> must be looked up on the host, which teamctl does not do; give its <address bus= device=/>',
    );
  }
  const { bus, device } = src.address;
  if (bus === 0 && device === 0) throw internalError('build.usb-host-address', 'USB host device is missing bus/device information');
  const hostdevice = caps.has('usb-host.hostdevice') ? `/dev/bus/usb/${pad3(bus)}/${pad3(device)}` : undefined;
  const reset = src.guestReset;
  return Props.of('driver', 'usb-host')
    .str('hostdevice', hostdevice)
    .positive('hostbus', hostdevice === undefined ? bus : undefined)
    .positive('hostaddr', hostdevice === undefined ? device : undefined)
    .set('id', dev.info.alias!)
    .positive('bootindex', dev.info.bootOrder)
    .tristate('guest-reset', reset === undefined ? undefined : reset !== 'off')
    .tristate('guest-resets-all', reset === undefined || reset === 'off' ? undefined : reset === 'on')
    .extend(addressProps(d, dev.info));
}

/** libvirt's qemuBuildHostdevMediatedDevProps. */
function mdevProps(d: Domain, dev: MdevHostdev): Props {
  if (dev.model !== 'vfio-pci') throw unsupported('build.mdev-model', `mediated device model '${dev.model}' is not supported on x86`);
  const ramfb = dev.ramfb === true;
  return Props.of('driver', ramfb ? 'vfio-pci-nohotplug' : 'vfio-pci')
    .set('id', dev.info.alias!)
    .set('sysfsdev', `/sys/bus/mdev/devices/${dev.source.address.uuid}`)
    .str('display', dev.display === undefined ? undefined : dev.display ? 'on' : 'off')
    .flag('ramfb', ramfb)
    .positive('bootindex', dev.info.bootOrder)
    .extend(addressProps(d, dev.info));
}

function pad3(n: number): string {
  return String(n).padStart(3, '0');
}
