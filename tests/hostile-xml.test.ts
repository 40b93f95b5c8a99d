/** XML attacks: each is refused quickly with a one-line message, never expanded or followed. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xml2argv } from '../src/pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'teamctl-hostile-'));

function run(bytes: string | Buffer) {
  const file = join(dir, `case-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, bytes);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['bin/teamctl', 'xml2argv', file], { encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, ms: Date.now() - started };
}

const head = "<domain type='qemu'><name>x</name><memory>1024</memory><os><type>hvm</type></os>";

describe('hostile XML', () => {
  it('refuses entity expansion ("billion laughs")', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>${head}<description>&lol9;</description></domain>`;
    const r = run(lol);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('XML error: DOCTYPE and entity declarations are not allowed');
  });

  it('never resolves external entities', () => {
    const r = run(`<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${head}<description>&x;</description></domain>`);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('root:');
    expect(r.stderr).toContain('DOCTYPE');
  });

  it('refuses elements nested deeper than libxml2 allows', () => {
    const r = run(`${head}<metadata>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</metadata></domain>`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nested deeper than 256 levels');
  });

  it('refuses a 50 MB document without parsing it', () => {
    const r = run(`${head}<description>${'x'.repeat(50 * 1024 * 1024)}</description></domain>`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('document is larger than 10 MiB');
    expect(r.ms).toBeLessThan(5000);
  });

  it('refuses invalid UTF-8 instead of replacing bytes', () => {
    const r = run(Buffer.concat([Buffer.from(head), Buffer.from([0x3c, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e, 0xff, 0xfe]), Buffer.from('</title></domain>')]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not valid UTF-8');
  });

  it('reports malformed XML in one line without a stack', () => {
    const r = run(`${head}<devices><disk></devices></domain>`);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('XML error: malformed XML');
  });

  it('gives the same refusals through the library API', () => {
    expect(() => xml2argv('<!DOCTYPE d><domain/>')).toThrow('DOCTYPE');
  });
});
