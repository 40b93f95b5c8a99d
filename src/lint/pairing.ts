/**
 * Which persistent interface each transient device pairs with. libvirt passes
 * <teaming persistent='X'> to QEMU verbatim as failover_pair_id=X, and QEMU
 * pairs it with the virtio-net device whose id is X — a user alias, or by
 * accident the alias libvirt generates (net0, …). When X names nothing, a
 * unique persistent interface without a user alias is the partner the user
 * most likely meant (the one with the same MAC first); --fix uses that guess.
 */
import { isUserAlias } from '../model/address.js';
import type { LintContext, TeamDevice } from './context.js';

export type PairingKind =
  /** X is the persistent interface's user alias: QEMU pairs them. */
  | 'user-alias'
  /** X is the alias libvirt generated for a persistent interface without a user alias. */
  | 'generated-alias'
  /** X names a device that is not a persistent interface. */
  | 'not-persistent'
  /** X names nothing; `persistent` is the likely intended partner. */
  | 'guess'
  /** X names nothing and no partner can be guessed. */
  | 'none';

export interface Pairing {
  readonly kind: PairingKind;
  /** The device X names, or the guessed partner. */
  readonly persistent?: TeamDevice;
}

export interface Analysis {
  readonly context: LintContext;
  /** For every transient device with a persistent= attribute. */
  readonly pairings: ReadonlyMap<TeamDevice, Pairing>;
  /** Transients QEMU really pairs with each persistent interface, in device order. */
  readonly partners: ReadonlyMap<TeamDevice, readonly TeamDevice[]>;
}

export function isPersistent(dev: TeamDevice): boolean {
  return dev.element === 'interface' && dev.teaming?.type === 'persistent';
}

export function isTransient(dev: TeamDevice): boolean {
  return dev.teaming?.type === 'transient';
}

/** Pairings QEMU acts on (not guesses). */
export function isRealPairing(p: Pairing | undefined): p is Pairing & { persistent: TeamDevice } {
  return (p?.kind === 'user-alias' || p?.kind === 'generated-alias') && p.persistent !== undefined;
}

export function analyze(context: LintContext): Analysis {
  const byId = new Map<string, TeamDevice>();
  for (const dev of context.devices) if (dev.info.alias !== undefined) byId.set(dev.info.alias, dev);

  const pairings = new Map<TeamDevice, Pairing>();
  const unresolved: TeamDevice[] = [];
  for (const t of context.devices) {
    const target = isTransient(t) ? t.teaming?.persistent : undefined;
    if (target === undefined) continue;
    const named = byId.get(target);
    if (!named) {
      unresolved.push(t);
      continue;
    }
    if (!isPersistent(named)) pairings.set(t, { kind: 'not-persistent', persistent: named });
    else pairings.set(t, { kind: isUserAlias(named.info.alias) ? 'user-alias' : 'generated-alias', persistent: named });
  }

  const partners = new Map<TeamDevice, TeamDevice[]>();
  for (const [t, p] of pairings) {
    if (!isRealPairing(p)) continue;
    const list = partners.get(p.persistent) ?? [];
    list.push(t);
    partners.set(p.persistent, list);
  }
  for (const list of partners.values()) list.sort((x, y) => hostdevOrder(x) - hostdevOrder(y) || x.index - y.index);

  for (const [t, guess] of guessPartners(context, unresolved, partners)) {
    pairings.set(t, guess ? { kind: 'guess', persistent: guess } : { kind: 'none' });
  }
  return { context, pairings, partners };
}

/**
 * libvirt's hostdev list order, which is the order of QEMU's vfio-pci devices:
 * <interface type='hostdev'>, then <hostdev>, then VFs handed out by networks.
 * QEMU accepts the first VF that names a persistent NIC and refuses the next.
 */
function hostdevOrder(dev: TeamDevice): number {
  if (dev.element === 'hostdev') return 1;
  return dev.type === 'hostdev' ? 0 : 2;
}

/**
 * A guess is made only when it is unambiguous: the candidate has no user alias
 * and no partner yet, and no other unresolved transient guesses it too.
 */
function guessPartners(
  context: LintContext,
  unresolved: readonly TeamDevice[],
  partners: ReadonlyMap<TeamDevice, readonly TeamDevice[]>,
): Map<TeamDevice, TeamDevice | undefined> {
  const candidates = context.devices.filter((d) => isPersistent(d) && !isUserAlias(d.info.alias) && !partners.has(d));
  const guesses = new Map<TeamDevice, TeamDevice | undefined>();
  for (const t of unresolved) {
    const sameMac = candidates.filter((c) => t.macExplicit && c.mac === t.mac);
    const pick = sameMac.length === 1 ? sameMac[0] : candidates.length === 1 ? candidates[0] : undefined;
    guesses.set(t, pick);
  }
  const claims = new Map<TeamDevice, number>();
  for (const g of guesses.values()) if (g) claims.set(g, (claims.get(g) ?? 0) + 1);
  for (const [t, g] of guesses) if (g && claims.get(g)! > 1) guesses.set(t, undefined);
  return guesses;
}
