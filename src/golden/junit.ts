/** JUnit XML for CI systems, from golden outcomes. */
import type { GoldenOutcome } from './run.js';

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML 1.0 cannot carry most control characters at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function outcomeLabel(o: GoldenOutcome): string {
  return o.expectation ? `${o.caseName} [${o.expectation.arch}-${o.expectation.version}, ${o.expectation.kind}]` : o.caseName;
}

export function toJUnit(suite: string, outcomes: readonly GoldenOutcome[], diffOf: (o: GoldenOutcome) => string): string {
  const failures = outcomes.filter((o) => !o.ok).length;
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="${esc(suite)}" tests="${outcomes.length}" failures="${failures}">\n`;
  for (const o of outcomes) {
    xml += `    <testcase classname="${esc(suite)}" name="${esc(outcomeLabel(o))}"`;
    if (o.ok) {
      xml += '/>\n';
      continue;
    }
    xml += `>\n      <failure message="${esc(o.problem ?? 'failed')}">${esc(diffOf(o))}</failure>\n    </testcase>\n`;
  }
  return xml + '  </testsuite>\n</testsuites>\n';
}
