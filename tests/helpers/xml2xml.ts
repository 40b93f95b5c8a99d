/**
 * Shared by the xml2xml tests: the golden cases with their QEMU versions, and
 * the outcome of a call as data.
 */
import { readFileSync } from 'node:fs';
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

/** The outcome of a call: its value, or the error text as libvirt would print it. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export function outcome<T>(f: () => T): Outcome<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (!isTeamctlError(e)) throw e;
    return { ok: false, error: e.text };
  }
}
