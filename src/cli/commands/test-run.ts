/** The work behind `teamctl test`, loaded only when the command runs. */
import { writeFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { ioError } from '../../errors.js';
import { outcomeLabel, toJUnit } from '../../golden/junit.js';
import { runGoldenDir, type GoldenOutcome } from '../../golden/run.js';
import type { Output } from '../output.js';
import type { TestOptions } from './test.js';

export function diffText(o: GoldenOutcome): string {
  if (!o.expectation) return o.problem ?? '';
  const name = o.expectation.file;
  return createTwoFilesPatch(name, `${name} (teamctl)`, o.expected, o.actual, 'expected', 'actual', { context: 3 });
}

export function runTests(dir: string, opts: TestOptions, out: Output): number {
  let outcomes: GoldenOutcome[];
  try {
    outcomes = runGoldenDir(dir, { regenerate: opts.regenerate });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw ioError('io.dir', `cannot read golden folder '${dir}'`);
    throw e;
  }
  let passed = 0;
  let failed = 0;
  for (const o of outcomes) {
    const label = outcomeLabel(o);
    if (o.ok) {
      passed++;
      if (!opts.quiet) out.result('PASS', o.regenerated ? `${label} (regenerated)` : label);
      continue;
    }
    failed++;
    out.result('FAIL', `${label}: ${o.problem ?? 'failed'}`);
    if (o.expectation) out.diff(diffText(o));
  }
  if (opts.junit) {
    try {
      writeFileSync(opts.junit, toJUnit(dir, outcomes, diffText));
    } catch (e) {
      throw ioError('io.write', `cannot write '${opts.junit}': ${(e as Error).message}`);
    }
  }
  out.out(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
