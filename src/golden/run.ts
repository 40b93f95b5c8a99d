/**
 * Runs golden cases through the same pipeline and renderer as the CLI and
 * compares byte for byte; optionally rewrites the expected files.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import { isTeamctlError } from '../errors.js';
import type { NetworkDef } from '../model/network.js';
import { loadNetwork, xml2argv } from '../pipeline.js';
import { readText, scanGoldenDir, type GoldenCase, type GoldenExpectation } from './cases.js';

export interface GoldenOutcome {
  readonly caseName: string;
  readonly expectation: GoldenExpectation | undefined;
  readonly ok: boolean;
  /** What was expected and what teamctl produced (for diffs). */
  readonly expected: string;
  readonly actual: string;
  readonly problem?: string;
  readonly regenerated?: boolean;
}

export interface GoldenRunOptions {
  readonly regenerate?: boolean;
}

/** What teamctl produces for one expectation: the .args text, or the error line. */
export function produce(c: GoldenCase, e: GoldenExpectation, networks: readonly NetworkDef[]): { kind: 'args' | 'err'; text: string } {
  try {
    const r = xml2argv(readText(c.xmlFile), { qemuVersion: e.version, networks, source: c.xmlFile });
    return { kind: 'args', text: r.args };
  } catch (err) {
    if (isTeamctlError(err) && err.exitCode === 1) return { kind: 'err', text: `${err.text}\n` };
    throw err;
  }
}

export function runGoldenDir(dir: string, options: GoldenRunOptions = {}): GoldenOutcome[] {
  const scan = scanGoldenDir(dir);
  const networks = scan.networkFiles.map((f) => loadNetwork(readText(f), f));
  const out: GoldenOutcome[] = [];
  for (const orphan of scan.orphans) {
    out.push({ caseName: orphan, expectation: undefined, ok: false, expected: '', actual: '', problem: `expected output ${orphan} has no matching .xml` });
  }
  for (const c of scan.cases) {
    if (c.expectations.length === 0) {
      out.push({ caseName: c.name, expectation: undefined, ok: false, expected: '', actual: '', problem: `${c.name}.xml has no expected .args or .err file` });
      continue;
    }
    for (const e of c.expectations) {
      const expected = readText(e.file);
      const got = produce(c, e, networks);
      const same = got.kind === e.kind && got.text === expected;
      if (!same && options.regenerate) {
        const target = got.kind === e.kind ? e.file : e.file.replace(/\.(args|err)$/, `.${got.kind}`);
        if (target !== e.file) unlinkSync(e.file);
        writeFileSync(target, got.text);
        out.push({ caseName: c.name, expectation: e, ok: true, expected, actual: got.text, regenerated: true });
        continue;
      }
      out.push({
        caseName: c.name,
        expectation: e,
        ok: same,
        expected,
        actual: got.text,
        ...(same ? {} : { problem: got.kind !== e.kind ? `expected ${e.kind === 'args' ? 'a command line' : 'an error'}, got ${got.kind === 'args' ? 'a command line' : `an error: ${got.text.trim()}`}` : 'output differs' }),
      });
    }
  }
  return out;
}
