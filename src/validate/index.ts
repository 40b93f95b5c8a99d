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
import { validateAudioGeneric, validateAudioQemu, validateSoundGeneric, validateSoundQemu } from './audio.js';
import { validateChrQemu, validateChrSourceGeneric, validateConsolesQemu } from './chardev.js';
import { validateCpuQemu } from './cpu.js';
import { validateController, validateControllerGeneric } from './controller.js';
import { validateDiskDuplicates, validateDiskGeneric, validateDiskQemu, validateDriveAddress } from './disk.js';
import { validateGraphicsGeneric, validateGraphicsQemu } from './graphics.js';
import { validateHostdevAddress, validateHostdevQemu, validateHostdevsDomain } from './hostdev.js';
import { validateHubQemu, validateInputGeneric, validateInputQemu } from './input.js';
import { validateNetGeneric, validateNetQemu } from './net.js';
import { validateRngGeneric, validateRngQemu } from './rng.js';
import { validateHostdevTeaming } from './teaming.js';
import { validateVideoGeneric, validateVideoQemu, validateVideosDomain } from './video.js';
import { validateWatchdogQemu, validateWatchdogsQemu } from './watchdog.js';

export function validateDomain(d: Domain, caps: Caps): void {
  validateQemuDomain(d, caps);
  validateConsolesQemu(d, caps);
  validateWatchdogsQemu(d);
  for (const ref of allDevices(d, { allConsoles: true })) {
    switch (ref.kind) {
      case 'disk':
        validateDiskGeneric(ref.dev);
        if (ref.info.address?.type === 'drive') validateDriveAddress(d, ref.dev, ref.info.address, caps);
        validateDiskQemu(ref.dev, caps);
        break;
      case 'controller':
        validateControllerGeneric(ref.dev);
        validateController(ref.dev, d, caps);
        break;
      case 'net':
        validateNetGeneric(ref.dev);
        validateNetQemu(ref.dev, caps);
        break;
      case 'sound':
        validateSoundGeneric(ref.dev, d);
        validateSoundQemu(ref.dev, caps);
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
      case 'chr':
        validateChrSourceGeneric(ref.dev.source, ref.dev);
        validateChrQemu(ref.dev, d, caps);
        break;
      case 'rng':
        validateRngGeneric(ref.dev);
        validateRngQemu(ref.dev, d, caps);
        break;
      case 'watchdog':
        validateWatchdogQemu(ref.dev, d);
        break;
      default:
        break;
    }
  }
  validateDiskDuplicates(d);
  // Devices without device info come last in libvirt's iteration.
  for (const g of d.devices.graphics) {
    validateGraphicsGeneric(g, d);
    validateGraphicsQemu(g, d, caps);
  }
  for (const a of d.devices.audios) {
    validateAudioGeneric(a, d);
    validateAudioQemu(a, d, caps);
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
  validateCpuQemu(d, caps);
}
