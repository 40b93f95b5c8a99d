/**
 * Where libvirt's command line depends on the host rather than the domain:
 * the domain id, state directories, and how sockets and taps are handed to
 * QEMU. The `test` profile reproduces libvirt's own test harness, whose
 * output is what libvirt's golden files contain; `host` (host-profile.ts)
 * is what a real start passes.
 */
import type { Prepared } from '../postparse/index.js';
import { TEST_NET_FDS, type NetFdSource } from './net-fds.js';

export const PROFILE_NAMES = ['test', 'host'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** What the host side of one start provides: the interfaces' taps and devices, and what the user must know. */
export interface HostSide {
  readonly netFds: NetFdSource;
  /** Host-side work libvirt would do that this command line leaves to the user. */
  readonly warnings: readonly string[];
}

export interface Profile {
  readonly name: ProfileName;
  /** libvirt's domain id; -1 in the test harness. */
  readonly domainId: number;
  /** Directory under which libvirt keeps per-domain state (cfg->libDir). */
  readonly libDir: string;
  /** Environment libvirt passes through (after LC_ALL=C); the first entry goes before HOME. */
  readonly passEnv: ReadonlyArray<readonly [string, string]>;
  /**
   * File descriptor the monitor's listening socket is passed on. Without one,
   * QEMU creates the socket itself at monitor.sock in the domain's libDir.
   */
  readonly monitorFd?: number;
  /** Whether a block device is a host CD-ROM drive (libvirt asks the host; QEMU then needs host_cdrom). */
  readonly isHostCdrom: (path: string) => boolean;
  /** Opens (on paper) the host side of a start: taps, vhost-net and vDPA devices. May refuse with a usage error. */
  readonly prepareHost: (prepared: Prepared) => HostSide;
  /**
   * Descriptors character devices are passed on: opened files, log files,
   * listening sockets. Without them QEMU opens files and creates sockets by path.
   */
  readonly chardevFds?: { readonly file: number; readonly log: number; readonly socket: number };
  /** cfg->channelTargetDir: where libvirt generates virtio channel sockets that name no path. */
  readonly channelDir: string;
  /** Directory of the TLS credentials of TCP character devices (qemu.conf chardev_tls_x509_cert_dir). */
  readonly chardevTlsDir: string;
  /**
   * File descriptor number of a socket libvirt connects itself and hands over
   * (vhost-user GPU). Without one, such devices cannot be built.
   */
  readonly passedSocketFd?: number;
  /** qemu.conf's vnc_listen: the address a VNC display listens on when the XML gives none. */
  readonly vncListen: string;
  /**
   * The port an autoport VNC display gets. A real start takes the first free
   * port from 5900 up; libvirt's test harness does not allocate and uses 5900.
   */
  readonly vncAutoPort: number;
  /** qemu.conf's SPICE settings (spice_listen, spice_tls, spice_tls_x509_cert_dir, spice_sasl, spice_sasl_dir, spice_auto_unix_socket, spice_password). */
  readonly spice: SpiceHostConfig;
  /** The host's DRM render node, used by OpenGL displays that name none (libvirt's test harness mocks it). */
  readonly drmRenderNode: string;
  /**
   * libvirtd's own environment variables that audio backends pass on to QEMU
   * (PipeWire's PIPEWIRE_CORE, PIPEWIRE_REMOTE and socket directories).
   */
  readonly audioEnv: Readonly<Record<string, string>>;
}

export interface SpiceHostConfig {
  /** spice_listen: the address a SPICE display listens on when the XML gives none. */
  readonly listen: string;
  /** spice_tls: whether TLS ports may be used (and are allocated for autoport). */
  readonly tls: boolean;
  /** spice_tls_x509_cert_dir. */
  readonly tlsX509Dir: string;
  /** spice_sasl, and spice_sasl_dir passed to QEMU as SASL_CONF_PATH. */
  readonly sasl: boolean;
  readonly saslDir?: string;
  /** spice_auto_unix_socket: a display without address listens on a socket in the domain's directory. */
  readonly autoUnixSocket: boolean;
  /** Whether spice_password is set: ticketing then stays on even without a password in the XML. */
  readonly hasPassword: boolean;
  /**
   * The ports an autoport display gets. A real start takes free ports from
   * remote_display_port_min (5900) up; libvirt's test harness does not allocate and uses 5901 and 5902.
   */
  readonly autoPort: number;
  readonly autoTlsPort: number;
}

export const TEST_PROFILE: Profile = {
  name: 'test',
  domainId: -1,
  libDir: '/var/lib/libvirt/qemu',
  passEnv: [
    ['PATH', '/bin'],
    ['USER', 'test'],
    ['LOGNAME', 'test'],
  ],
  monitorFd: 1729,
  // libvirt's test harness mocks /dev/cdrom as the host's CD-ROM drive.
  isHostCdrom: (path) => path === '/dev/cdrom',
  prepareHost: () => ({ netFds: TEST_NET_FDS, warnings: [] }),
  chardevFds: { file: 1750, log: 1751, socket: 1729 },
  // Unseen in the harness's output: it passes those sockets as fds.
  channelDir: '/run/libvirt/qemu/channel',
  chardevTlsDir: '/etc/pki/libvirt-chardev',
  passedSocketFd: 1729,
  vncListen: '127.0.0.1',
  vncAutoPort: 5900,
  // libvirt's test harness sets spice_tls for its SPICE cases and a spice_password for all of them.
  spice: {
    listen: '127.0.0.1',
    tls: true,
    tlsX509Dir: '/etc/pki/libvirt-spice',
    sasl: false,
    saslDir: '/etc/sasl2',
    autoUnixSocket: false,
    hasPassword: true,
    autoPort: 5901,
    autoTlsPort: 5902,
  },
  drmRenderNode: '/dev/dri/foo',
  // libvirt's test harness runs every PipeWire case with this socket directory in its environment.
  audioEnv: { PIPEWIRE_RUNTIME_DIR: '/run/user/1000' },
};

/** libvirt's priv->libDir for a domain: <libDir>/domain-<id>-<short name>. */
export function domainLibDir(profile: Profile, name: string): string {
  return `${profile.libDir}/domain-${profile.domainId}-${shortName(name)}`;
}

/** libvirt's priv->channelTargetDir: <channelDir>/<id>-<short name>. */
export function domainChannelDir(profile: Profile, name: string): string {
  return `${profile.channelDir}/${profile.domainId}-${shortName(name)}`;
}

/**
 * libvirt's virDomainDefGetShortName as its test harness runs it (C locale):
 * the first 20 bytes of the name.
 */
export function shortName(name: string): string {
  const bytes = Buffer.from(name, 'utf8');
  return bytes.length <= 20 ? name : bytes.subarray(0, 20).toString('latin1');
}
