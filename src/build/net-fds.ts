/**
 * How the host side of an interface reaches QEMU as file descriptors: taps,
 * vhost-net and vhost-vdpa devices. This depends on the host, not on the
 * domain, so a profile supplies it; every net builder asks here and nowhere
 * else.
 */
import type { Interface } from '../model/devices.js';
import { isVirtioNetModel } from '../model/net-models.js';

/** How an interface's tap comes about. */
export type TapConnection =
  /** type='ethernet': libvirt creates (or opens an existing, unmanaged) tap itself. */
  | 'ethernet'
  /** type='bridge', or a network that forwards through a bridge: a tap plugged into the bridge. */
  | 'bridge';

export interface NetFdSource {
  /** One tap fd per queue. */
  tapFds(net: Interface, connection: TapConnection, queues: number): number[];
  /** One vhost-net fd per queue, or none when QEMU moves the packets itself. */
  vhostFds(net: Interface, queues: number): number[];
  /** The opened vhost-vdpa character device. */
  vdpaFd(net: Interface): number;
}

function range(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}

/**
 * libvirt's test harness (tests/qemuxml2argvmock.c): taps it creates are
 * numbered from 3, taps on bridges from 102, vhost-net fds from 44 for every
 * virtio model (whatever the domain type or <driver name>), and the vDPA
 * device is fd 1732.
 */
export const TEST_NET_FDS: NetFdSource = {
  tapFds: (_net, connection, queues) => range(connection === 'ethernet' ? 3 : 102, queues),
  vhostFds: (net, queues) => (isVirtioNetModel(net.model) ? range(44, queues) : []),
  vdpaFd: () => 1732,
};
