/**
 * Network interfaces backed by QEMU itself, in interface order (libvirt's
 * qemuBuildInterfaceCommandLine): connect the host side, hand its fds over,
 * then one -netdev and one -device. Interfaces that are really host devices
 * are built with the hostdevs.
 */
import type { Caps } from '../../caps/caps.js';
import { unsupported } from '../../errors.js';
import type { Interface } from '../../model/devices.js';
import type { Domain } from '../../model/domain.js';
import type { ActualNet } from '../../postparse/network.js';
import type { CommandBuilder } from '../../render/command.js';
import type { FdSets } from '../fdsets.js';
import { isQemuOpenedTap, type NetFdSource } from '../net-fds.js';
import { hostNetProps, type NetConnection } from './net-host.js';
import { nicProps } from './net-nic.js';
import { vhostuserChardevArg } from './net-vhostuser.js';

export interface NetContext {
  readonly actual: ReadonlyMap<Interface, ActualNet>;
  readonly bootIndex: ReadonlyMap<object, number>;
  readonly fds: NetFdSource;
  readonly fdsets: FdSets;
}

export function buildNets(cmd: CommandBuilder, d: Domain, caps: Caps, ctx: NetContext): void {
  for (const net of d.devices.interfaces) {
    const actualType = net.type === 'network' ? (ctx.actual.get(net)?.type ?? net.type) : net.type;
    if (actualType === 'hostdev') continue;
    const { conn, addFd } = connect(net, actualType, ctx);
    if (net.type === 'vhostuser') cmd.arg('-chardev', vhostuserChardevArg(net, caps));
    if (addFd !== undefined) cmd.arg('-add-fd', addFd);
    cmd.props('-netdev', 'netdev', hostNetProps(net, actualType, conn));
    cmd.props('-device', 'device', nicProps(d, net, caps, ctx.bootIndex.get(net)));
  }
}

/** libvirt's qemuBuildInterfaceConnect: the fds the host side hands to QEMU, or what QEMU opens itself. */
function connect(net: Interface, actualType: string, ctx: NetContext): { conn: NetConnection; addFd?: string } {
  const queues = Math.max(net.driver?.queues ?? 0, 1);
  switch (actualType) {
    case 'network':
    case 'bridge':
    case 'ethernet': {
      const tap = ctx.fds.tap(net, actualType === 'ethernet' ? 'ethernet' : 'bridge', queues);
      const vhost = ctx.fds.vhost(net, queues);
      return {
        conn: {
          ...(isQemuOpenedTap(tap) ? { tapFds: [], qemuTap: tap } : { tapFds: tap }),
          ...(vhost === 'qemu' ? { vhostFds: [], qemuVhost: true } : { vhostFds: vhost }),
        },
      };
    }
    case 'vdpa': {
      const vdpa = ctx.fds.vdpa(net);
      if ('path' in vdpa) return { conn: { tapFds: [], vhostFds: [], vdpaPath: vdpa.path } };
      const set = ctx.fdsets.allocate();
      return {
        conn: { tapFds: [], vhostFds: [], vdpaPath: `/dev/fdset/${set}` },
        addFd: `set=${set},fd=${vdpa.fd},opaque=${net.info.alias}-vdpa`,
      };
    }
    case 'direct':
      // A macvtap on a host interface: only a host profile could open one.
      throw unsupported('build.net-direct', `interface ${net.mac ?? ''} - macvtap (direct) connections are not supported by teamctl yet`);
    default:
      return { conn: { tapFds: [], vhostFds: [] } };
  }
}
