/** Graphics defaults at define time (virDomainDefPostParseGraphics, part of qemuDomainRecheckInternalPaths). */
import type { Domain } from '../model/domain.js';

/** libvirt's privileged cfg->libDir, under which it generates per-domain sockets. */
const QEMU_LIB_DIR = '/var/lib/libvirt/qemu';

/**
 * A VNC socket under libvirt's own state directory is one an older libvirt
 * generated from qemu.conf; a definition forgets it, so the display listens
 * on the configured address again.
 */
export function dropGeneratedVncSockets(d: Domain): void {
  for (const g of d.devices.graphics) {
    if (g.type !== 'vnc') continue;
    g.listens = g.listens.map((l) => (l.type === 'socket' && l.socket?.startsWith(QEMU_LIB_DIR) ? { type: 'address' } : l));
  }
}

/**
 * libvirt's virDomainDefPostParseGraphics: a SPICE display with no port, no
 * TLS port and no autoport listens nowhere, which is what listen type 'none'
 * says.
 */
export function spiceListenNone(d: Domain): void {
  for (const g of d.devices.graphics) {
    if (g.type !== 'spice') continue;
    const first = g.listens[0];
    if (first?.type === 'address' && g.port === 0 && g.tlsPort === 0 && !g.autoport) g.listens[0] = { type: 'none' };
  }
}
