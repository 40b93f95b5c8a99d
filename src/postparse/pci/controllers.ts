/** Defaults of PCI controllers once their addresses are known (QEMU device name, chassis, port). */
import type { Caps } from '../../caps/caps.js';
import { TeamctlError } from '../../errors.js';
import type { Controller } from '../../model/devices.js';
import type { Domain } from '../../model/domain.js';
import { own } from '../../util/own.js';

const MODEL_NAMES: Record<string, string> = {
  'pci-bridge': 'pci-bridge',
  'dmi-to-pci-bridge': 'i82801b11-bridge',
  'pcie-to-pci-bridge': 'pcie-pci-bridge',
  'pcie-switch-upstream-port': 'x3130-upstream',
  'pcie-switch-downstream-port': 'xio3130-downstream',
  'pci-expander-bus': 'pxb',
  'pcie-expander-bus': 'pxb-pcie',
};

export function setPciControllerDefaults(c: Controller, d: Domain, caps: Caps): void {
  if (c.modelName === undefined) {
    if (c.model === 'pcie-root-port') c.modelName = caps.has('pcie-root-port') ? 'pcie-root-port' : 'ioh3420';
    else if (c.model !== undefined && own(MODEL_NAMES, c.model)) c.modelName = own(MODEL_NAMES, c.model)!;
  }
  const addr = c.info.address?.type === 'pci' ? c.info.address : undefined;
  const target = (c.target ??= {});
  switch (c.model) {
    case 'pci-bridge':
      target.chassisNr ??= c.index;
      break;
    case 'pcie-root-port':
      target.chassis ??= c.index;
      if (target.port === undefined && addr) target.port = (addr.slot << 3) + addr.function;
      break;
    case 'pcie-switch-downstream-port':
      target.chassis ??= c.index;
      if (target.port === undefined && addr) target.port = addr.slot;
      break;
    case 'pci-expander-bus':
    case 'pcie-expander-bus':
      if (target.busNr === undefined) {
        const busNr = findNewBusNr(d);
        if (busNr === undefined) {
          throw new TeamctlError(
            'config-unsupported',
            'pci.busnr',
            `No free busNr lower than current lowest busNr is available to auto-assign to bus ${addr?.bus ?? 0}. Must be manually assigned`,
          );
        }
        target.busNr = busNr;
      }
      break;
    default:
      break;
  }
  if (Object.keys(target).length === 0) delete c.target;
}

/** libvirt's qemuDomainAddressFindNewBusNr: two below the lowest busNr in use (one for the pxb, one for its bridge). */
function findNewBusNr(d: Domain): number | undefined {
  let lowestBusNr = 256;
  for (const c of d.devices.controllers) {
    const busNr = c.type === 'pci' ? c.target?.busNr : undefined;
    if (busNr !== undefined && busNr < lowestBusNr) lowestBusNr = busNr;
  }
  return lowestBusNr <= 2 ? undefined : lowestBusNr - 2;
}
