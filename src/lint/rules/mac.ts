/**
 * The guest's failover driver (Linux net_failover) enslaves the VF to the
 * virtio NIC whose MAC it carries; a VF with any other MAC is left alone.
 */
import { libvirtSetsVfMac, type TeamDevice } from '../context.js';
import { describe, idOf } from '../describe.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { isRealPairing, isTransient, type Analysis } from '../pairing.js';

export function macRules(t: TeamDevice, a: Analysis): Diagnostic[] {
  const p = a.pairings.get(t);
  if (!isTransient(t) || !isRealPairing(p)) return [];
  const persistent = p.persistent;
  if (t.element === 'hostdev') return t.type === 'pci' ? [unmanaged(t, persistent)] : [];
  if (!libvirtSetsVfMac(t)) return [];
  if (t.macExplicit && persistent.macExplicit && t.mac === persistent.mac) return [];

  const consequence = `the guest pairs the VF with its virtio partner by MAC, so the VF never joins ${idOf(persistent)} and all traffic stays on the emulated NIC`;
  const pid = idOf(persistent);
  if (t.macExplicit && persistent.macExplicit) {
    return [
      diagnostic(
        'teaming.mac-mismatch',
        describe(t),
        `its MAC ${t.mac} differs from ${pid}'s ${persistent.mac}; ${consequence}`,
        `set <mac address='${persistent.mac}'/> on this interface`,
        true,
      ),
    ];
  }
  if (persistent.macExplicit) {
    return [
      diagnostic(
        'teaming.mac-mismatch',
        describe(t),
        `it has no <mac>, so libvirt gives the VF a random one instead of ${pid}'s ${persistent.mac}; ${consequence}`,
        `set <mac address='${persistent.mac}'/> on this interface`,
        true,
      ),
    ];
  }
  const alone = (a.partners.get(persistent) ?? []).length === 1;
  if (t.macExplicit) {
    return [
      diagnostic(
        'teaming.mac-mismatch',
        describe(t),
        `its partner ${pid} has no <mac>, so libvirt gives it a random one instead of ${t.mac}; ${consequence}`,
        `set <mac address='${t.mac}'/> on ${pid}`,
        alone,
      ),
    ];
  }
  return [
    diagnostic(
      'teaming.mac-mismatch',
      describe(t),
      `neither it nor ${pid} has a <mac>, so libvirt gives each a different random one; ${consequence}`,
      `set the same <mac address='…'/> on both interfaces`,
    ),
  ];
}

function unmanaged(t: TeamDevice, persistent: TeamDevice): Diagnostic {
  const pid = idOf(persistent);
  const intro = `libvirt does not set a MAC on a plain <hostdev>, so the VF keeps the one the host gave it`;
  if (!persistent.macExplicit) {
    return diagnostic(
      'teaming.mac-unmanaged',
      describe(t),
      `${intro}, while ${pid} has no <mac> and gets a random one, so the guest can only pair them by luck`,
      `give ${pid} a fixed <mac address='…'/> and set the same MAC on the VF on the host before the domain starts (ip link set PF vf N mac …)`,
    );
  }
  const mac = persistent.mac!;
  return diagnostic(
    'teaming.mac-unmanaged',
    describe(t),
    `${intro}, and unless that is ${mac} the guest never pairs it with ${pid}`,
    `set the VF's MAC on the host before the domain starts (ip link set PF vf N mac ${mac}), or use <interface type='hostdev'> with <mac address='${mac}'/> so libvirt sets it`,
  );
}
