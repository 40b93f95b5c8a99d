/** The work behind `teamctl migrate-check`, loaded only when the command runs. */
import { EXIT_REJECTED, isTeamctlError } from '../../errors.js';
import { formatMigrateCheck } from '../../migrate/format.js';
import { migrateCheck } from '../../pipeline.js';
import { readInput } from '../io.js';
import type { Output } from '../output.js';
import { loadDomainInputs } from './domain-inputs.js';
import type { MigrateCheckOptions } from './migrate-check.js';

export async function runMigrateCheck(files: string[], opts: MigrateCheckOptions, out: Output): Promise<number> {
  const { caps, networks } = loadDomainInputs(files, opts);
  let worst = 0;
  for (const file of files) {
    const label = file === '-' ? 'stdin' : file;
    try {
      const result = migrateCheck(readInput(file), { caps, networks, source: file });
      for (const w of result.warnings) out.warn(`${label}: ${w}`);
      out.out(formatMigrateCheck(label, result, opts.json ? 'json' : 'text'));
      if (result.blockers.length > 0) worst = Math.max(worst, EXIT_REJECTED);
    } catch (e) {
      if (!isTeamctlError(e) || e.category === 'usage') throw e;
      out.error(`${label}: ${e.text}`);
      worst = Math.max(worst, e.exitCode);
    }
  }
  return worst;
}
