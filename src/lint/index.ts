/** teamctl lint as a library: teaming diagnostics as data, and the safe fixes. */
export { lintDomain, type LintResult } from './lint.js';
export { fixDomain, type FixChange, type FixResult } from './fix/fix.js';
export type { LintOptions } from './context.js';
export { ALL_LINT_CODES, LINT_CODES, type LintCode, type Severity } from './codes.js';
export { summarize, type Diagnostic, type DeviceRef, type LintSummary } from './diagnostic.js';
export { formatChange, formatDiagnostic, formatLintResult, formatSummary, lintJson, PLAIN, type LintJson, type Style } from './format.js';
