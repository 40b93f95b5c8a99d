/** Lint golden cases for tests: each case XML with its networks and QEMU version. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintNetworks } from '../../src/lint/golden.js';

export const LINT_DIR = 'lintdata';

export interface LintCase {
  readonly name: string;
  readonly file: string;
  readonly xml: string;
  readonly version: string;
}

export const lintNetworkDefs = lintNetworks(LINT_DIR);

export function lintCases(): LintCase[] {
  const names = readdirSync(LINT_DIR);
  return names
    .filter((n) => n.endsWith('.xml'))
    .sort()
    .map((n) => {
      const name = n.slice(0, -4);
      const golden = names.find((g) => g.startsWith(`${name}.x86_64-`) && g.endsWith('.lint'));
      const version = golden?.slice(`${name}.x86_64-`.length, -'.lint'.length) ?? 'latest';
      const file = join(LINT_DIR, n);
      return { name, file, xml: readFileSync(file, 'utf8'), version };
    });
}
