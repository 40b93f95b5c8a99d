/** `teamctl test`: the golden runner users run on their own folders (and npm test on ours). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const domain = (name: string) => `<domain type='qemu'><name>${name}</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
<memory unit='MiB'>256</memory><os><type arch='x86_64' machine='pc'>hvm</type></os></domain>`;

function teamctl(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ['bin/teamctl', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'teamctl-golden-'));
  writeFileSync(join(dir, 'ok.xml'), domain('ok'));
  writeFileSync(join(dir, 'ok.x86_64-latest.args'), '');
  writeFileSync(join(dir, 'bad.xml'), domain('bad').replace('<memory', "<devices><interface type='user'><teaming type='transient'/></interface></devices><memory"));
  writeFileSync(join(dir, 'bad.x86_64-latest.err'), "unsupported configuration: teaming persistent attribute must be set if teaming type is 'transient'\n");
  return dir;
}

describe('teamctl test', () => {
  it('regenerates, then passes, and reports N passed, M failed', () => {
    const dir = folder();
    const regen = teamctl(['test', '--regenerate', dir]);
    expect(regen.code).toBe(0);
    expect(readFileSync(join(dir, 'ok.x86_64-latest.args'), 'utf8')).toContain('-name guest=ok,debug-threads=on');
    const r = teamctl(['test', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PASS bad [x86_64-latest, err]');
    expect(r.stdout.trim().split('\n').pop()).toBe('2 passed, 0 failed');
  });

  it('prints a unified diff, uncoloured off a terminal, writes JUnit and exits 1', () => {
    const dir = folder();
    teamctl(['test', '--regenerate', dir]);
    const file = join(dir, 'ok.x86_64-latest.args');
    writeFileSync(file, readFileSync(file, 'utf8').replace('-S \\\n', ''));
    const junit = join(dir, 'report.xml');
    const r = teamctl(['test', '--junit', junit, dir], { NO_COLOR: '1' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL ok [x86_64-latest, args]: output differs');
    expect(r.stdout).toContain('+-S \\');
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout.trim().split('\n').pop()).toBe('1 passed, 1 failed');
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('tests="2" failures="1"');
    expect(xml).toContain('<failure message="output differs">');
  });

  it('flags cases without expectations and expectations without cases', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teamctl-golden-'));
    writeFileSync(join(dir, 'lonely.xml'), domain('lonely'));
    writeFileSync(join(dir, 'ghost.x86_64-latest.args'), '');
    const r = teamctl(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('lonely.xml has no expected .args or .err file');
    expect(r.stdout).toContain('ghost.x86_64-latest.args has no matching .xml');
  });

  it('is a usage error for a missing folder', () => {
    const r = teamctl(['test', '/nonexistent/folder']);
    expect(r.code).toBe(2);
    expect(existsSync('/nonexistent/folder')).toBe(false);
    expect(r.stderr).toContain("cannot read golden folder '/nonexistent/folder'");
  });
});
