/** Network interfaces backed by QEMU itself: one -netdev and one -device each (hostdev-backed ones are built with the hostdevs). */
import type { Caps } from '../../caps/caps.js';
import { unsupported } from '../../errors.js';
import type { Interface } from '../../model/devices.js';
import type { Domain } from '../../model/domain.js';
import type { ActualNet } from '../../postparse/network.js';
import type { CommandBuilder } from '../../render/command.js';
import { Props } from '../../render/props.js';
import { isVirtioNetModel } from '../../validate/teaming.js';
import { addressProps, romProps } from '../address.js';

export interface NetContext {
  readonly actual: ReadonlyMap<Interface, ActualNet>;
  readonly bootIndex: ReadonlyMap<object, number>;
}

export function buildNets(cmd: CommandBuilder, d: Domain, caps: Caps, ctx: NetContext): void {
  for (const net of d.devices.interfaces) {
    const actual = net.type === 'network' ? ctx.actual.get(net)?.type : net.type;
    if (actual === 'hostdev') continue;
    cmd.props('-netdev', 'netdev', hostNetProps(net, actual ?? net.type));
    cmd.props('-device', 'device', nicProps(d, net, caps, ctx.bootIndex.get(net)));
  }
}

function hostNetProps(net: Interface, actualType: string): Props {
  const id = `host${net.info.alias}`;
  switch (actualType) {
    case 'user':
      return new Props().set('type', 'user').set('id', id);
    default:
      throw unsupported('build.net-type', `interface type '${actualType}' is not supported by teamctl yet`);
  }
}

/** libvirt's qemuBuildNicDevProps. */
export function nicProps(d: Domain, net: Interface, _caps: Caps, bootIndex: number | undefined): Props {
  let p: Props;
  if (isVirtioNetModel(net.model)) {
    const drv = net.driver ?? {};
    const queues = drv.queues ?? 0;
    p = Props.of('driver', virtioNetDriver(net.model!))
      .tristate('iommu_platform', drv.iommu)
      .tristate('ats', drv.ats)
      .tristate('packed', drv.packed)
      .tristate('page-per-vq', drv.page_per_vq)
      .str('tx', drv.txmode === 'iothread' ? 'bh' : drv.txmode === 'timer' ? 'timer' : undefined)
      .tristate('ioeventfd', drv.ioeventfd)
      .tristate('event_idx', drv.event_idx)
      .tristate('csum', drv.host?.csum)
      .tristate('gso', drv.host?.gso)
      .tristate('host_tso4', drv.host?.tso4)
      .tristate('host_tso6', drv.host?.tso6)
      .tristate('host_ecn', drv.host?.ecn)
      .tristate('host_ufo', drv.host?.ufo)
      .tristate('mrg_rxbuf', drv.host?.mrg_rxbuf)
      .tristate('guest_csum', drv.guest?.csum)
      .tristate('guest_tso4', drv.guest?.tso4)
      .tristate('guest_tso6', drv.guest?.tso6)
      .tristate('guest_ecn', drv.guest?.ecn)
      .tristate('guest_ufo', drv.guest?.ufo)
      .tristate('mq', queues > 1 ? true : undefined)
      .positive('vectors', queues > 1 ? 2 * queues + 2 : undefined)
      .positive('rx_queue_size', drv.rx_queue_size)
      .positive('tx_queue_size', drv.tx_queue_size)
      .tristate('rss', drv.rss)
      .tristate('hash', drv.rss_hash_report)
      .positive('host_mtu', net.mtu)
      .tristate('failover', net.teaming?.type === 'persistent' ? true : undefined);
  } else {
    p = Props.of('driver', net.model!);
  }
  p.set('netdev', `host${net.info.alias}`).set('id', net.info.alias!).set('mac', net.mac!).positive('bootindex', bootIndex);
  return p.extend(addressProps(d, net.info)).extend(romProps(net.info));
}

function virtioNetDriver(model: string): string {
  switch (model) {
    case 'virtio-transitional':
      return 'virtio-net-pci-transitional';
    case 'virtio-non-transitional':
      return 'virtio-net-pci-non-transitional';
    default:
      return 'virtio-net-pci';
  }
}
