/** The work behind `teamctl xml2xml`, loaded only when the command runs. */
import { capsFromCacheFile } from '../../caps/cache-file.js';
import { builtinCaps } from '../../caps/table.js';
import { isTeamctlError } from '../../errors.js';
import { loadNetwork, xml2xml } from '../../pipeline.js';
import { readInput } from '../io.js';
import type { Output } from '../output.js';
import type { Xml2xmlOptions } from './xml2xml.js';

export function runXml2xml(file: string, opts: Xml2xmlOptions, out: Output): number {
  const networks = opts.networkXml.map((f) => loadNetwork(readInput(f), f));
  const caps = opts.caps !== undefined ? capsFromCacheFile(readInput(opts.caps), opts.caps) : builtinCaps(opts.qemuVersion);
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
