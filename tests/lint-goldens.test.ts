/**
 * Lint goldens (lintdata/): every case's text report, and its --fix output
 * when --fix changes something, must match byte for byte.
 * TEAMCTL_REGENERATE=1 rewrites them; review every changed line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_LINT_CODES } from '../src/lint/codes.js';
import { runLintGoldenDir } from '../src/lint/golden.js';

const regenerate = process.env['TEAMCTL_REGENERATE'] === '1';
const outcomes = runLintGoldenDir('lintdata', { regenerate });

describe('lintdata goldens', () => {
  it('has cases', () => {
    expect(outcomes.length).toBeGreaterThan(0);
  });
  it.each(outcomes.map((o) => [o.label, o] as const))('%s', (_label, o) => {
    if (o.regenerated) return;
    if (o.problem && o.expected === '' && o.actual === '') throw new Error(o.problem);
    expect(o.actual).toBe(o.expected);
  });
});

describe('every lint code', () => {
  const reports = readdirSync('lintdata')
    .filter((n) => n.endsWith('.lint'))
    .map((n) => readFileSync(join('lintdata', n), 'utf8'))
    .join('');
  const readme = readFileSync('README.md', 'utf8');
  it.each(ALL_LINT_CODES)('%s has a golden case and is documented in the README', (code) => {
    expect(reports).toContain(`: ${code}: `);
    expect(readme).toContain(`\`${code}\``);
  });
});
