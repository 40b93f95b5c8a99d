/** The guest-visible NIC of an interface: libvirt's qemuBuildNicDevProps. */
import type { Caps } from '../../caps/caps.js';
import { internalError, unsupported } from '../../errors.js';
import type { Interface } from '../../model/devices.js';
import { isVirtioNetModel } from '../../model/net-models.js';
import type { Domain } from '../../model/domain.js';
import { Props } from '../../render/props.js';
import { addressProps, romProps } from '../address.js';
import { virtioOptionProps } from '../virtio-options.js';
import { hostNetId } from './net-host.js';

export function nicProps(d: Domain, net: Interface, caps: Caps, bootIndex: number | undefined): Props {
  const p = isVirtioNetModel(net.model) ? virtioNetProps(net, caps) : Props.of('driver', net.model!);
  p.set('netdev', hostNetId(net)).set('id', net.info.alias!).set('mac', net.mac!).positive('bootindex', bootIndex);
  return p.extend(addressProps(d, net.info)).extend(romProps(net.info));
}

function virtioNetProps(net: Interface, caps: Caps): Props {
  const drv = net.driver ?? {};
  const queues = drv.queues ?? 0;
  return Props.of('driver', virtioNetDriver(net, caps))
    .extend(virtioOptionProps(drv))
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
    // One MSI-X vector per rx and tx queue, plus config and control (linux-kvm.org's advice).
    .positive('vectors', queues > 1 ? 2 * queues + 2 : undefined)
    .positive('rx_queue_size', drv.rx_queue_size)
    .positive('tx_queue_size', drv.tx_queue_size)
    .tristate('rss', drv.rss)
    .tristate('hash', drv.rss_hash_report)
    .positive('host_mtu', net.mtu)
    .tristate('failover', net.teaming?.type === 'persistent' ? true : undefined);
}

/** qemuBuildVirtioDevGetConfig for virtio-net on PCI. */
function virtioNetDriver(net: Interface, caps: Caps): string {
  const transitional = net.model === 'virtio-transitional';
  const nonTransitional = net.model === 'virtio-non-transitional';
  // x86 has no virtio-mmio or ccw transport; every other address type is a mistake.
  if (net.info.address !== undefined && net.info.address.type !== 'pci') {
    throw internalError('build.virtio-net-address', "Unexpected address type for 'virtio-net'");
  }
  if (!transitional && !nonTransitional) return 'virtio-net-pci';
  if (caps.has('virtio-pci-non-transitional')) return transitional ? 'virtio-net-pci-transitional' : 'virtio-net-pci-non-transitional';
  // Without the (non-)transitional devices the plain one placed on conventional PCI does the same.
  if (transitional) return 'virtio-net-pci';
  throw unsupported('build.virtio-non-transitional', 'virtio non-transitional model not supported for this qemu');
}
