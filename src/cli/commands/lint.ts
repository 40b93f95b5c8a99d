/** `teamctl lint`: report (and with --fix, repair) teaming mistakes libvirt and QEMU let through. */
import chalk from 'chalk';
import type { Command } from 'commander';
import type { Caps } from '../../caps/caps.js';
import { usageError } from '../../errors.js';
import type { LintOptions } from '../../lint/context.js';
import {
  fixDomain,
  formatChange,
  formatDiagnostic,
  formatLintResult,
  formatSummary,
  lintDomain,
  lintJson,
  PLAIN,
  summarize,
  type Diagnostic,
  type Style,
} from '../../lint/index.js';
import type { NetworkDef } from '../../model/network.js';
import { loadNetwork } from '../../pipeline.js';
import { readInput } from '../io.js';
import type { Output } from '../output.js';

export interface LintCliOptions {
  qemuVersion: string;
  networkXml: string[];
  json?: boolean;
  strict?: boolean;
  fix?: boolean;
}

export function registerLint(program: Command, out: Output, setExit: (code: number) => void): void {
  program
    .command('lint')
    .summary('report teaming mistakes that libvirt and QEMU let through')
    .description(
      "Check a domain's <teaming> (virtio-net failover) the way libvirt and QEMU meet it at run time: pairing of " +
        'transient VFs with persistent virtio NICs, MAC addresses, the VF\'s PCI placement (hot-plug, PCI Express, ' +
        'own slot), hostdev network pools and the QEMU version.\n\n' +
        'One line per diagnostic: SOURCE: SEVERITY: CODE: DEVICE: what goes wrong; how to fix it.',
    )
    .argument('<domain.xml...>', "domain XML file(s); '-' reads standard input")
    .option('--qemu-version <version>', "QEMU version whose capabilities to use, or 'latest'", 'latest')
    .option('--network-xml <file>', "libvirt network definition used by <interface type='network'> (repeatable)", collect, [])
    .option('--json', 'print the diagnostics as JSON')
    .option('--strict', 'treat warnings as errors')
    .option('--fix', 'print the domain with the safe fixes applied (one file); changes and what is left go to standard error')
    .addHelpText(
      'after',
      `
Examples:
  teamctl lint domain.xml
  teamctl lint --network-xml vf-pool.xml --qemu-version 7.2.0 domain.xml
  teamctl lint --fix domain.xml > fixed.xml

Exit status: 0 no errors, 1 errors found (or the domain is rejected), 2 usage or I/O error.
The codes are documented in the README ("teamctl lint").`,
    )
    .action((files: string[], opts: LintCliOptions) => {
      setExit(runLint(files, opts, out));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function lintOptions(opts: Pick<LintCliOptions, 'qemuVersion' | 'strict'>, networks: readonly NetworkDef[], source: string): LintOptions {
  return { qemuVersion: opts.qemuVersion, networks, source, ...(opts.strict ? { strict: true } : {}) };
}

export function runLint(files: string[], opts: LintCliOptions, out: Output): number {
  const networks = opts.networkXml.map((f) => loadNetwork(readInput(f), f));
  if (opts.fix) {
    if (files.length !== 1) throw usageError('lint.fix-files', '--fix takes exactly one domain XML');
    return runFix(files[0]!, opts, networks, out);
  }
  const results = files.map((file) => lintDomain(readInput(file), lintOptions(opts, networks, file)));
  if (opts.json) out.out(JSON.stringify(results.map(lintJson), null, 2) + '\n');
  else for (const r of results) out.out(formatLintResult(r, styleFor(process.stdout)));
  return exitCode(results.flatMap((r) => r.diagnostics));
}

function runFix(file: string, opts: LintCliOptions, networks: readonly NetworkDef[], out: Output): number {
  const result = fixDomain(readInput(file), lintOptions(opts, networks, file));
  if (opts.json) {
    const { diagnostics, ...rest } = result;
    out.out(JSON.stringify({ ...rest, ...summarize(diagnostics), diagnostics }, null, 2) + '\n');
  } else {
    out.out(result.xml);
    const style = styleFor(process.stderr);
    const lines = [
      ...result.changes.map((c) => formatChange(result.source, c, style)),
      ...result.diagnostics.map((d) => formatDiagnostic(result.source, d, style)),
      formatSummary(result.source, result.diagnostics),
    ];
    out.err(lines.join('\n') + '\n');
  }
  return exitCode(result.diagnostics);
}

/** For `xml2argv --lint`: the diagnostics on standard error; returns the exit status they call for. */
export function reportLint(xml: string, file: string, opts: { caps: Caps }, networks: readonly NetworkDef[], out: Output): number {
  const linted = lintDomain(xml, { caps: opts.caps, networks, source: file });
  // xml2argv reports libvirt's refusal itself.
  const result = { ...linted, diagnostics: linted.diagnostics.filter((d) => d.code !== 'libvirt.rejected') };
  if (result.diagnostics.length > 0) out.err(formatLintResult(result, styleFor(process.stderr)));
  return exitCode(result.diagnostics);
}

function exitCode(diagnostics: readonly Diagnostic[]): number {
  return summarize(diagnostics).errors > 0 ? 1 : 0;
}

function styleFor(stream: { isTTY?: boolean }): Style {
  if (!stream.isTTY || process.env['NO_COLOR']) return PLAIN;
  return {
    severity: (text, severity) => (severity === 'error' ? chalk.red(text) : chalk.yellow(text)),
    code: (text) => chalk.bold(text),
  };
}
