/** Loading what the domain options name (run side: reads files, builds capabilities). */
import { capsFromCacheFile } from '../../caps/cache-file.js';
import type { Profile } from '../../build/profile.js';
import type { Caps } from '../../caps/caps.js';
import { usageError } from '../../errors.js';
import type { NetworkDef } from '../../model/network.js';
import { loadNetwork, resolveCaps } from '../../pipeline.js';
import { readInput } from '../io.js';
import type { DomainInputOptions } from './domain-options.js';

export function loadDomainInputs(files: readonly string[], opts: DomainInputOptions, profile?: Profile): { caps: Caps; networks: NetworkDef[] } {
  if (files.filter((f) => f === '-').length > 1) throw usageError('cli.stdin-twice', "standard input ('-') can be read only once");
  const networks = opts.networkXml.map((f) => loadNetwork(readInput(f), f));
  const caps = opts.caps !== undefined ? capsFromCacheFile(readInput(opts.caps), opts.caps) : resolveCaps({ qemuVersion: opts.qemuVersion, ...(profile ? { profile } : {}) });
  return { caps, networks };
}
