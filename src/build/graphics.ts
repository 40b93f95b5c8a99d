/**
 * Graphics (libvirt's qemuBuildGraphicsCommandLine): -vnc with its listen
 * address, socket or 'none', and SDL's -display. Listen defaults are what
 * qemuProcessGraphicsSetupListen fills in at start, from qemu.conf.
 */
import { internalError, unsupported } from '../errors.js';
import type { Audio } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import type { GraphicsListen, SdlGraphics, VncGraphics } from '../model/graphics.js';
import type { CommandBuilder } from '../render/command.js';
import { escapeComma } from '../render/serialize.js';
import { domainLibDir, type Profile } from './profile.js';

export function buildGraphics(cmd: CommandBuilder, d: Domain, profile: Profile): void {
  for (const g of d.devices.graphics) {
    switch (g.type) {
      case 'vnc':
        cmd.arg('-vnc', vncOption(d, g, profile));
        if (g.keymap !== undefined) cmd.arg('-k', g.keymap);
        break;
      case 'sdl':
        buildSdl(cmd, g);
        break;
    }
  }
}

/** libvirt's qemuGetAudioIDString: the audio backend with this id, or the first one for id 0. */
export function audioIdString(d: Domain, id: number | undefined): string {
  const audios = d.devices.audios;
  const audio: Audio | undefined = id === undefined || id === 0 ? audios[0] : audios.find((a) => a.id === id);
  if (!audio) throw internalError('build.audio-id', 'unable to find audio backend for sound device');
  return `audio${audio.id}`;
}

/** The first listen after qemuProcessGraphicsSetupListen, as the -vnc builder sees it. */
function effectiveListen(d: Domain, listen: GraphicsListen | undefined, profile: Profile): GraphicsListen {
  if (!listen) throw internalError('build.vnc-listen', 'missing listen element');
  switch (listen.type) {
    case 'address':
      return { type: 'address', address: listen.address ?? profile.vncListen };
    case 'network':
      if (listen.address !== undefined) return listen;
      if (listen.network === undefined) return { type: 'network', address: profile.vncListen };
      throw unsupported(
        'build.vnc-listen-network',
        `VNC listen type 'network' needs the address of network '${listen.network}', which teamctl does not look up yet`,
      );
    case 'socket':
      return { type: 'socket', socket: listen.socket ?? `${domainLibDir(profile, d.name)}/vnc.sock` };
    case 'none':
      return listen;
  }
}

function vncOption(d: Domain, g: VncGraphics, profile: Profile): string {
  const audioId = audioIdString(d, g.audioId);
  const listen = effectiveListen(d, g.listens[0], profile);
  let opt = '';
  switch (listen.type) {
    case 'socket':
      opt += `vnc=unix:${escapeComma(listen.socket!)}`;
      break;
    case 'address':
    case 'network': {
      const port = g.autoport ? profile.vncAutoPort : (g.port ?? 0);
      if (!g.autoport && (port < 5900 || port > 65535)) throw unsupported('build.vnc-port', 'vnc port must be in range [5900,65535]');
      const address = listen.address;
      if (address !== undefined) opt += address.includes(':') ? `[${address}]` : address;
      opt += `:${port - 5900}`;
      if (g.websocket !== undefined) opt += `,websocket=${g.websocket}`;
      break;
    }
    case 'none':
      opt += 'none';
      break;
  }
  if (g.sharePolicy !== undefined) opt += `,share=${g.sharePolicy}`;
  if (g.passwd !== undefined) opt += ',password=on';
  if (g.powerControl !== undefined) opt += `,power-control=${g.powerControl ? 'on' : 'off'}`;
  opt += `,audiodev=${audioId}`;
  return opt;
}

function buildSdl(cmd: CommandBuilder, g: SdlGraphics): void {
  if (g.xauth !== undefined) cmd.env('XAUTHORITY', g.xauth);
  if (g.display !== undefined) cmd.env('DISPLAY', g.display);
  if (g.fullscreen) cmd.arg('-full-screen');
  cmd.arg('-display', g.gl !== undefined ? `sdl,gl=${g.gl ? 'on' : 'off'}` : 'sdl');
}
