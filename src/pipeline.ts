/**
 * The library's entry points: each runs the pipeline stages in order
 * (parse → post-parse → validate → build → render) and returns data.
 */
import { buildCommandLine } from './build/index.js';
import { TEST_PROFILE, type Profile } from './build/profile.js';
import type { Caps } from './caps/caps.js';
import { builtinCaps } from './caps/table.js';
import { usageError } from './errors.js';
import { migrationBlockers, type MigrationBlocker } from './migrate/blockers.js';
import { formatDomainXml } from './format/domain.js';
import { formatLosses } from './format/losses.js';
import type { Domain } from './model/domain.js';
import type { NetworkDef } from './model/network.js';
import { parseDomainXml } from './parse/domain.js';
import { parseNetworkXml } from './parse/network.js';
import { postParse, prepareStart, type Prepared } from './postparse/index.js';
import type { CommandLine } from './render/command.js';
import { renderCommand, toArgsFile, type RenderedCommand } from './render/render.js';
import { validateDomain } from './validate/index.js';
import { validateCpuStart } from './validate/cpu.js';
import { validateStart } from './validate/start.js';

export interface ConvertOptions {
  /** A built-in QEMU version or 'latest' (default). Ignored when `caps` is given. */
  readonly qemuVersion?: string;
  /** Capabilities to use instead of the built-in table. */
  readonly caps?: Caps;
  /** libvirt network definitions, for <interface type='network'>. */
  readonly networks?: readonly NetworkDef[];
  /** Host facts: libvirt's test harness (default) or a real host (`hostProfile()`). */
  readonly profile?: Profile;
  /** Name of the input for messages. */
  readonly source?: string;
}

export interface ConvertResult {
  readonly domain: Domain;
  readonly command: CommandLine;
  readonly rendered: RenderedCommand;
  /** libvirt's .args layout. */
  readonly args: string;
  /** Things teamctl (like libvirt) ignored, worth telling the user. */
  readonly warnings: readonly string[];
}

export function resolveCaps(options: Pick<ConvertOptions, 'caps' | 'qemuVersion' | 'profile'>): Caps {
  if (options.caps) return options.caps;
  // Only libvirt's test harness keeps machine aliases (`q35`) for its newest QEMU;
  // a real start resolves them (`pc-q35-X.Y`) like every other version.
  const realHost = options.profile !== undefined && options.profile.name !== 'test';
  return builtinCaps(options.qemuVersion ?? 'latest', realHost ? { stripMachineAliases: false } : {});
}

export function networkMap(networks: readonly NetworkDef[] = []): Map<string, NetworkDef> {
  const map = new Map<string, NetworkDef>();
  for (const n of networks) {
    const prev = map.get(n.name);
    if (prev) throw usageError('network.duplicate', `network '${n.name}' is defined twice (${prev.source} and ${n.source})`);
    map.set(n.name, n);
  }
  return map;
}

export function loadNetwork(text: string, source: string): NetworkDef {
  return parseNetworkXml(text, source);
}

/** Parse, post-parse and validate: the domain as libvirt would define it. */
export function defineDomain(xml: string, options: ConvertOptions = {}): { domain: Domain; caps: Caps; warnings: string[] } {
  const caps = resolveCaps(options);
  const parsed = parseDomainXml(xml);
  const warnings = [...parsed.warnings];
  const domain = postParse(parsed.domain, caps, { networks: networkMap(options.networks), warnings, inPlace: true });
  validateDomain(domain, caps);
  return { domain, caps, warnings };
}

/**
 * Define, then what libvirt does when the domain starts: network ports, USB
 * ports, aliases, and the checks that only a start makes.
 */
export function startDomain(xml: string, options: ConvertOptions = {}): { prepared: Prepared; caps: Caps; warnings: string[] } {
  const { domain, caps, warnings } = defineDomain(xml, options);
  const networks = networkMap(options.networks);
  const prepared = prepareStart(domain, { networks });
  validateStart(prepared, networks);
  validateCpuStart(prepared.domain, caps);
  return { prepared, caps, warnings };
}

export function xml2argv(xml: string, options: ConvertOptions = {}): ConvertResult {
  const { prepared, caps, warnings } = startDomain(xml, options);
  const profile = options.profile ?? TEST_PROFILE;
  const host = profile.prepareHost(prepared);
  const command = buildCommandLine(prepared, caps, profile, host);
  const rendered = renderCommand(command, caps);
  return { domain: prepared.domain, command, rendered, args: toArgsFile(rendered), warnings: [...warnings, ...host.warnings] };
}

export interface MigrateCheckResult {
  readonly domain: Domain;
  /** Empty when libvirt would let the domain migrate. */
  readonly blockers: readonly MigrationBlocker[];
  readonly warnings: readonly string[];
}

/**
 * Would libvirt refuse to migrate this domain because of its host devices?
 * The domain is defined and prepared as for a start (it must be startable,
 * and aliases and network-allocated devices are those of a running domain).
 */
export function migrateCheck(xml: string, options: ConvertOptions = {}): MigrateCheckResult {
  const { prepared, warnings } = startDomain(xml, options);
  return { domain: prepared.domain, blockers: migrationBlockers(prepared), warnings };
}

export interface Xml2xmlResult {
  readonly domain: Domain;
  /** The inactive domain XML libvirt would store for `virsh define`. */
  readonly xml: string;
  readonly warnings: readonly string[];
}

/**
 * The domain as libvirt stores it after `virsh define`: parse, define-time
 * post-parse and validation (the same checks and messages as xml2argv), then
 * libvirt's inactive XML format. Nothing of the start (network allocation,
 * aliases, USB ports) is in it.
 */
export function xml2xml(xml: string, options: ConvertOptions = {}): Xml2xmlResult {
  const { domain, warnings } = defineDomain(xml, options);
  return { domain, xml: formatDomainXml(domain), warnings: [...warnings, ...formatLosses(domain)] };
}
