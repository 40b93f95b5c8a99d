/**
 * The domain as lint sees it: parsed, post-parsed (so PCI addresses are the
 * ones libvirt assigns) and prepared for start (VFs handed out by networks,
 * device aliases), without stopping at libvirt's teaming errors — those are
 * lint's to report. Any other rejection becomes a `libvirt.rejected` diagnostic.
 */
import type { Caps } from '../caps/caps.js';
import { isTeamctlError, type TeamctlError } from '../errors.js';
import type { DeviceInfo, HostPciAddress } from '../model/address.js';
import type { Hostdev, Interface, NetworkInterface, Teaming } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import type { NetworkDef } from '../model/network.js';
import { parseDomainXml } from '../parse/domain.js';
import { networkMap, resolveCaps } from '../pipeline.js';
import { assignAliases } from '../postparse/aliases.js';
import { postParse } from '../postparse/index.js';
import { actualType, allocateNetworks, type ActualNet } from '../postparse/network.js';
import { validateDomain } from '../validate/index.js';
import { validateStart } from '../validate/start.js';
import { diagnostic, type Diagnostic } from './diagnostic.js';

export interface LintOptions {
  /** A built-in QEMU version or 'latest' (default). Ignored when `caps` is given. */
  readonly qemuVersion?: string;
  readonly caps?: Caps;
  /** libvirt network definitions, for <interface type='network'>. */
  readonly networks?: readonly NetworkDef[];
  /** Name of the input for messages. */
  readonly source?: string;
  /** Report warnings as errors. */
  readonly strict?: boolean;
}

/** What a libvirt network makes of an <interface type='network'>. */
export type NetworkState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'not-pool'; readonly def: NetworkDef; readonly actualType: string }
  | { readonly kind: 'exhausted'; readonly def: NetworkDef }
  /** `vf` is absent for a pool defined by <pf dev=…>, whose VFs teamctl cannot list. */
  | { readonly kind: 'pool'; readonly def: NetworkDef; readonly vf?: HostPciAddress };

/** An <interface> or <hostdev>: every element that can carry <teaming>. */
export interface TeamDevice {
  readonly element: 'interface' | 'hostdev';
  /** Position among the <interface> (or <hostdev>) elements of <devices>, for --fix. */
  readonly index: number;
  readonly type: string;
  readonly teaming: Teaming | undefined;
  /** Post-parse device info: PCI address and QEMU id. */
  readonly info: DeviceInfo;
  readonly model: string | undefined;
  /** The MAC libvirt gives the device (a generated one when the XML has none). */
  readonly mac: string | undefined;
  readonly macExplicit: boolean;
  /** The VF on the host, when known. */
  readonly host: HostPciAddress | undefined;
  readonly network: { readonly name: string; readonly state: NetworkState } | undefined;
  /** Reaches QEMU as a vfio-pci device. */
  readonly vfio: boolean;
}

export interface LintContext {
  /** Post-parsed, with the aliases libvirt assigns at start. */
  readonly domain: Domain;
  readonly caps: Caps;
  /** Interfaces (document order), then hostdevs (document order). */
  readonly devices: readonly TeamDevice[];
}

export interface Prepared {
  readonly context?: LintContext;
  /** libvirt rejections that are not about teaming. */
  readonly rejected: Diagnostic[];
}

export function prepareLint(xml: string, options: LintOptions): Prepared {
  const caps = options.caps ?? resolveCaps(options);
  const networks = networkMap(options.networks);
  const rejected: Diagnostic[] = [];
  const parsed = attempt(() => parseDomainXml(xml), rejected);
  if (!parsed) return { rejected };
  const domain = attempt(() => postParse(parsed.domain, caps, { networks, warnings: [] }), rejected);
  if (!domain) return { rejected };
  attempt(() => validateDomain(withoutTeaming(domain).domain, caps), rejected);

  const states = networkStates(domain, networks);
  // libvirt's own allocation, run only over the interfaces it can serve: an
  // unknown network or an exhausted pool is lint's finding, not a reason to stop.
  const servable = domain.devices.interfaces.filter((n) => {
    const s = states.get(n);
    return s === undefined || s.kind === 'not-pool' || (s.kind === 'pool' && s.def.forward.addresses.length > 0);
  });
  const actual = allocateNetworks({ ...domain, devices: { ...domain.devices, interfaces: servable } }, networks);
  for (const [n, a] of actual) {
    if (a.type === 'hostdev') states.set(n, { kind: 'pool', def: a.network, vf: a.address });
  }
  // Same aliases as prepareStart(), whose allocation would throw on the cases above.
  assignAliases(domain, (n) => n.type === 'hostdev' || states.get(n)?.kind === 'pool' || states.get(n)?.kind === 'exhausted');
  if (![...states.values()].some((s) => s.kind === 'unknown')) {
    const stripped = withoutTeaming(domain);
    const strippedActual = new Map<NetworkInterface, ActualNet>();
    for (const [n, a] of actual) strippedActual.set(stripped.interfaceFor(n) as NetworkInterface, a);
    attempt(() => validateStart({ domain: stripped.domain, actual: strippedActual }, networks), rejected);
  }

  const devices: TeamDevice[] = [
    ...domain.devices.interfaces.map((n, i) => interfaceDevice(n, i, parsed.domain.devices.interfaces[i]?.mac !== undefined, states.get(n))),
    ...domain.devices.hostdevs.map((h, i) => hostdevDevice(h, i)),
  ];
  return { context: { domain, caps, devices }, rejected };
}

/** Run one libvirt stage; a rejection of the domain becomes a diagnostic, anything else propagates. */
function attempt<T>(stage: () => T, rejected: Diagnostic[]): T | undefined {
  try {
    return stage();
  } catch (e) {
    if (!isRejection(e)) throw e;
    rejected.push(
      diagnostic('libvirt.rejected', undefined, `libvirt refuses this domain: ${e.text}`, 'correct that as well, libvirt (and xml2argv) will not start the domain until then'),
    );
    return undefined;
  }
}

function isRejection(e: unknown): e is TeamctlError {
  return isTeamctlError(e) && e.exitCode === 1;
}

/** Which network each <interface type='network'> uses and what it gets, in libvirt's allocation order. */
function networkStates(d: Domain, networks: ReadonlyMap<string, NetworkDef>): Map<Interface, NetworkState> {
  const states = new Map<Interface, NetworkState>();
  const taken = new Map<string, number>();
  for (const n of d.devices.interfaces) {
    if (n.type !== 'network') continue;
    const def = networks.get(n.source.network);
    if (!def) {
      states.set(n, { kind: 'unknown' });
      continue;
    }
    const type = actualType(n, networks);
    if (type !== 'hostdev') {
      states.set(n, { kind: 'not-pool', def, actualType: type });
      continue;
    }
    const pool = def.forward.addresses.length;
    const used = taken.get(def.name) ?? 0;
    taken.set(def.name, used + 1);
    // libvirt hands out the first free VF, so the pool runs dry at its size.
    states.set(n, pool > 0 && used >= pool ? { kind: 'exhausted', def } : { kind: 'pool', def });
  }
  return states;
}

/** An interface whose <mac> libvirt programs into the VF (hostdev, or a network's pool). */
export function libvirtSetsVfMac(dev: TeamDevice): boolean {
  return dev.element === 'interface' && (dev.type === 'hostdev' || (dev.type === 'network' && dev.network?.state.kind !== 'not-pool'));
}

function interfaceDevice(n: Interface, index: number, macExplicit: boolean, state: NetworkState | undefined): TeamDevice {
  const unassigned = n.info.address?.type === 'unassigned';
  const host = n.type === 'hostdev' ? n.source.address : state?.kind === 'pool' ? state.vf : undefined;
  return {
    element: 'interface',
    index,
    type: n.type,
    teaming: n.teaming,
    info: n.info,
    model: n.model,
    mac: n.mac,
    macExplicit,
    host,
    network: n.type === 'network' ? { name: n.source.network, state: state ?? { kind: 'unknown' } } : undefined,
    vfio: !unassigned && (n.type === 'hostdev' || state?.kind === 'pool'),
  };
}

function hostdevDevice(h: Hostdev, index: number): TeamDevice {
  return {
    element: 'hostdev',
    index,
    type: h.type,
    teaming: h.teaming,
    info: h.info,
    model: undefined,
    mac: undefined,
    macExplicit: false,
    host: h.type === 'pci' ? h.source.address : undefined,
    network: undefined,
    vfio: h.type === 'pci' && h.info.address?.type !== 'unassigned',
  };
}

/**
 * A view of the domain without <teaming>, so libvirt's other rules can run
 * while lint reports the teaming ones itself. Device infos stay shared.
 */
function withoutTeaming(d: Domain): { domain: Domain; interfaceFor(n: Interface): Interface } {
  const interfaces = d.devices.interfaces.map(stripTeaming);
  const hostdevs = d.devices.hostdevs.map(stripTeaming);
  return {
    domain: { ...d, devices: { ...d.devices, interfaces, hostdevs } },
    interfaceFor: (n) => interfaces[d.devices.interfaces.indexOf(n)]!,
  };
}

function stripTeaming<T extends { teaming?: Teaming }>(device: T): T {
  const copy = { ...device };
  delete copy.teaming;
  return copy;
}
