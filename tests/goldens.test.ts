/**
 * Our own golden cases (qemuxml2argvdata/): every case must reproduce its
 * expected output byte for byte. TEAMCTL_REGENERATE=1 rewrites the goldens
 * through the same code; review every changed line before committing.
 */
import { runGoldenDir } from '../src/golden/run.js';

const regenerate = process.env['TEAMCTL_REGENERATE'] === '1';
const outcomes = runGoldenDir('qemuxml2argvdata', { regenerate });

describe('qemuxml2argvdata goldens', () => {
  it('has cases', () => {
    expect(outcomes.length).toBeGreaterThan(0);
  });
  it.each(outcomes.map((o) => [o.expectation ? `${o.caseName} [${o.expectation.version}, ${o.expectation.kind}]` : o.caseName, o] as const))(
    '%s',
    (_label, o) => {
      if (o.problem && !o.expectation) throw new Error(o.problem);
      if (o.regenerated) return;
      expect(o.actual).toBe(o.expected);
    },
  );
});
