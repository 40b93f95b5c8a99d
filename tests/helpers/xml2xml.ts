/**
 * Shared by the xml2xml tests: the golden cases with their QEMU versions, and
 * which device families still have a placeholder formatter on this branch.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isTeamctlError } from '../../src/errors.js';
import { scanGoldenDir } from '../../src/golden/cases.js';
import type { NetworkDef } from '../../src/model/network.js';
import { loadNetwork } from '../../src/pipeline.js';

export const CASE_DIR = 'qemuxml2argvdata';

export interface CaseRun {
  readonly name: string;
  readonly xml: string;
  readonly version: string;
}

export function caseRuns(): CaseRun[] {
  const scan = scanGoldenDir(CASE_DIR);
  const runs: CaseRun[] = [];
  for (const c of scan.cases) {
    const xml = readFileSync(c.xmlFile, 'utf8');
    const versions = [...new Set(c.expectations.map((e) => e.version))];
    for (const version of versions) runs.push({ name: c.name, xml, version });
  }
  return runs;
}

export function caseNetworks(): NetworkDef[] {
  return scanGoldenDir(CASE_DIR).networkFiles.map((f) => loadNetwork(readFileSync(f, 'utf8'), f));
}

/**
 * Error codes of formatters that are still placeholders on this branch (the
 * families branch replaces them); a case that needs one cannot be formatted yet.
 */
export const PENDING_FORMAT_CODES: ReadonlySet<string> = (() => {
  const dir = 'src/format/devices';
  const codes = new Set<string>();
  for (const f of readdirSync(dir)) {
    const text = readFileSync(join(dir, f), 'utf8');
    if (!text.includes('replaced by the families branch at merge')) continue;
    const m = /unsupported\('(format\.[a-z-]+)'/.exec(text);
    if (m) codes.add(m[1]!);
  }
  return codes;
})();

export function isPendingFormat(e: unknown): boolean {
  return isTeamctlError(e) && PENDING_FORMAT_CODES.has(e.code);
}

/** The outcome of a call: its value, or the error text as libvirt would print it. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string; pending: boolean };

export function outcome<T>(f: () => T): Outcome<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (!isTeamctlError(e)) throw e;
    return { ok: false, error: e.text, pending: isPendingFormat(e) };
  }
}
