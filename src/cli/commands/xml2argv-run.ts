/** The work behind `teamctl xml2argv`, loaded only when the command runs. */
import { isTeamctlError } from '../../errors.js';
import { xml2argv } from '../../pipeline.js';
import { formatCommand, type OutputFormat } from '../../render/formats.js';
import { readInput } from '../io.js';
import type { Output } from '../output.js';
import { loadDomainInputs } from './domain-inputs.js';
import { profileFromOptions } from './profile-options.js';
import type { Xml2argvOptions } from './xml2argv.js';

export async function runXml2argv(files: string[], opts: Xml2argvOptions, out: Output): Promise<number> {
  // Lint code is loaded only when asked for.
  const lint = opts.lint ? await import('./lint-run.js') : undefined;
  const profile = profileFromOptions(opts);
  const { caps, networks } = loadDomainInputs(files, opts, profile);
  const many = files.length > 1;
  let worst = 0;
  files.forEach((file, i) => {
    try {
      const text = readInput(file);
      if (lint) worst = Math.max(worst, lint.reportLint(text, file, { caps }, networks, out));
      const result = xml2argv(text, { caps, networks, profile, source: file });
      for (const w of result.warnings) out.warn(`${file}: ${w}`);
      out.out(frame(formatCommand(result.rendered, opts.format), file, opts.format, many, i));
    } catch (e) {
      if (!isTeamctlError(e) || e.category === 'usage') throw e;
      out.error(`${file === '-' ? 'stdin' : file}: ${e.text}`);
      worst = Math.max(worst, e.exitCode);
    }
  });
  return worst;
}

/** How one file's result is marked when several files are converted at once. */
function frame(text: string, file: string, format: OutputFormat, many: boolean, index: number): string {
  switch (format) {
    case 'json': {
      const doc = JSON.parse(text) as object;
      return JSON.stringify(many ? { file, ...doc } : doc) + '\n';
    }
    case 'nul':
      return many && index > 0 ? `\0${text}` : text;
    default:
      return many ? `# ${file}\n${text}` : text;
  }
}
