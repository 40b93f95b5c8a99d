/**
 * One error family for everything a user can cause. Each error carries a
 * libvirt-style category (the prefix libvirt prints before its message) and
 * the exit code the CLI uses, so the CLI never has to guess.
 */

/** libvirt's error-code prefixes, as `virsh` prints them. */
export type ErrorCategory =
  | 'xml' // VIR_ERR_XML_ERROR / VIR_ERR_XML_DETAIL: "XML error: "
  | 'config-unsupported' // VIR_ERR_CONFIG_UNSUPPORTED: "unsupported configuration: "
  | 'internal' // VIR_ERR_INTERNAL_ERROR: "internal error: "
  | 'invalid-arg' // VIR_ERR_INVALID_ARG: "invalid argument: "
  | 'operation-invalid' // VIR_ERR_OPERATION_INVALID: "Requested operation is not valid: "
  | 'operation-unsupported' // VIR_ERR_OPERATION_UNSUPPORTED: "Operation not supported: "
  | 'detail' // errors libvirt prints without a category prefix (VIR_ERR_XML_DETAIL, VIR_ERR_NO_TARGET)
  | 'overflow' // VIR_ERR_OVERFLOW: "numerical overflow: "
  | 'usage' // teamctl's own: bad flags or arguments
  | 'io'; // teamctl's own: a file could not be read or written

const PREFIX: Record<ErrorCategory, string> = {
  xml: 'XML error: ',
  'config-unsupported': 'unsupported configuration: ',
  internal: 'internal error: ',
  'invalid-arg': 'invalid argument: ',
  'operation-invalid': 'Requested operation is not valid: ',
  'operation-unsupported': 'Operation not supported: ',
  detail: '',
  overflow: 'numerical overflow: ',
  usage: '',
  io: '',
};

/** Exit codes: 0 success, 1 the domain is rejected, 2 usage or I/O. */
export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;
/** An internal bug: something teamctl should never do. */
export const EXIT_BUG = 70;

export class TeamctlError extends Error {
  readonly category: ErrorCategory;
  /** Stable identifier for tests and scripts, e.g. `teaming.transient-not-hostdev`. */
  readonly code: string;

  constructor(category: ErrorCategory, code: string, message: string) {
    super(oneLine(message));
    this.name = 'TeamctlError';
    this.category = category;
    this.code = code;
  }

  get exitCode(): number {
    return this.category === 'usage' || this.category === 'io' ? EXIT_USAGE : EXIT_REJECTED;
  }

  /** The message as libvirt (and `virsh`) would print it, category prefix included. */
  get text(): string {
    return PREFIX[this.category] + this.message;
  }
}

/** Line breaks and other control characters a user put in a value, escaped so a message stays one line. */
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

function oneLine(message: string): string {
  return message.replace(CONTROL, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export function xmlError(code: string, message: string): TeamctlError {
  return new TeamctlError('xml', code, message);
}

export function unsupported(code: string, message: string): TeamctlError {
  return new TeamctlError('config-unsupported', code, message);
}

export function internalError(code: string, message: string): TeamctlError {
  return new TeamctlError('internal', code, message);
}

export function usageError(code: string, message: string): TeamctlError {
  return new TeamctlError('usage', code, message);
}

export function ioError(code: string, message: string): TeamctlError {
  return new TeamctlError('io', code, message);
}

export function isTeamctlError(e: unknown): e is TeamctlError {
  return e instanceof TeamctlError;
}
