/** Diagnostics are values; `format.ts` is the only place that turns them into prose. */
import { defaultSeverity, type LintCode, type Severity } from './codes.js';

/** The device a diagnostic concerns, named the ways a user can find it. */
export interface DeviceRef {
  readonly element: 'interface' | 'hostdev';
  /** Interface type ('hostdev', 'network', 'user', …) or hostdev type ('pci', 'usb'). */
  readonly type: string;
  /** The QEMU device id: the user alias, or the one libvirt generates at start. */
  readonly alias?: string;
  readonly mac?: string;
  /** Host PCI address of the VF (domain:bus:slot.function). */
  readonly host?: string;
  /** The libvirt network an <interface type='network'> takes its VF from. */
  readonly network?: string;
  /** Guest PCI address, for placement diagnostics. */
  readonly address?: string;
}

export interface Diagnostic {
  readonly code: LintCode;
  readonly severity: Severity;
  readonly device?: DeviceRef;
  /** What goes wrong at run time. */
  readonly message: string;
  /** How to fix it, phrased as an instruction. */
  readonly hint: string;
  /** `teamctl lint --fix` can fix this one. */
  readonly fixable: boolean;
}

export function diagnostic(
  code: LintCode,
  device: DeviceRef | undefined,
  message: string,
  hint: string,
  fixable = false,
): Diagnostic {
  return { code, severity: defaultSeverity(code), ...(device ? { device } : {}), message, hint, fixable };
}

export interface LintSummary {
  readonly errors: number;
  readonly warnings: number;
}

export function summarize(diagnostics: readonly Diagnostic[]): LintSummary {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** `--strict`: every warning becomes an error. */
export function strict(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}
