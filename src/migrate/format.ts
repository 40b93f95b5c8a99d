/** migrate-check's report: a verdict line and one line per blocker, or JSON. */
import type { MigrateCheckResult } from '../pipeline.js';

export function formatMigrateCheck(file: string, result: MigrateCheckResult, format: 'text' | 'json'): string {
  const { blockers } = result;
  if (format === 'json') {
    return JSON.stringify({ file, domain: result.domain.name, migratable: blockers.length === 0, blockers }) + '\n';
  }
  if (blockers.length === 0) return `${file}: migratable\n`;
  const lines = [`${file}: not migratable`];
  for (const b of blockers) lines.push(`${file}: ${b.alias} (${b.source}): ${b.message}`);
  return lines.join('\n') + '\n';
}
