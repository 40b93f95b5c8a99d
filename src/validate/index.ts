/**
 * Validation: read-only checks on the post-parsed domain, in libvirt's
 * order: the QEMU domain-level rules, then each device (generic rules, then
 * QEMU rules) in libvirt's device order, then generic domain-level rules.
 * The first violation is reported, as libvirt does.
 */
import type { Caps } from '../caps/caps.js';
import { unsupported } from '../errors.js';
import type { Domain } from '../model/domain.js';
import { accelOf } from '../model/machine.js';
import { allDevices } from '../postparse/devices.js';
import { validateGraphicsGeneric, validateGraphicsQemu } from './graphics.js';
import { validateHostdevAddress, validateHostdevQemu, validateHostdevsDomain } from './hostdev.js';
import { validateHubQemu, validateInputGeneric, validateInputQemu } from './input.js';
import { validateHostdevTeaming, validateNetTeamingGeneric, validateNetTeamingQemu } from './teaming.js';
import { validateVideoGeneric, validateVideoQemu, validateVideosDomain } from './video.js';

export function validateDomain(d: Domain, caps: Caps): void {
  validateQemuDomain(d, caps);
  for (const ref of allDevices(d)) {
    switch (ref.kind) {
      case 'net':
        validateNetTeamingGeneric(ref.dev);
        validateNetTeamingQemu(ref.dev, caps);
        break;
      case 'hostdev':
        validateHostdevAddress(ref.dev);
        validateHostdevTeaming(ref.dev);
        validateHostdevQemu(ref.dev, d, caps);
        break;
      case 'video':
        validateVideoGeneric(ref.dev, d);
        validateVideoQemu(ref.dev, caps);
        break;
      case 'input':
        validateInputGeneric(ref.dev);
        validateInputQemu(ref.dev, d, caps);
        break;
      case 'hub':
        validateHubQemu(caps);
        break;
      default:
        break;
    }
  }
  // Devices without device info come last in libvirt's iteration.
  for (const g of d.devices.graphics) {
    validateGraphicsGeneric(g, d);
    validateGraphicsQemu(g, d, caps);
  }
  validateHostdevsDomain(d);
  validateVideosDomain(d);
}

/** The part of qemuValidateDomainDef teamctl models. */
function validateQemuDomain(d: Domain, caps: Caps): void {
  const accel = accelOf(d);
  const emulator = d.devices.emulator ?? '';
  const machine = caps.machine(accel, d.os.machine ?? '');
  if (!machine) {
    throw unsupported('qemu.machine', `Emulator '${emulator}' does not support machine type '${d.os.machine}'`);
  }
  if (machine.acpi === false && d.features.acpi === true) {
    throw unsupported('qemu.machine-acpi', `machine type '${d.os.machine}' does not support ACPI`);
  }
  const maxCpus = machine.maxCpus;
  if (maxCpus !== undefined && d.vcpu.count > maxCpus) {
    throw unsupported('qemu.max-vcpus', `Maximum CPUs greater than specified machine type limit ${maxCpus}`);
  }
}
