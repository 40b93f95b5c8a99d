/** Machine-type predicates, as libvirt's qemuDomainMachineIs*() spell them. */
import type { Domain } from './domain.js';

export function machineIsQ35(machine: string | undefined): boolean {
  return machine !== undefined && (machine === 'q35' || machine.startsWith('pc-q35-'));
}

export function machineIsI440FX(machine: string | undefined): boolean {
  return (
    machine !== undefined &&
    (machine === 'pc' ||
      machine.startsWith('pc-0.') ||
      machine.startsWith('pc-1.') ||
      machine.startsWith('pc-i440fx-') ||
      machine.startsWith('rhel'))
  );
}

export function isQ35(d: Domain): boolean {
  return machineIsQ35(d.os.machine);
}

export function isI440FX(d: Domain): boolean {
  return machineIsI440FX(d.os.machine);
}

export function accelOf(d: Domain): 'tcg' | 'kvm' {
  return d.type === 'kvm' ? 'kvm' : 'tcg';
}
