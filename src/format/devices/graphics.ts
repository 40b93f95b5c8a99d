/** <graphics> (libvirt's virDomainGraphicsDefFormat) for an inactive definition. */
import { SPICE_CHANNEL_NAMES, type Graphics, type GraphicsListen, type SpiceGraphics, type VncGraphics } from '../../model/graphics.js';
import type { DeviceFormatter } from '../context.js';
import type { Attr } from '../xml-writer.js';

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

export const formatGraphics: DeviceFormatter<Graphics> = (w, g) => {
  switch (g.type) {
    case 'vnc':
      w.element('graphics', [['type', 'vnc'], ...vncAttrs(g)], (c) => {
        for (const l of g.listens) c.element('listen', listenAttrs(l));
        if (g.audioId) c.element('audio', [['id', g.audioId]]);
      });
      return;
    case 'sdl':
      w.element(
        'graphics',
        [['type', 'sdl'], ['display', g.display], ['xauth', g.xauth], ['fullscreen', g.fullscreen ? 'yes' : undefined]],
        (c) => c.optionalElement('gl', [['enable', g.gl === undefined ? undefined : yesNo(g.gl)]]),
      );
      return;
    case 'egl-headless':
      w.element('graphics', [['type', 'egl-headless']], (c) => c.optionalElement('gl', [['rendernode', g.rendernode]]));
      return;
    case 'spice':
      w.element('graphics', [['type', 'spice'], ...spiceAttrs(g)], (c) => {
        for (const l of g.listens) c.element('listen', listenAttrs(l));
        for (const name of SPICE_CHANNEL_NAMES) {
          const mode = g.channels[name];
          if (mode !== undefined) c.element('channel', [['name', name], ['mode', mode]]);
        }
        c.optionalElement('image', [['compression', g.image]]);
        c.optionalElement('jpeg', [['compression', g.jpeg]]);
        c.optionalElement('zlib', [['compression', g.zlib]]);
        c.optionalElement('playback', [['compression', g.playback === undefined ? undefined : g.playback ? 'on' : 'off']]);
        c.optionalElement('streaming', [['mode', g.streaming]]);
        c.optionalElement('mouse', [['mode', g.mouse]]);
        c.optionalElement('clipboard', [['copypaste', g.clipboard === undefined ? undefined : yesNo(g.clipboard)]]);
        c.optionalElement('filetransfer', [['enable', g.filetransfer === undefined ? undefined : yesNo(g.filetransfer)]]);
        c.optionalElement('gl', [['enable', g.gl === undefined ? undefined : yesNo(g.gl)], ['rendernode', g.rendernode]]);
      });
      return;
  }
};

/** virDomainGraphicsDefFormatSpice's attributes for an inactive definition. */
function spiceAttrs(g: SpiceGraphics): Attr[] {
  const attrs: Attr[] = [];
  const first = g.listens[0];
  if (first?.type === 'address' || first?.type === 'network') {
    attrs.push(['port', g.port || undefined], ['tlsPort', g.tlsPort || undefined], ['autoport', yesNo(g.autoport)]);
    // The legacy listen= mirrors the first listen's address (a network's address is only known while running).
    if (first.type === 'address') attrs.push(['listen', first.address]);
  }
  attrs.push(['keymap', g.keymap], ['defaultMode', g.defaultMode]);
  if (g.passwd !== undefined) attrs.push(...passwordAttrs(g));
  return attrs;
}

/** virDomainGraphicsAuthDefFormatAttr, with the password shown as libvirt's tests (and `virsh dumpxml --security-info`) show it. */
function passwordAttrs(g: VncGraphics | SpiceGraphics): Attr[] {
  return [['username', g.username], ['passwd', g.passwd], ['passwdValidTo', g.passwdValidTo], ['connected', g.connected]];
}

function vncAttrs(g: VncGraphics): Attr[] {
  const attrs: Attr[] = [];
  const first = g.listens[0];
  if (first?.type === 'socket') {
    attrs.push(['socket', first.socket]);
  } else if (first?.type === 'address' || first?.type === 'network') {
    // An inactive definition shows an automatic port as -1, whatever port it last had.
    attrs.push(['port', g.autoport ? -1 : g.port || undefined], ['autoport', yesNo(g.autoport)], ['websocket', g.websocket || undefined]);
    // The legacy listen= mirrors the first listen's address (a network's address is only known while running).
    if (first.type === 'address') attrs.push(['listen', first.address]);
  }
  attrs.push(['keymap', g.keymap], ['sharePolicy', g.sharePolicy]);
  if (g.powerControl !== undefined) attrs.push(['powerControl', yesNo(g.powerControl)]);
  if (g.passwd !== undefined) attrs.push(...passwordAttrs(g));
  return attrs;
}

function listenAttrs(l: GraphicsListen): Attr[] {
  switch (l.type) {
    case 'address':
      return [['type', 'address'], ['address', l.address]];
    case 'network':
      return [['type', 'network'], ['network', l.network]];
    case 'socket':
      return [['type', 'socket'], ['socket', l.socket]];
    case 'none':
      return [['type', 'none']];
  }
}
