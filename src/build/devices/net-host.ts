/** The -netdev of an interface: libvirt's qemuBuildHostNetProps. */
import { internalError, unsupported } from '../../errors.js';
import type { Interface, SocketInterface } from '../../model/devices.js';
import { Props } from '../../render/props.js';
import type { QemuOpenedTap } from '../net-fds.js';

/** What connecting the host side produced (libvirt's qemuDomainNetworkPrivate fds). */
export interface NetConnection {
  readonly tapFds: readonly number[];
  /** Set instead of tapFds when QEMU opens the tap itself. */
  readonly qemuTap?: QemuOpenedTap;
  readonly vhostFds: readonly number[];
  /** vhost=on without fds: QEMU opens /dev/vhost-net itself. */
  readonly qemuVhost?: boolean;
  /** The path of the vDPA device: an fdset path when libvirt opened it. */
  readonly vdpaPath?: string;
}

export function hostNetId(net: Interface): string {
  return `host${net.info.alias}`;
}

export function hostNetProps(net: Interface, actualType: string, conn: NetConnection): Props {
  if (net.script !== undefined && actualType !== 'ethernet') {
    throw unsupported('build.net-script', `scripts are not supported on interfaces of type ${actualType}`);
  }
  let p: Props;
  switch (actualType) {
    case 'bridge':
    case 'network':
    case 'direct':
    case 'ethernet':
      p = tapProps(net, conn);
      break;
    case 'client':
    case 'server':
    case 'mcast':
    case 'udp':
      p = socketProps(net as SocketInterface);
      break;
    case 'user':
      p = userProps(net);
      break;
    case 'internal':
      p = Props.of('type', 'user');
      break;
    case 'vhostuser':
      p = Props.of('type', 'vhost-user')
        .set('chardev', `char${net.info.alias}`)
        .positive('queues', net.driver?.queues);
      break;
    case 'vdpa':
      if (conn.vdpaPath === undefined) throw internalError('build.vdpa-fd', 'vDPA interface without its file descriptor');
      p = Props.of('type', 'vhost-vdpa').set('vhostdev', conn.vdpaPath).positive('queues', net.driver?.queues);
      break;
    case 'hostdev':
    case 'null':
    case 'vds':
      throw unsupported('build.net-type', `network device type '${actualType}' is not supported by this hypervisor`);
    default:
      throw unsupported('build.net-type', `interface type '${actualType}' is not supported by teamctl yet`);
  }
  return p.set('id', hostNetId(net));
}

/**
 * For one fd 'fd'/'vhostfd', for several 'fds'/'vhostfds' joined by ':'.
 * A tap QEMU opens itself is named, with one queue per virtio queue.
 */
function tapProps(net: Interface, conn: NetConnection): Props {
  const p = Props.of('type', 'tap');
  if (conn.qemuTap !== undefined) {
    p.set('ifname', conn.qemuTap.ifname).set('script', conn.qemuTap.script).set('downscript', conn.qemuTap.downscript);
    const queues = net.driver?.queues ?? 1;
    if (queues > 1) p.set('queues', queues);
  } else {
    p.set(conn.tapFds.length > 1 ? 'fds' : 'fd', conn.tapFds.join(':'));
  }
  p.flag('vhost', conn.vhostFds.length > 0 || conn.qemuVhost === true);
  if (conn.vhostFds.length > 0) p.set(conn.vhostFds.length > 1 ? 'vhostfds' : 'vhostfd', conn.vhostFds.join(':'));
  if (net.sndbuf !== undefined) p.set('sndbuf', net.sndbuf);
  return p;
}

function socketProps(net: SocketInterface): Props {
  const s = net.source;
  const addr = `${s.address ?? ''}:${s.port}`;
  const p = Props.of('type', 'socket');
  switch (net.type) {
    case 'client':
      return p.set('connect', addr);
    case 'server':
      return p.set('listen', addr);
    case 'mcast':
      return p.set('mcast', addr);
    case 'udp':
      return p.set('udp', addr).set('localaddr', `${s.local!.address}:${s.local!.port}`);
  }
}

/** SLIRP, with the guest network it should hand out. */
function userProps(net: Interface): Props {
  const p = Props.of('type', 'user');
  for (const ip of net.guestIp?.ips ?? []) {
    if (ip.family === 'ipv4') p.set('net', ip.prefix !== undefined ? `${ip.address}/${ip.prefix}` : ip.address);
    else p.set('ipv6-prefix', ip.address).positive('ipv6-prefixlen', ip.prefix);
  }
  return p;
}
