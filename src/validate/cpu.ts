/**
 * The guest CPU: qemuValidateDomainDefCpu (at define time) and the part of
 * qemuProcessUpdateGuestCPU that decides whether a CPU can be started.
 */
import type { Caps } from '../caps/caps.js';
import { unsupported } from '../errors.js';
import type { Domain } from '../model/domain.js';

/** qemuValidateDomainDefCpu, for the parts teamctl models. */
export function validateCpuQemu(d: Domain, caps: Caps): void {
  const cpu = d.cpu;
  if (!cpu) return;
  const mode = cpu.mode ?? 'custom';
  const cache = cpu.cache;
  if (cache) {
    // teamctl only knows x86 guests, where a <cache> is allowed.
    switch (cache.mode) {
      case 'emulate':
        if (cache.level !== 3) {
          throw unsupported('qemu.cpu-cache-emulate', "CPU cache mode 'emulate' can only be used with level='3'");
        }
        break;
      case 'passthrough':
        if (mode !== 'host-passthrough' && mode !== 'maximum') {
          throw unsupported(
            'qemu.cpu-cache-passthrough',
            "CPU cache mode 'passthrough' can only be used with 'host-passthrough' / 'maximum' CPUs",
          );
        }
        if (cache.level !== undefined) throw unsupported('qemu.cpu-cache-level', "unsupported CPU cache level for mode 'passthrough'");
        break;
      case 'disable':
        if (cache.level !== undefined) throw unsupported('qemu.cpu-cache-level', "unsupported CPU cache level for mode 'disable'");
        break;
      default: {
        const never: never = cache.mode;
        throw new Error(`unknown cache mode ${String(never)}`);
      }
    }
  }
  if (mode === 'host-passthrough' && cpu.migratable === true && !caps.has('cpu.migratable')) {
    throw unsupported('qemu.cpu-migratable', 'Migratable attribute for host-passthrough CPU is not supported by this QEMU binary');
  }
  if (mode === 'maximum' && !caps.has('cpu-max')) {
    throw unsupported('qemu.cpu-max', 'maximum CPU is not supported by QEMU binary');
  }
}

/**
 * What qemuProcessUpdateGuestCPU checks before a start. The host CPU model
 * (QEMU's expansion of "host" in the capabilities) is not in teamctl's
 * capability data, so whatever libvirt derives from it is refused rather
 * than guessed.
 */
export function validateCpuStart(d: Domain, caps: Caps): void {
  const cpu = d.cpu;
  if (!cpu) return;
  const mode = cpu.mode ?? 'custom';
  if (mode === 'custom' && !cpu.model) return;
  const accelerated = d.type === 'kvm' || d.type === 'hvf';
  const supported = mode === 'host-passthrough' ? accelerated : mode === 'maximum' ? caps.has('cpu-max') : true;
  if (!supported) {
    throw unsupported(
      'start.cpu-mode',
      `CPU mode '${mode}' for ${d.os.arch ?? 'x86_64'} ${d.type} domain on x86_64 host is not supported by hypervisor`,
    );
  }
  if (mode === 'host-model') {
    throw unsupported(
      'start.cpu-host-model',
      "CPU mode 'host-model' needs the host CPU model QEMU reports, which teamctl's capabilities do not carry; use 'host-passthrough' or a custom model",
    );
  }
  if (mode === 'custom') {
    if (cpu.match === 'minimum' || cpu.match === 'strict') {
      throw unsupported(
        'start.cpu-match',
        `CPU match '${cpu.match}' is resolved against the host CPU model, which teamctl's capabilities do not carry`,
      );
    }
    const optional = cpu.features?.find((f) => f.policy === 'optional');
    if (optional) {
      throw unsupported(
        'start.cpu-feature-optional',
        `CPU feature '${optional.name}' with policy 'optional' is resolved against the host CPU model, which teamctl's capabilities do not carry`,
      );
    }
  }
}
