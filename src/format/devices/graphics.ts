/** <graphics> (libvirt's virDomainGraphicsDefFormat) for an inactive definition. */
import type { Graphics, GraphicsListen, VncGraphics } from '../../model/graphics.js';
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
  }
};

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
  if (g.passwd !== undefined) {
    // The password is written as libvirt's tests (and `virsh dumpxml --security-info`) show it.
    attrs.push(['username', g.username], ['passwd', g.passwd], ['passwdValidTo', g.passwdValidTo], ['connected', g.connected]);
  }
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
