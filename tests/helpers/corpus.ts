/** The domain XMLs we own or referee against, for fuzzing and property tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface CorpusFile {
  readonly name: string;
  readonly xml: string;
}

const DIRS = [resolve('qemuxml2argvdata'), resolve('..', '..', 'shared', 'conformance', 'libvirt'), resolve('..', '..', 'shared', 'conformance', 'errors')];

export function domainCorpus(): CorpusFile[] {
  const out: CorpusFile[] = [];
  for (const dir of DIRS) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith('.xml')) out.push({ name: join(dir, f), xml: readFileSync(join(dir, f), 'utf8') });
    }
  }
  return out;
}

/** A fixed seed unless TEAMCTL_FUZZ_SEED overrides it; runs scale with TEAMCTL_FUZZ_RUNS. */
export function fuzzSettings(defaultSeed: number, defaultRuns: number): { seed: number; numRuns: number } {
  const seed = Number(process.env['TEAMCTL_FUZZ_SEED'] ?? defaultSeed);
  const numRuns = Number(process.env['TEAMCTL_FUZZ_RUNS'] ?? defaultRuns);
  return { seed, numRuns };
}

export const QEMU_VERSIONS = ['latest', '6.2.0', '4.2.0'] as const;
