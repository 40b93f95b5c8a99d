/** Watchdog rules with libvirt's messages (qemuValidateDomainDefWatchdogs, qemuValidateDomainWatchdogDef). */
import { unsupported } from '../errors.js';
import type { Watchdog } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import { isI440FX, isQ35 } from '../model/machine.js';

/** At most one watchdog of each model, except i6300esb. */
export function validateWatchdogsQemu(d: Domain): void {
  const seen = new Set<Watchdog['model']>();
  for (const w of d.devices.watchdogs) {
    if (w.model === 'i6300esb') continue;
    if (seen.has(w.model)) throw unsupported('watchdog.duplicate', `domain can only have one watchdog with model '${w.model}'`);
    seen.add(w.model);
  }
}

export function validateWatchdogQemu(w: Watchdog, d: Domain): void {
  const first = d.devices.watchdogs[0];
  if (first && (first.action ?? 'reset') !== (w.action ?? 'reset')) {
    throw unsupported('watchdog.actions', 'watchdogs with different actions are not supported with this QEMU binary');
  }
  const addr = w.info.address;
  switch (w.model) {
    case 'i6300esb':
      if (addr !== undefined && addr.type !== 'pci') throw unsupported('watchdog.address', `${w.model} model of watchdog can go only on PCI bus`);
      break;
    case 'ib700':
      if (!isI440FX(d)) throw unsupported('watchdog.machine', `${w.model} model of watchdog cannot be used with this machine type`);
      if (addr !== undefined) throw unsupported('watchdog.address', `${w.model} model of watchdog does not support configuring the address`);
      break;
    case 'diag288':
      if (addr !== undefined) throw unsupported('watchdog.address', `${w.model} model of watchdog is virtual and cannot go on any bus.`);
      throw unsupported('watchdog.arch', `${w.model} model of watchdog is allowed for s390 and s390x only`);
    case 'itco':
      if (addr !== undefined) {
        throw unsupported('watchdog.address', `${w.model} model of watchdog is part of the machine and cannot have any address set.`);
      }
      if (!isQ35(d)) throw unsupported('watchdog.machine', `${w.model} model of watchdog is only part of q35 machine`);
      break;
  }
}
