/**
 * Host devices in libvirt's hostdev list order: <interface type='hostdev'>
 * devices first, then <hostdev> elements, then VFs handed out by networks.
 * A transient teaming partner carries failover_pair_id.
 */
import { internalError, unsupported } from '../../errors.js';
import { formatHostPciAddress, type DeviceInfo, type HostPciAddress } from '../../model/address.js';
import type { Hostdev, Interface, Teaming } from '../../model/devices.js';
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
): void {
  for (const dev of pciPassthroughs(d, actual)) {
    if ('mode' in dev) {
      if (dev.type !== 'pci') throw unsupported('build.hostdev-type', `hostdev type '${dev.type}' is not supported by teamctl yet`);
      if (dev.info.address?.type === 'unassigned') continue;
      cmd.props('-device', 'device', vfioProps(d, {
        host: dev.source.address,
        info: dev.info,
        ...(dev.teaming ? { teaming: dev.teaming } : {}),
        ...(dev.driver?.name ? { driverName: dev.driver.name } : {}),
        owner: dev,
      }, bootIndex.get(dev)));
    } else {
      if (dev.info.address?.type === 'unassigned') continue;
      cmd.props('-device', 'device', vfioProps(d, dev, bootIndex.get(dev.owner)));
    }
  }
}

/** libvirt's qemuBuildPCIHostdevDevProps. */
function vfioProps(d: Domain, dev: PciPassthrough, bootIndex: number | undefined): Props {
  const backend = dev.driverName ?? 'vfio';
  if (backend !== 'vfio') throw internalError('build.hostdev-backend', `invalid PCI passthrough type '${backend}'`);
  const t = dev.teaming;
  const failoverPairId = t?.type === 'transient' ? t.persistent : undefined;
  const p = Props.of('driver', 'vfio-pci')
    .set('host', formatHostPciAddress(dev.host))
    .set('id', dev.info.alias!)
    .positive('bootindex', bootIndex)
    .str('failover_pair_id', failoverPairId);
  return p.extend(addressProps(d, dev.info)).extend(romProps(dev.info));
}
