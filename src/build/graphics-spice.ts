/**
 * -spice (libvirt's qemuBuildGraphicsSPICECommandLine), after what a start
 * fills in: the listen address or socket from qemu.conf
 * (qemuProcessGraphicsSetupListen), automatic ports
 * (qemuProcessSPICEAllocatePorts) and the render node of OpenGL.
 */
import type { Caps } from '../caps/caps.js';
import { internalError, unsupported } from '../errors.js';
import type { Domain } from '../model/domain.js';
import { SPICE_CHANNEL_NAMES, type GraphicsListen, type SpiceGraphics } from '../model/graphics.js';
import type { CommandBuilder } from '../render/command.js';
import { escapeComma } from '../render/serialize.js';
import { domainLibDir, type Profile } from './profile.js';

export function buildSpice(cmd: CommandBuilder, d: Domain, g: SpiceGraphics, caps: Caps, profile: Profile): void {
  const cfg = profile.spice;
  const first = g.listens[0];
  if (!first) throw internalError('build.spice-listen', 'missing listen element');
  // qemuValidateDomainDeviceDefSPICEGraphics: checked against qemu.conf, so here where host facts are known.
  if ((first.type === 'address' || first.type === 'network') && g.tlsPort > 0 && !cfg.tls) {
    throw unsupported('build.spice-tls', 'spice TLS port set in XML configuration, but TLS is disabled in qemu.conf');
  }
  const listen = effectiveListen(d, first, profile);
  const { port, tlsPort } = listen.type === 'address' || listen.type === 'network' ? allocatePorts(g, profile) : g;

  const opts: string[] = [];
  let hasSecure = false;
  let hasInsecure = false;
  switch (listen.type) {
    case 'socket':
      opts.push('unix=on', `addr=${escapeComma(listen.socket!)}`);
      hasInsecure = true;
      break;
    case 'address':
    case 'network':
      if (port > 0) {
        opts.push(`port=${port}`);
        hasInsecure = true;
      }
      if (tlsPort > 0) {
        opts.push(`tls-port=${tlsPort}`);
        hasSecure = true;
      }
      if ((port > 0 || tlsPort > 0) && listen.address !== undefined) opts.push(`addr=${listen.address}`);
      break;
    case 'none':
      // QEMU needs a port or a TLS port when nothing else is given.
      opts.push('port=0');
      hasInsecure = true;
      break;
  }
  if (cfg.sasl) {
    opts.push('sasl=on');
    if (cfg.saslDir !== undefined) cmd.env('SASL_CONF_PATH', cfg.saslDir);
  }
  if (g.mouse !== undefined) opts.push(`agent-mouse=${g.mouse === 'client' ? 'on' : 'off'}`);
  // A password is set over the monitor after start; without one (here or in qemu.conf) there is no ticket.
  if (g.passwd === undefined && !cfg.hasPassword) opts.push('disable-ticketing=on');
  if (hasSecure) opts.push(`x509-dir=${escapeComma(cfg.tlsX509Dir)}`);
  switch (g.defaultMode) {
    case 'secure':
      if (!hasSecure) {
        throw unsupported('build.spice-default-secure', 'spice defaultMode secure requested in XML configuration, but TLS connection is not available');
      }
      opts.push('tls-channel=default');
      break;
    case 'insecure':
      if (!hasInsecure) {
        throw unsupported('build.spice-default-insecure', 'spice defaultMode insecure requested in XML configuration, but plaintext connection is not available');
      }
      opts.push('plaintext-channel=default');
      break;
    case undefined:
      break;
  }
  for (const name of SPICE_CHANNEL_NAMES) {
    switch (g.channels[name]) {
      case 'secure':
        if (!hasSecure) throw unsupported('build.spice-channel-secure', 'spice secure channels set in XML configuration, but TLS connection is not available');
        opts.push(`tls-channel=${name}`);
        break;
      case 'insecure':
        if (!hasInsecure) {
          throw unsupported('build.spice-channel-insecure', 'spice insecure channels set in XML configuration, but plaintext connection is not available');
        }
        opts.push(`plaintext-channel=${name}`);
        break;
      case undefined:
        break;
    }
  }
  if (g.image !== undefined) opts.push(`image-compression=${g.image}`);
  if (g.jpeg !== undefined) opts.push(`jpeg-wan-compression=${g.jpeg}`);
  if (g.zlib !== undefined) opts.push(`zlib-glz-wan-compression=${g.zlib}`);
  if (g.playback !== undefined) opts.push(`playback-compression=${g.playback ? 'on' : 'off'}`);
  if (g.streaming !== undefined) opts.push(`streaming-video=${g.streaming}`);
  if (g.clipboard === false) opts.push('disable-copy-paste=on');
  if (g.filetransfer === false) opts.push('disable-agent-file-xfer=on');
  if (g.gl === true) {
    opts.push('gl=on');
    // Without QEMU support for choosing a render node, libvirt does not pick one either.
    const node = g.rendernode ?? (caps.has('spice-rendernode') ? profile.drmRenderNode : undefined);
    if (node !== undefined) opts.push(`rendernode=${escapeComma(node)}`);
  }
  // libvirt always offers seamless migration; an older destination falls back silently.
  opts.push('seamless-migration=on');
  cmd.arg('-spice', opts.join(','));
  if (g.keymap !== undefined) cmd.arg('-k', g.keymap);
}

/** The first listen after qemuProcessGraphicsSetupListen. */
function effectiveListen(d: Domain, listen: GraphicsListen, profile: Profile): GraphicsListen {
  switch (listen.type) {
    case 'address':
      if (listen.address !== undefined) return listen;
      if (profile.spice.autoUnixSocket) return { type: 'socket', socket: `${domainLibDir(profile, d.name)}/spice.sock` };
      return { type: 'address', address: profile.spice.listen };
    case 'network':
      if (listen.address !== undefined) return listen;
      throw unsupported(
        'build.spice-listen-network',
        `SPICE listen type 'network' needs the address of network '${listen.network ?? ''}', which teamctl does not look up yet`,
      );
    case 'socket':
      return { type: 'socket', socket: listen.socket ?? `${domainLibDir(profile, d.name)}/spice.sock` };
    case 'none':
      return listen;
  }
}

/** qemuProcessSPICEAllocatePorts: which ports an autoport display needs, and -1 ports. */
function allocatePorts(g: SpiceGraphics, profile: Profile): { port: number; tlsPort: number } {
  let needPort = false;
  let needTlsPort = false;
  if (g.autoport) {
    for (const mode of Object.values(g.channels)) {
      if (mode === 'secure') needTlsPort = true;
      else needPort = true;
    }
    switch (g.defaultMode) {
      case 'secure':
        needTlsPort = true;
        break;
      case 'insecure':
        needPort = true;
        break;
      case undefined:
        if (profile.spice.tls) needTlsPort = true;
        needPort = true;
        break;
    }
  }
  let { port, tlsPort } = g;
  if (needPort || port === -1) port = profile.spice.autoPort;
  if (needTlsPort || tlsPort === -1) {
    if (!profile.spice.tls) {
      throw unsupported('build.spice-tls-auto', 'Auto allocation of spice TLS port requested but spice TLS is disabled in qemu.conf');
    }
    tlsPort = profile.spice.autoTlsPort;
  }
  return { port, tlsPort };
}
