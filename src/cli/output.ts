/** Everything the CLI prints goes through here, so colour rules live in one place. */
import { Chalk, type ChalkInstance } from 'chalk';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** A one-line error. */
  error(message: string): void;
  warn(message: string): void;
  /** A PASS/FAIL line of a test run. */
  result(status: 'PASS' | 'FAIL', label: string): void;
  /** A unified diff, coloured when colours are on. */
  diff(patch: string): void;
}

export interface Writer {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Colours only on a terminal and never when NO_COLOR is set (https://no-color.org). */
export function colorLevel(stream: { readonly isTTY?: boolean | undefined }, env: NodeJS.ProcessEnv): 0 | 1 {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
  return stream.isTTY ? 1 : 0;
}

export function streamOutput(stdout: Writer, stderr: Writer, env: NodeJS.ProcessEnv = process.env): Output {
  const outColor: ChalkInstance = new Chalk({ level: colorLevel(stdout, env) });
  const errColor: ChalkInstance = new Chalk({ level: colorLevel(stderr, env) });
  return {
    out: (t) => void stdout.write(t),
    err: (t) => void stderr.write(t),
    error: (m) => void stderr.write(`${errColor.red('teamctl: error:')} ${m}\n`),
    warn: (m) => void stderr.write(`${errColor.yellow('teamctl: warning:')} ${m}\n`),
    result: (status, label) => void stdout.write(`${status === 'PASS' ? outColor.green(status) : outColor.red(status)} ${label}\n`),
    diff: (patch) => {
      const lines = patch.split('\n').map((l) => {
        if (l.startsWith('+++') || l.startsWith('---')) return outColor.bold(l);
        if (l.startsWith('+')) return outColor.green(l);
        if (l.startsWith('-')) return outColor.red(l);
        if (l.startsWith('@@')) return outColor.cyan(l);
        return l;
      });
      stdout.write(lines.join('\n') + (patch.endsWith('\n') ? '' : '\n'));
    },
  };
}
