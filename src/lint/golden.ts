/**
 * Lint golden cases: NAME.xml beside NAME.x86_64-<version>.lint (the text
 * report) and, when --fix changes something, NAME.x86_64-<version>.fix (the
 * fixed XML). Networks for <interface type='network'> live in networks/.
 * A missing or orphaned golden is a failure; `regenerate` rewrites them.
 */
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { NetworkDef } from '../model/network.js';
import { loadNetwork } from '../pipeline.js';
import { fixDomain, type FixResult } from './fix/fix.js';
import { formatLintResult } from './format.js';
import { lintDomain } from './lint.js';

export interface LintGoldenOutcome {
  readonly label: string;
  readonly expected: string;
  readonly actual: string;
  readonly problem?: string;
  readonly regenerated?: boolean;
}

const GOLDEN_RE = /^(?<name>.+)\.x86_64-(?<ver>latest|\d+\.\d+\.\d+)\.(?<kind>lint|fix)$/;

interface Scan {
  readonly cases: Map<string, Set<string>>;
  readonly fixFiles: Set<string>;
  readonly orphans: string[];
}

function scan(dir: string): Scan {
  const names = readdirSync(dir).sort();
  const cases = new Map<string, Set<string>>();
  for (const n of names) if (n.endsWith('.xml')) cases.set(n.slice(0, -4), new Set());
  const fixFiles = new Set<string>();
  const orphans: string[] = [];
  for (const n of names) {
    const m = GOLDEN_RE.exec(n);
    if (!m?.groups) continue;
    const versions = cases.get(m.groups['name']!);
    if (!versions) orphans.push(n);
    else if (m.groups['kind'] === 'lint') versions.add(m.groups['ver']!);
    else fixFiles.add(n);
  }
  return { cases, fixFiles, orphans };
}

export function lintNetworks(dir: string): NetworkDef[] {
  const netDir = join(dir, 'networks');
  if (!existsSync(netDir) || !statSync(netDir).isDirectory()) return [];
  return readdirSync(netDir)
    .filter((n) => n.endsWith('.xml'))
    .sort()
    .map((n) => join(netDir, n))
    .map((f) => loadNetwork(readFileSync(f, 'utf8'), f));
}

/** The lint report and --fix result for one case, as the CLI would produce them. */
export function produceLintCase(xmlFile: string, version: string, networks: readonly NetworkDef[]): { report: string; fix: FixResult } {
  const xml = readFileSync(xmlFile, 'utf8');
  const options = { qemuVersion: version, networks, source: basename(xmlFile) };
  return { report: formatLintResult(lintDomain(xml, options)), fix: fixDomain(xml, options) };
}

export function runLintGoldenDir(dir: string, options: { regenerate?: boolean } = {}): LintGoldenOutcome[] {
  const { cases, fixFiles, orphans } = scan(dir);
  const networks = lintNetworks(dir);
  const out: LintGoldenOutcome[] = [];
  const claimedFixes = new Set<string>();
  for (const [name, versions] of cases) {
    if (versions.size === 0) {
      if (!options.regenerate) {
        out.push({ label: name, expected: '', actual: '', problem: `${name}.xml has no expected .lint file` });
        continue;
      }
      versions.add('latest');
    }
    for (const version of [...versions].sort()) {
      const { report, fix } = produceLintCase(join(dir, `${name}.xml`), version, networks);
      out.push(compare(join(dir, `${name}.x86_64-${version}.lint`), `${name} [${version}, lint]`, report, options));
      const fixName = `${name}.x86_64-${version}.fix`;
      claimedFixes.add(fixName);
      if (fix.changes.length > 0) out.push(compare(join(dir, fixName), `${name} [${version}, fix]`, fix.xml, options));
      else if (fixFiles.has(fixName)) out.push(stale(join(dir, fixName), `${name} [${version}, fix]`, options));
    }
  }
  for (const f of fixFiles) if (!claimedFixes.has(f)) orphans.push(f);
  for (const o of orphans) out.push({ label: o, expected: '', actual: '', problem: `golden ${o} has no matching .xml or .lint file` });
  return out;
}

function compare(file: string, label: string, actual: string, options: { regenerate?: boolean }): LintGoldenOutcome {
  const expected = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (expected === actual) return { label, expected, actual };
  if (options.regenerate) {
    writeFileSync(file, actual);
    return { label, expected: expected ?? '', actual, regenerated: true };
  }
  return { label, expected: expected ?? '', actual, problem: expected === undefined ? `missing golden ${basename(file)}` : 'output differs' };
}

/** A .fix golden for a case --fix no longer changes. */
function stale(file: string, label: string, options: { regenerate?: boolean }): LintGoldenOutcome {
  if (options.regenerate) {
    unlinkSync(file);
    return { label, expected: '', actual: '', regenerated: true };
  }
  return { label, expected: '', actual: '', problem: `${basename(file)} exists but --fix changes nothing` };
}
