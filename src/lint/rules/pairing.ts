/** Does each transient name a persistent virtio interface that QEMU can find, and only one? */
import { isUserAlias } from '../../model/address.js';
import type { TeamDevice } from '../context.js';
import { describe, elementLabel, idOf } from '../describe.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { isPersistent, isTransient, type Analysis } from '../pairing.js';

export function pairingRules(dev: TeamDevice, a: Analysis): Diagnostic[] {
  if (isTransient(dev)) return transientPairing(dev, a);
  if (isPersistent(dev)) return persistentPairing(dev, a);
  return [];
}

function transientPairing(t: TeamDevice, a: Analysis): Diagnostic[] {
  const p = a.pairings.get(t);
  const target = t.teaming?.persistent;
  if (!p || target === undefined) return [];
  const notHidden = `so QEMU does not hide the VF for failover: it plugs it at boot as a plain NIC, nothing fails over and the VF blocks migration`;
  switch (p.kind) {
    case 'none':
      return [
        diagnostic(
          'teaming.persistent-unknown',
          describe(t),
          `persistent='${target}' names no device (QEMU gets failover_pair_id=${target}), ${notHidden}`,
          `set persistent= to the user alias of the virtio interface with <teaming type='persistent'/>`,
        ),
      ];
    case 'guess':
      return [
        diagnostic(
          'teaming.persistent-unknown',
          describe(t),
          `persistent='${target}' names no device (QEMU gets failover_pair_id=${target}), ${notHidden}`,
          `give the persistent interface ${idOf(p.persistent!)}${p.persistent!.macExplicit ? ` (MAC ${p.persistent!.mac})` : ''} a user alias and point persistent= at it`,
          true,
        ),
      ];
    case 'not-persistent':
      return [
        diagnostic(
          'teaming.persistent-not-persistent',
          describe(t),
          `persistent='${target}' names ${elementLabel(p.persistent!)} ${target}, which is not a virtio interface with <teaming type='persistent'/> (no failover=on), ${notHidden}`,
          `add <teaming type='persistent'/> to the virtio interface the VF stands in for and name its user alias in persistent=`,
        ),
      ];
    case 'user-alias':
    case 'generated-alias':
      return duplicate(t, p.persistent!, a);
  }
}

function duplicate(t: TeamDevice, persistent: TeamDevice, a: Analysis): Diagnostic[] {
  const partners = a.partners.get(persistent) ?? [];
  const first = partners[0];
  if (!first || first === t) return [];
  return [
    diagnostic(
      'teaming.transient-duplicate',
      describe(t),
      `${idOf(first)} already pairs with ${idOf(persistent)}, and QEMU refuses to start with a second primary ("Cannot attach more than one primary device to '${idOf(persistent)}'")`,
      `give this VF its own persistent virtio interface, or remove it`,
    ),
  ];
}

function persistentPairing(p: TeamDevice, a: Analysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  const id = idOf(p);
  if (!isUserAlias(p.info.alias)) {
    out.push(
      diagnostic(
        'teaming.persistent-alias-missing',
        describe(p),
        `without a user alias QEMU knows this interface only by the id libvirt generates at start (${id}), which moves when interfaces are added or reordered, and libvirt passes the transient's persistent= to QEMU verbatim, so the pairing breaks silently`,
        `add <alias name='ua-…'/> to this interface and name it in the transient's persistent=`,
        true,
      ),
    );
  }
  if (!a.partners.has(p)) {
    out.push(
      diagnostic(
        'teaming.persistent-no-transient',
        describe(p),
        `no transient device names ${id}, so QEMU starts it with failover=on but there is no VF to fail over to, and guest traffic always takes the emulated path`,
        `add the VF with <teaming type='transient' persistent='${isUserAlias(p.info.alias) ? id : 'ua-…'}'/> (or hot-plug one later), or remove <teaming> if no VF is meant`,
      ),
    );
  }
  return out;
}
