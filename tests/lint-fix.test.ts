/**
 * `lint --fix` on every lint golden case: it fixes exactly what it marks
 * fixable, what it prints lints clean of what it claims to fix, touches
 * nothing when there is nothing to fix, and libvirt's schema accepts it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixDomain } from '../src/lint/fix/fix.js';
import { applyEdits, deviceElements, loadSource, prependChild, setAttribute } from '../src/lint/fix/source.js';
import { lintDomain } from '../src/lint/lint.js';
import { lintCases, lintNetworkDefs } from './helpers/lint.js';

const cases = lintCases();
const haveValidator = spawnSync('virt-xml-validate', ['--help'], { encoding: 'utf8' }).error === undefined;
if (!haveValidator) console.warn('skipping virt-xml-validate checks: virt-xml-validate is not installed');
const dir = mkdtempSync(join(tmpdir(), 'teamctl-fix-'));

describe('lint --fix', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const options = { qemuVersion: c.version, networks: lintNetworkDefs, source: c.name };
    const before = lintDomain(c.xml, options).diagnostics;
    const fixed = fixDomain(c.xml, options);
    const claimed = new Set(fixed.changes.flatMap((ch) => ch.codes));
    // Everything marked fixable was fixed, and nothing it claims to fix is left.
    for (const d of before) if (d.fixable) expect(claimed).toContain(d.code);
    for (const d of fixed.diagnostics) expect(claimed.has(d.code) ? d : undefined).toBeUndefined();
    expect(fixed.diagnostics.filter((d) => d.fixable)).toEqual([]);
    if (fixed.changes.length === 0) expect(fixed.xml).toBe(c.xml);
  });

  (haveValidator ? it.each : it.skip.each)(cases.filter((c) => fixDomain(c.xml, { qemuVersion: c.version, networks: lintNetworkDefs }).changes.length > 0).map((c) => [c.name, c] as const))(
    '%s: the fixed XML validates with virt-xml-validate',
    (_name, c) => {
      const file = join(dir, `${c.name}.fixed.xml`);
      writeFileSync(file, fixDomain(c.xml, { qemuVersion: c.version, networks: lintNetworkDefs }).xml);
      const r = spawnSync('virt-xml-validate', [file, 'domain'], { encoding: 'utf8' });
      expect(`${r.stdout}${r.stderr}`.trim()).toBe(`${file} validates`);
      expect(r.status).toBe(0);
    },
  );
});

describe('lint --fix edits the text, not a re-serialised DOM', () => {
  const doc =
    '<?xml version="1.0"?>\r\n<!-- keep me -->\r\n<domain type="kvm">\r\n\t<devices>\r\n\t\t<interface type="hostdev">\r\n\t\t\t<teaming type="transient" persistent="net0" />\r\n\t\t</interface>\r\n\t</devices>\r\n</domain>\r\n';

  it('keeps quotes, tabs, CRLF and comments, and changes only the attribute value', () => {
    const src = loadSource(doc);
    const teaming = deviceElements(src, 'interface')[0]!.getElementsByTagName('teaming')[0]!;
    const out = applyEdits(doc, [setAttribute(src, teaming, 'persistent', 'ua-net0')]);
    expect(out).toBe(doc.replace('persistent="net0"', 'persistent="ua-net0"'));
  });

  it('adds a missing attribute in the tag’s quote style and a child on its own line, indented like its siblings', () => {
    const src = loadSource(doc);
    const iface = deviceElements(src, 'interface')[0]!;
    const out = applyEdits(doc, [setAttribute(src, iface, 'managed', 'yes'), prependChild(src, iface, `<mac address='52:54:00:00:00:01'/>`)]);
    expect(out).toBe(
      doc
        .replace('<interface type="hostdev">', '<interface type="hostdev" managed="yes">')
        .replace('<interface type="hostdev" managed="yes">\r\n', `<interface type="hostdev" managed="yes">\r\n\t\t\t<mac address='52:54:00:00:00:01'/>\r\n`),
    );
  });

  it('is not fooled by a ">" inside an attribute value', () => {
    const text = `<domain><devices><interface type='hostdev' x='a>b'><teaming type='transient' persistent='p'/></interface></devices></domain>`;
    const src = loadSource(text);
    const out = applyEdits(text, [prependChild(src, deviceElements(src, 'interface')[0]!, '<alias/>')]);
    expect(out).toBe(text.replace(`x='a>b'>`, `x='a>b'><alias/>`));
  });
});
