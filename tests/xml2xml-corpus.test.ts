/**
 * xml2xml over every case XML we own, at every QEMU version of its goldens:
 * formatting is a fixed point (parse∘format twice gives the same bytes), the
 * formatted XML builds the same command line (or the same error) as the
 * original, and a domain rejected at define time is rejected with the same
 * message as xml2argv gives.
 */
import { xml2argv, xml2xml, type ConvertOptions } from '../src/pipeline.js';
import { caseNetworks, caseRuns, outcome, PENDING_FORMAT_CODES } from './helpers/xml2xml.js';

const networks = caseNetworks();
const runs = caseRuns().map((run) => {
  const options: ConvertOptions = { qemuVersion: run.version, networks };
  const formatted = outcome(() => xml2xml(run.xml, options).xml);
  return { ...run, options, formatted };
});

describe('xml2xml over qemuxml2argvdata', () => {
  it('finds the cases', () => {
    expect(runs.length).toBeGreaterThan(80);
  });

  for (const run of runs) {
    const label = `${run.name} [${run.version}]`;
    const f = run.formatted;
    const pending = !f.ok && f.pending;
    (pending ? it.skip : it)(`${label}: rejected by xml2xml exactly when xml2argv rejects it at define time`, () => {
      const argv = outcome(() => xml2argv(run.xml, run.options).args);
      if (!f.ok) expect(argv).toEqual({ ok: false, error: f.error, pending: false });
    });
    if (!f.ok) continue;
    it(`${label}: formatting the formatted XML gives the same bytes`, () => {
      expect(xml2xml(f.value, run.options).xml).toBe(f.value);
    });
    it(`${label}: the formatted XML gives the same command line or error`, () => {
      expect(outcome(() => xml2argv(f.value, run.options).args)).toEqual(outcome(() => xml2argv(run.xml, run.options).args));
    });
  }

  it('placeholders left on this branch are only the families formatted elsewhere', () => {
    const allowed = ['format.disk', 'format.chardev', 'format.rng', 'format.watchdog', 'format.video', 'format.graphics', 'format.hub'];
    for (const code of PENDING_FORMAT_CODES) expect(allowed).toContain(code);
  });
});
