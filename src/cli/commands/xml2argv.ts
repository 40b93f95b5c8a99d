/** `teamctl xml2argv`: print the QEMU command line libvirt would build for each domain. */
import type { Command } from 'commander';
import { xml2argv } from '../../pipeline.js';
import { loadNetwork } from '../../pipeline.js';
import { isTeamctlError } from '../../errors.js';
import { readInput } from '../io.js';
import type { Output } from '../output.js';
import { reportLint } from './lint.js';

export interface Xml2argvOptions {
  qemuVersion: string;
  networkXml: string[];
  lint?: boolean;
}

export function registerXml2argv(program: Command, out: Output, setExit: (code: number) => void): void {
  program
    .command('xml2argv')
    .summary('print the QEMU command line libvirt would build for a domain')
    .description(
      "Convert a libvirt domain XML into the exact QEMU command line libvirt's QEMU driver builds for it,\n" +
        "in the layout of libvirt's .args test files (environment, binary, one option per line).\n" +
        'Errors are reported the way libvirt reports them (e.g. "unsupported configuration: …").',
    )
    .argument('<domain.xml...>', "domain XML file(s); '-' reads standard input")
    .option('--qemu-version <version>', "QEMU version whose capabilities to use (see 'teamctl caps'), or 'latest'", 'latest')
    .option('--network-xml <file>', 'libvirt network definition used by <interface type=\'network\'> (repeatable)', collect, [])
    .option('--lint', "also report teaming mistakes (see 'teamctl lint') on standard error; errors make the exit status 1")
    .addHelpText(
      'after',
      `
Examples:
  teamctl xml2argv domain.xml
  teamctl xml2argv --qemu-version 4.2.0 domain.xml
  teamctl xml2argv --network-xml hostdev-pool.xml domain.xml

Exit status: 0 success, 1 the domain is rejected, 2 usage or I/O error.`,
    )
    .action((files: string[], opts: Xml2argvOptions) => {
      setExit(runXml2argv(files, opts, out));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function runXml2argv(files: string[], opts: Xml2argvOptions, out: Output): number {
  const networks = opts.networkXml.map((f) => loadNetwork(readInput(f), f));
  let worst = 0;
  for (const file of files) {
    try {
      const text = readInput(file);
      if (opts.lint) worst = Math.max(worst, reportLint(text, file, opts, networks, out));
      const result = xml2argv(text, { qemuVersion: opts.qemuVersion, networks, source: file });
      for (const w of result.warnings) out.warn(`${file}: ${w}`);
      out.out(result.args);
    } catch (e) {
      if (!isTeamctlError(e) || e.category === 'usage') throw e;
      out.error(`${file}: ${e.text}`);
      worst = Math.max(worst, e.exitCode);
    }
  }
  return worst;
}
