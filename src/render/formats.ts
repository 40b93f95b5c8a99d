/**
 * Output formats of xml2argv: libvirt's .args layout and machine-friendly
 * forms for scripts (argv lines, JSON, one shell line, NUL-separated words).
 */
import type { RenderedCommand } from './render.js';
import { toArgsFile } from './render.js';

export const FORMATS = ['args', 'argv', 'json', 'shell', 'nul'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** POSIX sh quoting: safe words stay bare, anything else goes in single quotes. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return "'" + word.replace(/'/g, "'\\''") + "'";
}

export function formatCommand(cmd: RenderedCommand, format: OutputFormat): string {
  switch (format) {
    case 'args':
      return toArgsFile(cmd);
    case 'argv':
      return cmd.argv.map((a) => `${a}\n`).join('');
    case 'json':
      return JSON.stringify({ env: Object.fromEntries(cmd.env), argv: cmd.argv });
    case 'shell': {
      const env = cmd.env.map(([k, v]) => `${k}=${shellQuote(v)}`);
      // A bare first word containing '=' would be taken as one more assignment.
      const words = cmd.argv.map((a, i) => (i === 0 && a.includes('=') ? `'${a.replace(/'/g, "'\\''")}'` : shellQuote(a)));
      return [...env, ...words].join(' ') + '\n';
    }
    case 'nul':
      return cmd.argv.map((a) => `${a}\0`).join('');
  }
}
