/** The work behind `teamctl xml2xml`, loaded only when the command runs. */
import { isTeamctlError } from '../../errors.js';
import { xml2xml } from '../../pipeline.js';
import { readInput } from '../io.js';
import type { Output } from '../output.js';
import { loadDomainInputs } from './domain-inputs.js';
import type { Xml2xmlOptions } from './xml2xml.js';

export function runXml2xml(file: string, opts: Xml2xmlOptions, out: Output): number {
  const { caps, networks } = loadDomainInputs([file], opts);
  try {
    const result = xml2xml(readInput(file), { caps, networks, source: file });
    for (const w of result.warnings) out.warn(`${file}: ${w}`);
    out.out(result.xml);
    return 0;
  } catch (e) {
    if (!isTeamctlError(e) || e.category === 'usage' || e.category === 'io') throw e;
    out.error(`${file === '-' ? 'stdin' : file}: ${e.text}`);
    return e.exitCode;
  }
}
