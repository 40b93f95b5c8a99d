/**
 * The audio backend libvirt adds when the domain has none
 * (qemuDomainDefSuggestDefaultAudioBackend), with qemu.conf's defaults
 * (vnc_allow_host_audio and nogfx_allow_host_audio off) and no
 * QEMU_AUDIO_DRV in libvirtd's environment.
 */
import type { Audio } from '../model/devices.js';
import type { Domain } from '../model/domain.js';

export function defaultAudioBackend(d: Domain): Audio['type'] | undefined {
  const graphics = d.devices.graphics;
  if (graphics.length === 0) return 'none';
  let add = false;
  let passthrough = false;
  let backend: Audio['type'] = 'none';
  // The last graphics device decides, as in libvirt's loop.
  for (const g of graphics) {
    switch (g.type) {
      case 'vnc':
        passthrough = false;
        backend = 'none';
        add = true;
        break;
      case 'spice':
        passthrough = false;
        backend = 'spice';
        add = true;
        break;
      case 'sdl':
        // SDL passes host audio through, which needs QEMU_AUDIO_DRV: without it no backend is added.
        passthrough = true;
        add = true;
        break;
    }
  }
  if (!add || passthrough) return undefined;
  return backend;
}
