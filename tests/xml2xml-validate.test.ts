/**
 * Every XML xml2xml writes validates against libvirt's domain schema
 * (virt-xml-validate) whenever its input does. (A few error cases are
 * schema-invalid on purpose, e.g. <target managed='no'/> without dev, which
 * libvirt accepts at define time and writes back unchanged.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xml2xml } from '../src/pipeline.js';
import { caseNetworks, caseRuns, outcome } from './helpers/xml2xml.js';

const hasValidator = spawnSync('sh', ['-c', 'command -v virt-xml-validate'], { encoding: 'utf8' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'teamctl-xml2xml-'));
const networks = caseNetworks();

function validate(label: string, xml: string): { status: number | null; message: string; file: string } {
  const file = join(dir, `${label}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('virt-xml-validate', [file, 'domain'], { encoding: 'utf8' });
  return { status: r.status, message: r.stderr.trim(), file };
}

const documents: Array<{ label: string; xml: string; inputValid: boolean }> = [];
if (hasValidator) {
  const inputValid = new Map<string, boolean>();
  for (const run of caseRuns()) {
    const r = outcome(() => xml2xml(run.xml, { qemuVersion: run.version, networks }).xml);
    if (!r.ok) continue;
    if (!inputValid.has(run.name)) inputValid.set(run.name, validate(`${run.name}.input`, run.xml).status === 0);
    documents.push({ label: `${run.name}.${run.version}`, xml: r.value, inputValid: inputValid.get(run.name)! });
  }
}

(hasValidator ? describe : describe.skip)('virt-xml-validate on xml2xml output', () => {
  it('has documents to check', () => {
    expect(documents.filter((d) => d.inputValid).length).toBeGreaterThan(10);
  });

  for (const { label, xml, inputValid } of documents) {
    (inputValid ? it : it.skip)(`${label} validates`, () => {
      const r = validate(label, xml);
      expect({ status: r.status, message: r.message }).toEqual({ status: 0, message: `${r.file} validates` });
    });
  }
});
