/** Everything the CLI prints goes through here, so colour rules live in one place. */
import chalk, { Chalk } from 'chalk';
import type { Writable } from 'node:stream';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** A one-line error with optional location. */
  error(message: string): void;
  warn(message: string): void;
}

export function streamOutput(stdout: Writable, stderr: Writable, colorErrors: boolean): Output {
  const c = colorErrors ? chalk : new Chalk({ level: 0 });
  return {
    out: (t) => void stdout.write(t),
    err: (t) => void stderr.write(t),
    error: (m) => void stderr.write(`${c.red('teamctl: error:')} ${m}\n`),
    warn: (m) => void stderr.write(`${c.yellow('teamctl: warning:')} ${m}\n`),
  };
}
