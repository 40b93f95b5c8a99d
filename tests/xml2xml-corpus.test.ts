/**
 * xml2xml over every case XML we own, at every QEMU version of its goldens:
 * formatting is a fixed point (parse∘format twice gives the same bytes), the
 * formatted XML builds the same command line (or the same error) as the
 * original, and a domain rejected at define time is rejected with the same
 * message as xml2argv gives.
 */
import { xml2argv, xml2xml, type ConvertOptions } from '../src/pipeline.js';
import { caseNetworks, caseRuns, outcome } from './helpers/xml2xml.js';

const networks = caseNetworks();
const runs = caseRuns().map((run) => {
  const options: ConvertOptions = { qemuVersion: run.version, networks };
  const formatted = outcome(() => xml2xml(run.xml, options).xml);
  const losses = outcome(() => xml2xml(run.xml, options).warnings.filter((w) => w.includes('is not written back')));
  return { ...run, options, formatted, lossy: losses.ok && losses.value.length > 0 };
});

describe('xml2xml over qemuxml2argvdata', () => {
  it('finds the cases', () => {
    expect(runs.length).toBeGreaterThan(80);
  });

  for (const run of runs) {
    const label = `${run.name} [${run.version}]`;
    const f = run.formatted;
    it(`${label}: rejected by xml2xml exactly when xml2argv rejects it at define time`, () => {
      const argv = outcome(() => xml2argv(run.xml, run.options).args);
      if (!f.ok) expect(argv).toEqual({ ok: false, error: f.error });
    });
    if (!f.ok) continue;
    it(`${label}: formatting the formatted XML gives the same bytes`, () => {
      expect(xml2xml(f.value, run.options).xml).toBe(f.value);
    });
    // Where libvirt's format drops something the command line uses, xml2xml says so and the
    // command line built from the stored definition differs, as it does under libvirt.
    it(`${label}: the formatted XML gives the same command line or error${run.lossy ? ' (except what xml2xml reports as lost)' : ''}`, () => {
      const again = outcome(() => xml2argv(f.value, run.options).args);
      const first = outcome(() => xml2argv(run.xml, run.options).args);
      if (run.lossy) expect(again).not.toEqual(first);
      else expect(again).toEqual(first);
    });
  }
});
