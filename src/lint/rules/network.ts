/** A transient <interface type='network'> must get a VF from a libvirt hostdev pool. */
import type { TeamDevice } from '../context.js';
import { describe } from '../describe.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { isTransient } from '../pairing.js';

export function networkRules(t: TeamDevice): Diagnostic[] {
  if (!isTransient(t) || t.network === undefined) return [];
  const { name, state } = t.network;
  switch (state.kind) {
    case 'pool':
      return [];
    case 'unknown':
      return [
        diagnostic(
          'teaming.network-unknown',
          describe(t),
          `teamctl cannot tell whether network '${name}' hands out VFs, and libvirt refuses to start the domain unless it is a <forward mode='hostdev'> pool with a free VF`,
          `pass the network's definition with --network-xml (virsh net-dumpxml ${name})`,
        ),
      ];
    case 'not-pool':
      return [
        diagnostic(
          'teaming.network-not-pool',
          describe(t),
          `network '${name}' (forward mode '${state.def.forward.mode}') gives this interface a ${state.actualType} device, not a VF, and libvirt refuses to start the domain ("teaming transient device must be type='hostdev', not '${state.actualType}'")`,
          `point it at a network with <forward mode='hostdev'> listing the VFs, or use <interface type='hostdev'> with the VF's address`,
        ),
      ];
    case 'exhausted': {
      const n = state.def.forward.addresses.length;
      return [
        diagnostic(
          'teaming.network-pool-exhausted',
          describe(t),
          `network '${name}' has ${n} VF${n === 1 ? '' : 's'} and earlier interfaces take them all, so libvirt refuses to start the domain ("network '${name}' requires exclusive access to interfaces, but none are available")`,
          `add VFs to the pool's <forward> or put fewer interfaces on it`,
        ),
      ];
    }
  }
}
