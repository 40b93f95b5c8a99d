/** The work behind `teamctl lint`, loaded only when the command runs. */
import { Chalk } from 'chalk';
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
import { colorLevel, type Output } from '../output.js';
import type { LintCliOptions } from './lint.js';

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
  if (colorLevel(stream, process.env) === 0) return PLAIN;
  const chalk = new Chalk({ level: 1 });
  return {
    severity: (text, severity) => (severity === 'error' ? chalk.red(text) : chalk.yellow(text)),
    code: (text) => chalk.bold(text),
  };
}
