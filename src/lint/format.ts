/**
 * The one formatter: diagnostics to text lines, and to the JSON scripts get.
 * Colours are injected by the caller (the CLI), so this stays plain.
 */
import type { Severity } from './codes.js';
import { summarize, type DeviceRef, type Diagnostic } from './diagnostic.js';
import type { FixChange } from './fix/fix.js';
import type { LintResult } from './lint.js';

export interface Style {
  severity(text: string, severity: Severity): string;
  code(text: string): string;
}

export const PLAIN: Style = { severity: (t) => t, code: (t) => t };

/** `<interface type='hostdev'> hostdev0 (MAC …, VF …, network …, guest …)`. */
export function formatDevice(dev: DeviceRef): string {
  const details = [
    dev.mac !== undefined ? `MAC ${dev.mac}` : undefined,
    dev.network !== undefined ? `network '${dev.network}'` : undefined,
    dev.host !== undefined ? `VF ${dev.host}` : undefined,
    dev.address !== undefined ? `guest PCI ${dev.address}` : undefined,
  ].filter((x): x is string => x !== undefined);
  const head = `<${dev.element} type='${dev.type}'>${dev.alias !== undefined ? ` ${dev.alias}` : ''}`;
  return details.length > 0 ? `${head} (${details.join(', ')})` : head;
}

/** One line: `SOURCE: error: CODE: DEVICE: what goes wrong; how to fix it.` */
export function formatDiagnostic(source: string, d: Diagnostic, style: Style = PLAIN): string {
  const device = d.device ? `${formatDevice(d.device)}: ` : '';
  const fix = d.fixable ? ' (lint --fix does this)' : '';
  return `${source}: ${style.severity(d.severity, d.severity)}: ${style.code(d.code)}: ${device}${d.message}; ${d.hint}${fix}.`;
}

export function formatSummary(source: string, diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = summarize(diagnostics);
  if (errors === 0 && warnings === 0) return `${source}: no teaming problems found`;
  return `${source}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The text report of one domain: a line per diagnostic, then the summary. */
export function formatLintResult(result: LintResult, style: Style = PLAIN): string {
  const lines = result.diagnostics.map((d) => formatDiagnostic(result.source, d, style));
  lines.push(formatSummary(result.source, result.diagnostics));
  return lines.join('\n') + '\n';
}

/** One line per change --fix made. */
export function formatChange(source: string, c: FixChange, style: Style = PLAIN): string {
  return `${source}: ${style.code('fixed')}: ${c.codes.join(', ')}: ${formatDevice(c.device)}: ${c.description}`;
}

export interface LintJson {
  readonly source: string;
  readonly errors: number;
  readonly warnings: number;
  readonly diagnostics: readonly Diagnostic[];
}

export function lintJson(result: LintResult): LintJson {
  return { source: result.source, ...summarize(result.diagnostics), diagnostics: result.diagnostics };
}
