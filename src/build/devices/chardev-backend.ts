/**
 * The host side of character devices: the descriptors libvirt opens for them
 * before QEMU starts (qemuProcessPrepareHostBackendChardev) and the
 * `-chardev` option (qemuBuildChardevCommand, qemuChardevGetBackendProps).
 * `-chardev` is always in QEMU's key=value syntax: QEMU does not take JSON
 * there.
 */
import type { Caps } from '../../caps/caps.js';
import { unsupported } from '../../errors.js';
import type { ChannelDef, ChrReconnect, ChrSource } from '../../model/chardev.js';
import type { Domain } from '../../model/domain.js';
import { allDevices } from '../../postparse/devices.js';
import type { CommandBuilder } from '../../render/command.js';
import { Props } from '../../render/props.js';
import { toKeyValue } from '../../render/serialize.js';
import { addFdArg, fdSetPath, type FdPass, type FdSets } from '../fdsets.js';
import { domainChannelDir, type Profile } from '../profile.js';

/** What libvirt opened for one chardev source. */
export interface ChrHostFds {
  /** The opened output file (type='file'). */
  readonly source?: FdPass;
  /** The opened log file (<log file=…>). */
  readonly log?: FdPass;
  /** The listening socket libvirt created (type='unix' mode='bind'). */
  readonly socketFd?: number;
  /** The socket path libvirt generates for a virtio channel that names none (qemuDomainPrepareChannel). */
  readonly socketPath?: string;
}

export type ChardevFds = ReadonlyMap<ChrSource, ChrHostFds>;

export interface ChardevContext {
  readonly caps: Caps;
  readonly profile: Profile;
  readonly fds: ChardevFds;
}

/**
 * Opens (on paper) what each chardev needs, in libvirt's device order, so
 * fd set numbers come out as libvirt's. The first console is skipped when
 * it only stands for serials[0].
 */
export function prepareChardevFds(d: Domain, fdsets: FdSets, profile: Profile): ChardevFds {
  const out = new Map<ChrSource, ChrHostFds>();
  for (const ref of allDevices(d)) {
    let src: ChrSource | undefined;
    if (ref.kind === 'chr') src = ref.dev.source;
    else if (ref.kind === 'rng' && ref.dev.backend.model === 'egd') src = ref.dev.backend.source;
    if (!src) continue;
    const alias = ref.info.alias ?? '';
    const passed = profile.chardevFds;
    if (passed === undefined) {
      // QEMU opens files and creates sockets by path.
      if (ref.kind === 'chr' && ref.dev.deviceType === 'channel') {
        const socketPath = generatedChannelPath(d, ref.dev, profile);
        if (socketPath !== undefined) out.set(src, { socketPath });
      }
      continue;
    }
    let fds: ChrHostFds = {};
    if (src.type === 'file') fds = { source: fdsets.add(passed.file, `${alias}-source`) };
    else if (src.type === 'unix' && src.mode === 'bind') fds = { socketFd: passed.socket };
    if (src.log?.file !== undefined) fds = { ...fds, log: fdsets.add(passed.log, `${alias}-log`) };
    out.set(src, fds);
  }
  return out;
}

/** A virtio channel's unix socket without a path goes in the domain's channel directory, named for its target or address. */
function generatedChannelPath(d: Domain, c: ChannelDef, profile: Profile): string | undefined {
  if (c.target.type !== 'virtio' || c.source.type !== 'unix' || c.source.path !== undefined) return undefined;
  const dir = domainChannelDir(profile, d.name);
  if (c.target.name !== undefined) return `${dir}/${c.target.name}`;
  const a = c.info.address;
  if (a?.type !== 'virtio-serial') return undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${dir}/vioser-${two(a.controller)}-${two(a.bus)}-${two(a.port)}.sock`;
}

/** reconnect=N seconds, or reconnect-ms with QEMUs that take milliseconds. */
function reconnectProps(p: Props, r: ChrReconnect | undefined, caps: Caps): void {
  let seconds: number | undefined;
  if (r?.enabled === true) seconds = r.timeout ?? 0;
  else if (r?.enabled === false) seconds = 0;
  if (seconds === undefined) return;
  if (caps.has('chardev-reconnect-miliseconds')) p.set('reconnect-ms', seconds * 1000);
  else p.set('reconnect', seconds);
}

function backendProps(src: ChrSource, charAlias: string, fds: ChrHostFds, ctx: ChardevContext): { backend: string; props: Props } {
  const p = new Props();
  let backend: string;
  switch (src.type) {
    case 'null':
    case 'vc':
    case 'pty':
    case 'stdio':
      backend = src.type;
      break;
    case 'file':
      backend = 'file';
      if (fds.source) p.set('path', fdSetPath(fds.source)).set('append', true);
      else p.set('path', src.path ?? '').tristate('append', src.append);
      break;
    case 'pipe':
    case 'dev':
      backend = src.type === 'pipe' ? 'pipe' : charAlias.startsWith('charparallel') ? 'parallel' : 'serial';
      p.set('path', src.path ?? '');
      break;
    case 'unix':
      backend = 'socket';
      if (fds.socketFd !== undefined) {
        p.set('fd', String(fds.socketFd));
      } else {
        p.set('path', src.path ?? fds.socketPath ?? '');
      }
      p.tristate('server', src.mode === 'bind' ? true : undefined);
      // libvirt only makes QEMU wait for vhost-user network sockets.
      p.tristate('wait', src.mode === 'bind' ? false : undefined);
      if (fds.socketFd === undefined) reconnectProps(p, src.reconnect, ctx.caps);
      break;
    case 'tcp':
      backend = 'socket';
      p.set('host', src.host ?? '').set('port', src.service ?? '');
      p.tristate('telnet', src.protocol === 'telnet' ? true : undefined);
      p.tristate('server', src.mode === 'bind' ? true : undefined);
      p.tristate('wait', src.mode === 'bind' ? false : undefined);
      reconnectProps(p, src.reconnect, ctx.caps);
      if (src.tls === true) p.set('tls-creds', tlsObjectAlias(charAlias));
      break;
    case 'udp':
      backend = 'udp';
      p.set('host', src.connectHost ?? '').set('port', src.connectService ?? '');
      p.set('localaddr', src.bindHost ?? '').set('localport', src.bindService ?? '0');
      break;
    case 'spicevmc':
      // Character devices only carry the SPICE agent (smartcards and USB redirection have their own devices).
      backend = 'spicevmc';
      p.set('name', 'vdagent');
      break;
    case 'spiceport':
      backend = 'spiceport';
      p.set('name', src.channel ?? '');
      break;
    case 'qemu-vdagent':
      backend = 'qemu-vdagent';
      p.set('name', 'vdagent');
      p.tristate('clipboard', src.clipboard);
      p.tristate('mouse', src.mouse === undefined ? undefined : src.mouse === 'client');
      break;
  }
  if (src.log?.file !== undefined) {
    if (fds.log) p.set('logfile', fdSetPath(fds.log)).set('logappend', true);
    else p.set('logfile', src.log.file).tristate('logappend', src.log.append);
  }
  return { backend, props: p };
}

/** libvirt's qemuAliasTLSObjFromSrcAlias. */
function tlsObjectAlias(charAlias: string): string {
  return `obj${charAlias}_tls0`;
}

/** The TLS credentials object of a TCP chardev (qemuBuildTLSx509BackendProps). */
function buildTlsObject(cmd: CommandBuilder, src: ChrSource, charAlias: string, ctx: ChardevContext): void {
  if (src.type !== 'tcp' || src.tls !== true) return;
  if (src.mode === 'bind') {
    // Whether a listening chardev verifies its clients is host configuration (qemu.conf).
    throw unsupported('build.chardev-tls-server', 'TLS on a listening (mode=bind) tcp character device is not supported by teamctl yet');
  }
  const props = new Props()
    .set('qom-type', 'tls-creds-x509')
    .set('id', tlsObjectAlias(charAlias))
    .set('dir', ctx.profile.chardevTlsDir)
    .set('endpoint', 'client')
    .set('verify-peer', true);
  cmd.props('-object', 'object', props);
}

/** `-add-fd …` for opened files, then `-chardev BACKEND,id=ALIAS,…`. */
export function buildChardev(cmd: CommandBuilder, src: ChrSource, charAlias: string, ctx: ChardevContext): void {
  const fds = ctx.fds.get(src) ?? {};
  buildTlsObject(cmd, src, charAlias, ctx);
  if (fds.source) cmd.arg('-add-fd', addFdArg(fds.source));
  if (fds.log) cmd.arg('-add-fd', addFdArg(fds.log));
  const { backend, props } = backendProps(src, charAlias, fds, ctx);
  const rest = toKeyValue(props, undefined, 'none');
  cmd.arg('-chardev', rest ? `${backend},id=${charAlias},${rest}` : `${backend},id=${charAlias}`);
}

/** libvirt's qemuAliasChardevFromDevAlias. */
export function chardevAlias(deviceAlias: string): string {
  return `char${deviceAlias}`;
}
