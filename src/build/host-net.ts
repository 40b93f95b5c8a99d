/**
 * The host side of interfaces on a real start without libvirt: QEMU opens
 * the taps itself (`ifname=…,script=…,downscript=…`) unless the user passes
 * opened taps (`--tap-fd ALIAS=FD`), opens /dev/vhost-net itself where
 * libvirt would pass vhost-net fds, and opens vDPA devices by path.
 */
import { internalError, usageError } from '../errors.js';
import type { Interface } from '../model/devices.js';
import { isVirtioNetModel } from '../model/net-models.js';
import type { Prepared } from '../postparse/index.js';
import type { NetFdSource, QemuOpenedTap, TapSource, VhostSource } from './net-fds.js';
import type { HostSide } from './profile.js';

/** libvirt's VIR_NET_GENERATED_VNET_PREFIX: the names of taps libvirt creates without <target dev>. */
const GENERATED_TAP_PREFIX = 'vnet';
const TUN_DEVICE = '/dev/net/tun';
const VHOST_NET_DEVICE = '/dev/vhost-net';

/** Opened taps the user hands over, by interface alias: one fd per queue. */
export type TapFds = ReadonlyMap<string, readonly number[]>;

function actualTypeOf(prepared: Prepared, net: Interface): string {
  return net.type === 'network' ? (prepared.actual.get(net)?.type ?? net.type) : net.type;
}

function isTapType(actualType: string): boolean {
  return actualType === 'ethernet' || actualType === 'bridge' || actualType === 'network';
}

function bridgeOf(prepared: Prepared, net: Interface): string | undefined {
  if (net.type === 'bridge') return net.source.bridge;
  const actual = net.type === 'network' ? prepared.actual.get(net) : undefined;
  return actual?.type === 'bridge' ? actual.bridge : undefined;
}

/** Every --tap-fd must name a tap interface of the domain, with one fd per queue. */
function checkTapFds(prepared: Prepared, tapFds: TapFds): void {
  const nets = prepared.domain.devices.interfaces;
  for (const [alias, fds] of tapFds) {
    const net = nets.find((n) => n.info.alias === alias);
    if (net === undefined) {
      const known = nets.map((n) => n.info.alias).join(', ') || 'none';
      throw usageError('cli.tap-fd-alias', `--tap-fd ${alias}: the domain has no interface with alias '${alias}' (interfaces: ${known})`);
    }
    const type = actualTypeOf(prepared, net);
    if (!isTapType(type)) throw usageError('cli.tap-fd-type', `--tap-fd ${alias}: interface ${alias} is of type '${type}', which is not connected through a tap`);
    const queues = Math.max(net.driver?.queues ?? 0, 1);
    if (fds.length !== queues) {
      throw usageError('cli.tap-fd-queues', `--tap-fd ${alias}: interface ${alias} has ${queues} queue(s) and needs one tap fd per queue (repeat --tap-fd ${alias}=FD), got ${fds.length}`);
    }
  }
}

/** The tap QEMU opens for an interface: its <target dev>, else the next vnetN. */
function qemuTaps(prepared: Prepared, tapFds: TapFds): Map<Interface, QemuOpenedTap> {
  const taps = new Map<Interface, QemuOpenedTap>();
  let generated = 0;
  for (const net of prepared.domain.devices.interfaces) {
    const alias = net.info.alias ?? '';
    if (!isTapType(actualTypeOf(prepared, net)) || tapFds.has(alias)) continue;
    if (net.backend?.tap !== undefined && net.backend.tap !== TUN_DEVICE) {
      throw usageError(
        'profile.tap-backend',
        `interface ${alias}: <backend tap='${net.backend.tap}'> makes libvirt create the tap through that device, which QEMU cannot; pass the opened tap with --tap-fd ${alias}=FD`,
      );
    }
    const ifname = net.target?.dev ?? `${GENERATED_TAP_PREFIX}${generated++}`;
    // libvirt runs <script>/<downscript> itself; QEMU may not spawn them under libvirt's -sandbox spawn=deny.
    taps.set(net, { ifname, script: 'no', downscript: 'no' });
  }
  return taps;
}

/**
 * libvirt's qemuInterfaceOpenVhostNet uses vhost-net for virtio models of
 * KVM guests unless <driver name='qemu'>, falling back to none when
 * /dev/vhost-net cannot be opened, except with <driver name='vhost'>.
 * Whether the host has it is not ours to look at, so only the explicit
 * request asks QEMU for vhost (vhost=on: QEMU opens the device itself and
 * fails without it, as libvirt would).
 */
function vhostSource(prepared: Prepared, net: Interface): VhostSource {
  if (prepared.domain.type !== 'kvm' || net.driver?.name !== 'vhost' || !isVirtioNetModel(net.model)) return [];
  const path = net.backend?.vhost;
  if (path !== undefined && path !== VHOST_NET_DEVICE) {
    throw usageError(
      'profile.vhost-backend',
      `interface ${net.info.alias ?? ''}: <backend vhost='${path}'> makes libvirt open vhost-net through that device, but QEMU opens ${VHOST_NET_DEVICE} itself; remove the attribute or set <driver name='qemu'>`,
    );
  }
  return 'qemu';
}

/** Host-side setup libvirt does on a tap it creates that this command line leaves undone. */
function tapWarnings(prepared: Prepared, net: Interface, tap: QemuOpenedTap): string[] {
  const alias = net.info.alias ?? '';
  const out: string[] = [];
  const bridge = bridgeOf(prepared, net);
  if (bridge !== undefined) {
    out.push(
      `interface ${alias}: QEMU creates tap ${tap.ifname} but does not plug it into bridge '${bridge}' as libvirt would; run 'ip link set ${tap.ifname} master ${bridge} up' once QEMU runs, or pass an opened tap with --tap-fd ${alias}=FD`,
    );
  }
  if (net.script !== undefined) {
    out.push(`interface ${alias}: libvirt runs '${net.script} ${tap.ifname}' once the tap exists; QEMU may not (its -sandbox denies spawning), so run it yourself`);
  }
  if (net.downscript !== undefined) {
    out.push(`interface ${alias}: libvirt runs '${net.downscript} ${tap.ifname}' after QEMU ends; run it yourself`);
  }
  if (net.hostIp !== undefined && (net.hostIp.ips.length > 0 || net.hostIp.routes.length > 0)) {
    out.push(`interface ${alias}: the host addresses and routes of <source> are set up by libvirt on tap ${tap.ifname}; QEMU does not, so configure them once QEMU runs`);
  }
  return out;
}

export function hostNetSide(prepared: Prepared, tapFds: TapFds): HostSide {
  checkTapFds(prepared, tapFds);
  const taps = qemuTaps(prepared, tapFds);
  const warnings = [...taps].flatMap(([net, tap]) => tapWarnings(prepared, net, tap));
  const netFds: NetFdSource = {
    tap: (net): TapSource => {
      const source = tapFds.get(net.info.alias ?? '') ?? taps.get(net);
      if (source === undefined) throw internalError('profile.tap', `interface ${net.info.alias ?? ''} has no tap`);
      return source;
    },
    vhost: (net) => vhostSource(prepared, net),
    vdpa: (net) => {
      if (net.type !== 'vdpa') throw internalError('profile.vdpa', `interface ${net.info.alias ?? ''} is not a vDPA interface`);
      return { path: net.source.dev };
    },
  };
  return { netFds, warnings };
}
