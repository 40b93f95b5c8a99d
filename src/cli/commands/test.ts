/** `teamctl test DIR`: run a folder of golden cases (NAME.xml + NAME.<arch>-<ver>.args|.err). */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createTwoFilesPatch } from 'diff';
import { ioError } from '../../errors.js';
import { outcomeLabel, toJUnit } from '../../golden/junit.js';
import { runGoldenDir, type GoldenOutcome } from '../../golden/run.js';
import type { Output } from '../output.js';

interface TestOptions {
  regenerate: boolean;
  junit?: string;
  quiet: boolean;
}

export function registerTest(program: Command, out: Output, setExit: (code: number) => void): void {
  program
    .command('test')
    .summary('check a folder of golden cases (your own regression suite)')
    .description(
      'For each NAME.xml in DIR with NAME.<arch>-<version>.args (expected command line) or .err (expected\n' +
        'error line) beside it, run xml2argv with that QEMU version and compare byte for byte.\n' +
        'Network definitions for <interface type=\'network\'> are read from DIR/networks/*.xml.',
    )
    .argument('<dir>', 'folder of golden cases')
    .option('--regenerate', 'rewrite the expected files from the current output (review the diff afterwards!)', false)
    .option('--junit <file>', 'also write a JUnit XML report to FILE')
    .option('-q, --quiet', 'print only failures and the summary', false)
    .addHelpText(
      'after',
      `
Examples:
  teamctl test goldens/                         compare every case, print diffs of failures
  teamctl test --junit report.xml goldens/      the same, plus a report for CI
  teamctl test --regenerate goldens/            accept the current output as expected

A new case: write NAME.xml, create an empty NAME.x86_64-latest.args, run with --regenerate and
review it. Colours follow the terminal (off when NO_COLOR is set or output is not a TTY).
Exit status: 0 all passed, 1 a case failed, 2 usage or I/O error.`,
    )
    .action((dir: string, opts: TestOptions) => {
      setExit(runTests(dir, opts, out));
    });
}

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
