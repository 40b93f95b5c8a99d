/** `teamctl test DIR`: run a folder of golden cases (NAME.xml + NAME.<arch>-<ver>.args|.err). */
import type { Command } from 'commander';
import type { Output } from '../output.js';

export interface TestOptions {
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
    .action(async (dir: string, opts: TestOptions) => {
      const { runTests } = await import('./test-run.js');
      setExit(runTests(dir, opts, out));
    });
}

