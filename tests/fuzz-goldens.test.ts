/**
 * Fuzzing with mutated goldens: whatever a user writes, teamctl prints a
 * command line or one line of refusal — never an uncaught exception, never a
 * stack, never more than a second. Failures print the seed and the XML;
 * TEAMCTL_FUZZ_SEED / TEAMCTL_FUZZ_RUNS replay or widen a run.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { domainCorpus, fuzzSettings, QEMU_VERSIONS } from './helpers/corpus.js';
import { mutate, mutationArb, vocabulary } from './helpers/mutate.js';
import { checkInput } from './helpers/outcome.js';

const corpus = domainCorpus();
const vocab = vocabulary(corpus.map((c) => c.xml));

const inputArb = fc.record({
  file: fc.nat({ max: corpus.length - 1 }),
  version: fc.constantFrom(...QEMU_VERSIONS),
  mutations: fc.array(mutationArb(vocab), { minLength: 1, maxLength: 4 }),
});

describe('fuzz: mutated goldens', () => {
  it('has a corpus', () => {
    expect(corpus.length).toBeGreaterThan(50);
  });

  it('every unmutated corpus file holds the property on every version', () => {
    for (const c of corpus) for (const v of QEMU_VERSIONS) checkInput(c.xml, { qemuVersion: v }, c.name);
  });

  it('mutations through the library', () => {
    const { seed, numRuns } = fuzzSettings(20261122, 4000);
    fc.assert(
      fc.property(inputArb, ({ file, version, mutations }) => {
        const c = corpus[file]!;
        checkInput(mutate(c.xml, mutations), { qemuVersion: version }, `${c.name} seed=${seed}`);
      }),
      { seed, numRuns },
    );
  });

  it('mutations through the CLI process: exit 0/1/2, one line on stderr, no stack', () => {
    const { seed, numRuns } = fuzzSettings(7, 24);
    fc.assert(
      fc.property(inputArb, ({ file, version, mutations }) => {
        const xml = mutate(corpus[file]!.xml, mutations);
        const started = performance.now();
        const r = spawnSync(process.execPath, ['bin/teamctl', 'xml2argv', '--qemu-version', version, '-'], { input: xml, encoding: 'utf8' });
        const ms = performance.now() - started;
        const where = `seed=${seed} ${corpus[file]!.name} (${version})\n${xml}`;
        expect({ where, status: [0, 1, 2].includes(r.status ?? -1) }).toEqual({ where, status: true });
        expect({ where, stack: /\n\s+at /.test(r.stderr) }).toEqual({ where, stack: false });
        if (r.status === 0) expect({ where, stdout: r.stdout.length > 0 }).toEqual({ where, stdout: true });
        else expect({ where, lines: r.stderr.trimEnd().split('\n').length }).toEqual({ where, lines: 1 });
        // Process start-up is most of this; the conversion itself is bounded by the library test.
        expect({ where, slow: ms > 3000 }).toEqual({ where, slow: false });
      }),
      { seed, numRuns },
    );
  });
});
