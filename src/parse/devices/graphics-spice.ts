/** <graphics type='spice'>: libvirt's virDomainGraphicsDefParseXMLSpice. */
import { SPICE_CHANNEL_NAMES, type SpiceGraphics } from '../../model/graphics.js';
import type { El } from '../xml.js';
import { intAttr, parseListens, parsePasswordTerms } from './graphics.js';

const CHANNEL_MODES = ['any', 'secure', 'insecure'] as const;

export function parseSpice(el: El): SpiceGraphics {
  const listens = parseListens(el, 'spice');
  let port = intAttr(el, 'port') ?? 0;
  let tlsPort = intAttr(el, 'tlsPort') ?? 0;
  let autoport = el.yesNoAttr('autoport') ?? false;
  const defaultMode = el.enumAttr('defaultMode', CHANNEL_MODES);
  // Legacy syntax: both ports -1 means autoport.
  if (port === -1 && tlsPort === -1) autoport = true;
  // An inactive definition keeps no automatic port.
  if (autoport) {
    port = 0;
    tlsPort = 0;
  }
  const g: SpiceGraphics = { type: 'spice', port, tlsPort, autoport, channels: {}, listens };
  if (defaultMode !== undefined && defaultMode !== 'any') g.defaultMode = defaultMode;
  const keymap = el.attr('keymap');
  if (keymap !== undefined) g.keymap = keymap;
  const passwd = el.attr('passwd');
  if (passwd !== undefined) {
    g.passwd = passwd;
    parsePasswordTerms(el, g);
  }

  for (const ch of el.children('channel')) {
    const name = ch.requiredEnumAttr('name', SPICE_CHANNEL_NAMES);
    const mode = ch.requiredEnumAttr('mode', CHANNEL_MODES);
    ch.finish();
    // A later <channel> for the same name wins, as in libvirt's array.
    if (mode === 'any') delete g.channels[name];
    else g.channels[name] = mode;
  }

  const image = requiredChildEnum(el, 'image', 'compression', ['auto_glz', 'auto_lz', 'quic', 'glz', 'lz', 'off'] as const);
  if (image !== undefined) g.image = image;
  const jpeg = requiredChildEnum(el, 'jpeg', 'compression', ['auto', 'never', 'always'] as const);
  if (jpeg !== undefined) g.jpeg = jpeg;
  const zlib = requiredChildEnum(el, 'zlib', 'compression', ['auto', 'never', 'always'] as const);
  if (zlib !== undefined) g.zlib = zlib;
  const playback = requiredChildEnum(el, 'playback', 'compression', ['on', 'off'] as const);
  if (playback !== undefined) g.playback = playback === 'on';
  const streaming = requiredChildEnum(el, 'streaming', 'mode', ['filter', 'all', 'off'] as const);
  if (streaming !== undefined) g.streaming = streaming;
  const clipboard = requiredChildEnum(el, 'clipboard', 'copypaste', ['yes', 'no'] as const);
  if (clipboard !== undefined) g.clipboard = clipboard === 'yes';
  const filetransfer = requiredChildEnum(el, 'filetransfer', 'enable', ['yes', 'no'] as const);
  if (filetransfer !== undefined) g.filetransfer = filetransfer === 'yes';
  const gl = el.child('gl');
  if (gl) {
    const rendernode = gl.attr('rendernode');
    if (rendernode !== undefined) g.rendernode = rendernode;
    g.gl = gl.requiredEnumAttr('enable', ['yes', 'no'] as const) === 'yes';
    gl.finish();
  }
  const mouse = requiredChildEnum(el, 'mouse', 'mode', ['server', 'client'] as const);
  if (mouse !== undefined) g.mouse = mouse;
  return g;
}

/** The first <name> child's required enumerated attribute (libvirt ignores further ones). */
function requiredChildEnum<T extends string>(el: El, name: string, attr: string, values: readonly T[]): T | undefined {
  const c = el.child(name);
  if (!c) return undefined;
  const v = c.requiredEnumAttr(attr, values);
  c.finish();
  return v;
}
