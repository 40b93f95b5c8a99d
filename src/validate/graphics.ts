/**
 * <graphics> rules with libvirt's messages: virDomainGraphicsDefValidate
 * (generic) and qemuValidateDomainDeviceDefGraphics (QEMU).
 */
import type { Caps } from '../caps/caps.js';
import { unsupported, xmlError } from '../errors.js';
import type { Domain } from '../model/domain.js';
import type { Graphics } from '../model/graphics.js';

/** virDomainGraphicsDefValidate. */
export function validateGraphicsGeneric(g: Graphics, d: Domain): void {
  if (g.type !== 'vnc' && g.type !== 'spice') return;
  for (const l of g.listens) {
    if (l.type === 'network' && l.network === undefined) {
      throw xmlError('graphics.listen-network', "'network' attribute is required for listen type 'network'");
    }
  }
  if (g.type === 'vnc' && g.audioId !== undefined && !d.devices.audios.some((a) => a.id === g.audioId)) {
    throw xmlError('graphics.audio-id', `no audio device with ID ${g.audioId}`);
  }
}

/** The graphics types QEMU offers (virQEMUCapsFillDomainDeviceGraphicsCaps). */
const GRAPHICS_CAPS: Record<Graphics['type'], string> = {
  sdl: 'sdl',
  vnc: 'vnc',
  'egl-headless': 'egl-headless',
  spice: 'spice',
};

/** qemuValidateDomainDeviceDefGraphics. */
export function validateGraphicsQemu(g: Graphics, d: Domain, caps: Caps): void {
  if (!caps.has(GRAPHICS_CAPS[g.type])) throw unsupported('graphics.type-caps', `${g.type} graphics are not supported with this QEMU`);
  // Only VNC and SPICE can show what egl-headless renders.
  if (d.devices.graphics.some((x) => x.type === 'egl-headless') && g.type !== 'egl-headless' && g.type !== 'vnc' && g.type !== 'spice') {
    throw unsupported('graphics.egl-pairing', "graphics type 'egl-headless' is only supported with one of: 'vnc', 'spice' graphics types");
  }
  // '-spice gl=on' and '-display egl-headless' are mutually exclusive.
  if (d.devices.graphics.some((x) => x.type === 'egl-headless') && g.type === 'spice' && g.gl === true) {
    throw unsupported('graphics.egl-spice-gl', 'multiple OpenGL displays are not supported by QEMU');
  }
  switch (g.type) {
    case 'vnc':
      if (g.powerControl !== undefined && !caps.has('vnc-power-control')) {
        throw unsupported('graphics.vnc-power-control', 'VNC power control is not available');
      }
      if (g.passwd !== undefined && Buffer.byteLength(g.passwd, 'utf8') > 8) {
        throw unsupported('graphics.vnc-passwd', `VNC password is ${Buffer.byteLength(g.passwd, 'utf8')} characters long, only 8 permitted`);
      }
      break;
    case 'egl-headless':
      if (g.rendernode !== undefined && !caps.has('egl-headless.rendernode')) {
        throw unsupported('graphics.egl-rendernode', "This QEMU doesn't support OpenGL rendernode with egl-headless graphics type");
      }
      break;
    case 'spice':
      // The TLS port against qemu.conf's spice_tls is checked where host facts are known (build/graphics-spice.ts).
      if (g.gl === true) {
        if (!caps.has('spice-gl')) throw unsupported('graphics.spice-gl', "This QEMU doesn't support spice OpenGL");
        if (g.rendernode !== undefined && !caps.has('spice-rendernode')) {
          throw unsupported('graphics.spice-rendernode', "This QEMU doesn't support spice OpenGL rendernode");
        }
      }
      break;
    case 'sdl':
      break;
  }
}
