/**
 * The `host` profile: what libvirtd passes to QEMU on a real start, made
 * usable without libvirtd. Where libvirt hands QEMU something it opened
 * itself, QEMU opens it by path or name instead (monitor socket, chardev
 * files and sockets, taps, vhost-net, vDPA); what only libvirt can provide
 * is refused (see docs/ARCHITECTURE.md, Profiles).
 */
import { usageError } from '../errors.js';
import { hostNetSide, type TapFds } from './host-net.js';
import type { Profile } from './profile.js';

export interface HostProfileOptions {
  /** libvirt's domain id (the first domain a libvirtd starts gets 1). */
  readonly domainId?: number;
  /** cfg->libDir, where per-domain state lives (qemu.conf default /var/lib/libvirt/qemu). */
  readonly stateDir?: string;
  /** Taps the user opened, by interface alias: one fd per queue. */
  readonly tapFds?: TapFds;
}

export const DEFAULT_HOST_DOMAIN_ID = 1;
export const DEFAULT_STATE_DIR = '/var/lib/libvirt/qemu';
/** The PATH systemd gives system services such as libvirtd, which passes it on. */
const SYSTEMD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function hostProfile(options: HostProfileOptions = {}): Profile {
  const domainId = options.domainId ?? DEFAULT_HOST_DOMAIN_ID;
  if (!Number.isSafeInteger(domainId) || domainId < 0) throw usageError('cli.domain-id', `--domain-id must be a non-negative integer, got '${domainId}'`);
  const stateDir = options.stateDir ?? DEFAULT_STATE_DIR;
  if (!stateDir.startsWith('/')) throw usageError('cli.state-dir', `--state-dir must be an absolute path, got '${stateDir}'`);
  const tapFds = options.tapFds ?? new Map<string, readonly number[]>();
  return {
    name: 'host',
    domainId,
    libDir: stateDir.length > 1 ? stateDir.replace(/\/+$/, '') : stateDir,
    passEnv: [['PATH', SYSTEMD_PATH]],
    isHostCdrom: (path) => /^\/dev\/(cdrom|sr\d+)$/.test(path),
    prepareHost: (prepared) => hostNetSide(prepared, tapFds),
    // libvirt's privileged cfg->stateDir is /run/libvirt/qemu; channel sockets live beneath it, not under libDir.
    channelDir: '/run/libvirt/qemu/channel',
    chardevTlsDir: '/etc/pki/qemu',
    vncListen: '127.0.0.1',
    vncAutoPort: 5900,
    // qemu.conf's defaults: no TLS, no SASL, no password; the first free remote display ports.
    spice: {
      listen: '127.0.0.1',
      tls: false,
      tlsX509Dir: '/etc/pki/qemu',
      sasl: false,
      autoUnixSocket: false,
      hasPassword: false,
      autoPort: 5900,
      autoTlsPort: 5901,
    },
    drmRenderNode: '/dev/dri/renderD128',
    // libvirtd runs as a system service, whose environment has none of PipeWire's variables.
    audioEnv: {},
  };
}
