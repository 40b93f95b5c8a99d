/**
 * Identifiers libvirt invents at random when the XML leaves them out (UUID,
 * MAC addresses). teamctl derives them from the domain instead, so the same
 * input always gives the same output, and says so.
 */
import { createHash } from 'node:crypto';
import type { Domain } from '../model/domain.js';

function digest(...parts: string[]): Buffer {
  return createHash('sha256').update(parts.join('\0')).digest();
}

export function fillIdentity(d: Domain, warnings: string[]): void {
  if (d.uuid === undefined) {
    const h = digest('teamctl-uuid', d.name);
    h[6] = (h[6]! & 0x0f) | 0x40;
    h[8] = (h[8]! & 0x3f) | 0x80;
    const x = h.subarray(0, 16).toString('hex');
    d.uuid = `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
    warnings.push(`the domain has no <uuid>; libvirt would pick a random one, teamctl derived ${d.uuid} from the name`);
  }
  d.devices.interfaces.forEach((iface, i) => {
    if (iface.mac !== undefined) return;
    const h = digest('teamctl-mac', d.uuid!, String(i));
    const mac = ['52', '54', '00', h[0]!.toString(16).padStart(2, '0'), h[1]!.toString(16).padStart(2, '0'), h[2]!.toString(16).padStart(2, '0')].join(':');
    iface.mac = mac;
    warnings.push(`interface ${i + 1} has no <mac>; libvirt would pick a random one, teamctl derived ${mac}`);
  });
}
