/** <rng> rules with libvirt's messages (virDomainRNGDefValidate, qemuValidateDomainRNGDef). */
import type { Caps } from '../caps/caps.js';
import { unsupported } from '../errors.js';
import type { Domain } from '../model/domain.js';
import type { Rng } from '../model/rng.js';
import { validateChrSourceGeneric, validateChrSourceQemu } from './chardev.js';

export function validateRngGeneric(rng: Rng): void {
  if (rng.backend.model === 'egd') validateChrSourceGeneric(rng.backend.source);
}

export function validateRngQemu(rng: Rng, d: Domain, caps: Caps): void {
  const b = rng.backend;
  switch (b.model) {
    case 'random':
      if (!caps.has('rng-random')) throw unsupported('rng.random', "this qemu doesn't support the rng-random backend");
      break;
    case 'egd':
      if (!caps.has('rng-egd')) throw unsupported('rng.egd', "this qemu doesn't support the rng-egd backend");
      validateChrSourceQemu(b.source, d, caps);
      break;
    case 'builtin':
      if (!caps.has('rng-builtin')) throw unsupported('rng.builtin', "this qemu doesn't support the rng-builtin backend");
      break;
  }
  // The models QEMU offers (virQEMUCapsFillDomainDeviceRNGCaps).
  const supported = caps.has('virtio-rng') && (rng.model === 'virtio' || caps.has('virtio-pci-non-transitional'));
  if (!supported) throw unsupported('rng.model', `domain configuration does not support rng model '${rng.model}'`);
}
