/**
 * How the host side of an interface reaches QEMU: taps, vhost-net and
 * vhost-vdpa devices, either opened by libvirt and passed as file
 * descriptors, or opened by QEMU itself from a name or path. This depends on
 * the host, not on the domain, so a profile supplies it; every net builder
 * asks here and nowhere else.
 */
import type { Interface } from '../model/devices.js';
import { isVirtioNetModel } from '../model/net-models.js';

/** How an interface's tap comes about. */
export type TapConnection =
  /** type='ethernet': libvirt creates (or opens an existing, unmanaged) tap itself. */
  | 'ethernet'
  /** type='bridge', or a network that forwards through a bridge: a tap plugged into the bridge. */
  | 'bridge';

/** A tap QEMU creates or opens itself (`ifname=…,script=…,downscript=…`). */
export interface QemuOpenedTap {
  readonly ifname: string;
  /** Run by QEMU with the tap's name once it is up, or 'no'. */
  readonly script: string;
  /** Run by QEMU with the tap's name when the tap goes away, or 'no'. */
  readonly downscript: string;
}

/** The tap side: one opened fd per queue, or a tap QEMU opens by name. */
export type TapSource = readonly number[] | QemuOpenedTap;

/** vhost-net: one opened fd per queue (none: QEMU moves the packets itself), or 'qemu' to let QEMU open /dev/vhost-net. */
export type VhostSource = readonly number[] | 'qemu';

/** The vhost-vdpa device: an opened fd, or the path QEMU opens. */
export type VdpaSource = { readonly fd: number } | { readonly path: string };

export interface NetFdSource {
  tap(net: Interface, connection: TapConnection, queues: number): TapSource;
  vhost(net: Interface, queues: number): VhostSource;
  vdpa(net: Interface): VdpaSource;
}

export function isQemuOpenedTap(tap: TapSource): tap is QemuOpenedTap {
  return !Array.isArray(tap);
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
  tap: (_net, connection, queues) => range(connection === 'ethernet' ? 3 : 102, queues),
  vhost: (net, queues) => (isVirtioNetModel(net.model) ? range(44, queues) : []),
  vdpa: () => ({ fd: 1732 }),
};
