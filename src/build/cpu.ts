/**
 * -cpu: libvirt's qemuBuildCpuCommandLine and qemuBuildCpuModelArgStr. The
 * model part (host, max, or a named model with its vendor and features),
 * then the flags other parts of the domain add (paravirtual timers, cache).
 */
import type { Caps } from '../caps/caps.js';
import type { CpuDef, Domain } from '../model/domain.js';
import type { CommandBuilder } from '../render/command.js';

/**
 * Where libvirt's x86 feature names differ from QEMU's property names
 * (virQEMUCapsCPUFeatureToQEMU); every other name is the same in both.
 */
const QEMU_FEATURE_NAMES: Readonly<Record<string, string>> = {
  cmp_legacy: 'cmp-legacy',
  ds_cpl: 'ds-cpl',
  fxsr_opt: 'fxsr-opt',
  kvm_pv_eoi: 'kvm-pv-eoi',
  kvm_pv_unhalt: 'kvm-pv-unhalt',
  lahf_lm: 'lahf-lm',
  nodeid_msr: 'nodeid-msr',
  pclmuldq: 'pclmulqdq',
  perfctr_core: 'perfctr-core',
  perfctr_nb: 'perfctr-nb',
  tsc_adjust: 'tsc-adjust',
  'vmx-invvpid-single-context-noglobals': 'vmx-invept-single-context-noglobals',
  'hv-vendor_id': 'hv-vendor-id',
  'hv-emsr_bitmap': 'hv-emsr-bitmap',
  'hv-xmm_input': 'hv-xmm-input',
};

export function qemuFeatureName(name: string): string {
  return Object.hasOwn(QEMU_FEATURE_NAMES, name) ? QEMU_FEATURE_NAMES[name]! : name;
}

export function buildCpu(cmd: CommandBuilder, d: Domain, caps: Caps): void {
  const cpu = d.cpu;
  let model: string | undefined;
  if (cpu && ((cpu.mode !== undefined && cpu.mode !== 'custom') || cpu.model)) {
    model = cpuModelArg(cpu, caps);
  } else if (d.os.arch === 'i686' && d.devices.emulator!.includes('x86_64')) {
    // A 32-bit guest on the 64-bit binary needs a 32-bit CPU.
    model = 'qemu32';
  }
  const flags = cpuFlags(d);
  // Flags without a model go on QEMU's default model for the architecture.
  if (flags !== '' && model === undefined) model = d.os.arch === 'i686' ? 'qemu32' : 'qemu64';
  if (model !== undefined) cmd.arg('-cpu', model + flags);
}

/** qemuBuildCpuModelArgStr for x86. */
function cpuModelArg(cpu: CpuDef, caps: Caps): string {
  let arg: string;
  switch (cpu.mode ?? 'custom') {
    case 'host-passthrough':
    case 'maximum':
      arg = cpu.mode === 'maximum' ? 'max' : 'host';
      if (cpu.migratable !== undefined && caps.has('cpu.migratable')) arg += `,migratable=${cpu.migratable ? 'on' : 'off'}`;
      break;
    case 'host-model':
      // Refused before the build (validateCpuStart): libvirt turns it into a custom CPU first.
      throw new Error('host-model CPU reached the command line builder');
    case 'custom':
      arg = cpu.model!.name;
      break;
  }
  if (cpu.vendorId !== undefined) arg += `,vendor=${cpu.vendorId}`;
  // libvirt leaves out disabled features QEMU does not know (its host CPU
  // expansion lists them); teamctl's capability data has no such list, so it
  // passes every one, as libvirt does when QEMU reported none.
  for (const f of cpu.features ?? []) {
    switch (f.policy) {
      case 'force':
      case 'require':
        arg += `,${qemuFeatureName(f.name)}=on`;
        break;
      case 'disable':
      case 'forbid':
        arg += `,${qemuFeatureName(f.name)}=off`;
        break;
      case 'optional':
        break;
    }
  }
  return arg;
}

/** The -cpu flags that come from the clock and the CPU cache, in libvirt's order. */
function cpuFlags(d: Domain): string {
  let flags = '';
  for (const t of d.clock.timers) {
    if (t.name === 'kvmclock' && t.present !== undefined) flags += `,kvmclock=${t.present ? 'on' : 'off'}`;
    else if (t.name === 'hypervclock' && t.present === true) flags += ',hv-time=on';
  }
  const cache = d.cpu?.cache;
  if (cache) {
    const hostMode = d.cpu?.mode === 'host-passthrough' || d.cpu?.mode === 'maximum';
    let hostOff = false;
    let l3Off = false;
    switch (cache.mode) {
      case 'emulate':
        flags += ',l3-cache=on';
        hostOff = true;
        break;
      case 'passthrough':
        flags += ',host-cache-info=on';
        l3Off = true;
        break;
      case 'disable':
        hostOff = l3Off = true;
        break;
    }
    if (hostOff && hostMode) flags += ',host-cache-info=off';
    if (l3Off) flags += ',l3-cache=off';
  }
  return flags;
}
