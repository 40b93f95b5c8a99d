/** <graphics>: libvirt's virDomainGraphicsDefParseXML for VNC, SPICE, SDL and egl-headless. */
import { internalError, unsupported, xmlError } from '../../errors.js';
import type { Graphics, GraphicsListen, SdlGraphics, SpiceGraphics, VncGraphics } from '../../model/graphics.js';
import type { El } from '../xml.js';
import { parseSpice } from './graphics-spice.js';

const GRAPHICS_TYPES = ['sdl', 'vnc', 'rdp', 'desktop', 'spice', 'egl-headless', 'dbus'] as const;

export function parseGraphics(el: El): Graphics {
  const type = el.requiredEnumAttr('type', GRAPHICS_TYPES);
  let g: Graphics;
  switch (type) {
    case 'vnc':
      g = parseVnc(el);
      break;
    case 'sdl':
      g = parseSdl(el);
      break;
    case 'spice':
      g = parseSpice(el);
      break;
    case 'egl-headless': {
      const gl = el.child('gl');
      const rendernode = gl?.attr('rendernode');
      gl?.finish();
      g = rendernode !== undefined ? { type, rendernode } : { type };
      break;
    }
    default:
      throw unsupported('parse.graphics-type', `graphics type '${type}' is not supported by teamctl yet`);
  }
  el.finish();
  return g;
}

function parseVnc(el: El): VncGraphics {
  const listens = parseListens(el, 'vnc');
  const portRaw = el.attr('port');
  let port: number | undefined;
  let autoport = false;
  if (portRaw !== undefined) {
    if (!/^\s*[+-]?[0-9]+$/.test(portRaw) || !Number.isSafeInteger(Number(portRaw))) {
      throw internalError('parse.vnc-port', `cannot parse vnc port ${portRaw}`);
    }
    port = Number(portRaw);
    // Legacy syntax: port='-1' means autoport.
    if (port === -1) {
      port = 0;
      autoport = true;
    }
  } else {
    port = 0;
    autoport = true;
  }
  const autoportRaw = el.attr('autoport');
  // libvirt ignores an autoport value that is neither yes nor no.
  if (autoportRaw === 'yes' || autoportRaw === 'no') autoport = autoportRaw === 'yes';
  if (autoport) port = 0;

  const vnc: VncGraphics = { type: 'vnc', autoport, listens };
  if (port !== 0) vnc.port = port;
  const websocket = intAttr(el, 'websocket');
  if (websocket !== undefined && websocket !== 0) vnc.websocket = websocket;
  const share = el.enumAttr('sharePolicy', ['default', 'allow-exclusive', 'force-shared', 'ignore'] as const);
  if (share !== undefined && share !== 'default') vnc.sharePolicy = share;
  const powerControl = el.yesNoAttr('powerControl');
  if (powerControl !== undefined) vnc.powerControl = powerControl;
  const keymap = el.attr('keymap');
  if (keymap !== undefined) vnc.keymap = keymap;
  const audio = el.child('audio');
  if (audio) {
    const id = audio.uintAttr('id', { nonZero: true });
    if (id === undefined) throw xmlError('xml.attr-missing', `Missing required attribute 'id' in element 'audio'`);
    audio.finish();
    vnc.audioId = id;
  }
  const passwd = el.attr('passwd');
  if (passwd !== undefined) {
    vnc.passwd = passwd;
    parsePasswordTerms(el, vnc);
    if (vnc.connected !== undefined && vnc.connected !== 'keep') throw unsupported('parse.vnc-connected', "VNC supports connected='keep' only");
  }
  return vnc;
}

/**
 * virDomainGraphicsAuthDefParseXML: what goes with a password. Expiry and the
 * fate of connected clients are set over QMP after start, so they never reach
 * the command line; they are kept for xml2xml.
 */
export function parsePasswordTerms(el: El, g: VncGraphics | SpiceGraphics): void {
  const username = el.attr('username');
  if (username !== undefined) g.username = username;
  const validTo = el.attr('passwdValidTo');
  if (validTo !== undefined) {
    const m = /^\s*([+-]?\d+)-\s*([+-]?\d+)-\s*([+-]?\d+)T\s*([+-]?\d+):\s*([+-]?\d+):\s*([+-]?\d+)$/.exec(validTo);
    if (!m) {
      throw internalError('parse.vnc-passwd-valid-to', `cannot parse password validity time '${validTo}', expect YYYY-MM-DDTHH:MM:SS`);
    }
    g.passwdValidTo = utcTimestamp(m.slice(1).map(Number) as [number, number, number, number, number, number]);
  }
  const connected = el.attr('connected');
  if (connected !== undefined) {
    if (connected !== 'fail' && connected !== 'disconnect' && connected !== 'keep') {
      throw unsupported('parse.graphics-connected', `unknown connected value ${connected}`);
    }
    g.connected = connected;
  }
}

/**
 * libvirt turns the validity time into seconds since the epoch and prints it
 * back as YYYY-MM-DDTHH:MM:SS; a date glib refuses becomes the epoch itself.
 */
function utcTimestamp([year, mon, day, hour, min, sec]: [number, number, number, number, number, number]): string {
  const daysInMonth = mon >= 1 && mon <= 12 ? new Date(Date.UTC(year, mon, 0)).getUTCDate() : 0;
  const valid = year >= 1 && year <= 9999 && day >= 1 && day <= daysInMonth && hour >= 0 && hour < 24 && min >= 0 && min < 60 && sec >= 0 && sec < 60;
  const t = new Date(0);
  if (valid) {
    t.setUTCFullYear(year, mon - 1, day);
    t.setUTCHours(hour, min, sec, 0);
  }
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}T${pad(t.getUTCHours(), 2)}:${pad(t.getUTCMinutes(), 2)}:${pad(t.getUTCSeconds(), 2)}`;
}

/** virXMLPropInt with base 10. */
export function intAttr(el: El, name: string): number | undefined {
  const v = el.attr(name);
  if (v === undefined) return undefined;
  if (!/^\s*[+-]?[0-9]+$/.test(v) || !Number.isSafeInteger(Number(v)) || Math.abs(Number(v)) > 0x7fffffff) {
    throw xmlError('xml.attr-invalid', `Invalid value for attribute '${name}' in element '${el.name}': '${v}'. Expected integer value`);
  }
  return Number(v);
}

/** virDomainGraphicsListensParseXML: <listen> children plus the legacy listen= (and, for VNC, socket=) attributes. */
export function parseListens(el: El, type: 'vnc' | 'spice'): GraphicsListen[] {
  const listenCompat = el.attr('listen');
  const socketCompat = type === 'vnc' ? el.attr('socket') : undefined;
  const listens = el.children('listen').map((l, i) => parseListen(l, i === 0 ? { listen: listenCompat, socket: socketCompat } : {}));
  const fromParent: GraphicsListen =
    socketCompat !== undefined
      ? { type: 'socket', socket: socketCompat }
      : listenCompat !== undefined && listenCompat !== ''
        ? { type: 'address', address: listenCompat }
        : { type: 'address' };
  if (listens.length === 0) return [fromParent];
  const first = listens[0]!;
  if ((first.type === 'address' || first.type === 'network') && fromParent.type === 'socket') listens[0] = fromParent;
  return listens;
}

function parseListen(el: El, compat: { listen?: string | undefined; socket?: string | undefined }): GraphicsListen {
  const type = el.requiredEnumAttr('type', ['none', 'address', 'network', 'socket'] as const);
  let address = el.attr('address');
  const network = el.attr('network');
  let socket = el.attr('socket');
  el.finish();
  if (type === 'address') {
    if (address !== undefined && compat.listen !== undefined && address !== compat.listen) {
      throw unsupported(
        'parse.graphics-listen-mismatch',
        `graphics 'listen' attribute '${compat.listen}' must match 'address' attribute of first listen element (found '${address}')`,
      );
    }
    address ??= compat.listen;
  }
  if (type === 'socket') {
    if (socket !== undefined && compat.socket !== undefined && socket !== compat.socket) {
      throw unsupported(
        'parse.graphics-socket-mismatch',
        `graphics 'socket' attribute '${compat.socket}' must match 'socket' attribute of first listen element (found '${socket}')`,
      );
    }
    socket ??= compat.socket;
  }
  if (network !== undefined && network !== '' && type !== 'network') {
    throw xmlError('xml.listen-network', `'network' attribute is valid only for listen type 'network'`);
  }
  if (socket !== undefined && socket !== '' && type !== 'socket') {
    throw xmlError('xml.listen-socket', `'socket' attribute is valid only for listen type 'socket'`);
  }
  const hasAddress = address !== undefined && address !== '';
  switch (type) {
    case 'none':
      return { type };
    case 'address':
      return hasAddress ? { type, address: address! } : { type };
    case 'network':
      // An inactive definition never keeps the address a network resolved to.
      return network !== undefined && network !== '' ? { type, network } : { type };
    case 'socket':
      return socket !== undefined && socket !== '' ? { type, socket } : { type };
  }
}

function parseSdl(el: El): SdlGraphics {
  const sdl: SdlGraphics = { type: 'sdl' };
  const fullscreen = el.yesNoAttr('fullscreen');
  if (fullscreen !== undefined) sdl.fullscreen = fullscreen;
  const xauth = el.attr('xauth');
  if (xauth !== undefined) sdl.xauth = xauth;
  const display = el.attr('display');
  if (display !== undefined) sdl.display = display;
  const gl = el.child('gl');
  if (gl) {
    const enable = gl.yesNoAttr('enable');
    if (enable === undefined) throw xmlError('xml.attr-missing', `Missing required attribute 'enable' in element 'gl'`);
    gl.finish();
    sdl.gl = enable;
  }
  return sdl;
}
