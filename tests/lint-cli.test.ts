/** `teamctl lint` and `xml2argv --lint` as users run them: output, JSON, exit codes. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

function teamctl(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/teamctl', ...args], { encoding: 'utf8', input: input ?? '' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const pool = ['--network-xml', 'lintdata/networks/vf-pool.xml'];

describe('teamctl lint', () => {
  it('exits 0 and says so when the team is sound', () => {
    const r = teamctl(['lint', 'lintdata/ok-q35-auto.xml']);
    expect(r).toEqual({ code: 0, stdout: 'lintdata/ok-q35-auto.xml: no teaming problems found\n', stderr: '' });
  });

  it('prints one line per diagnostic and exits 1 on errors', () => {
    const r = teamctl(['lint', 'lintdata/mac-mismatch.xml']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^lintdata\/mac-mismatch\.xml: error: teaming\.mac-mismatch: <interface type='hostdev'> hostdev0 \(MAC 52:54:00:aa:bb:02, VF 0000:3b:02\.1\): /);
    expect(lines[1]).toBe('lintdata/mac-mismatch.xml: 1 error, 0 warnings');
  });

  it('exits 0 on warnings, 1 with --strict, which reports them as errors', () => {
    expect(teamctl(['lint', 'lintdata/persistent-no-transient.xml']).code).toBe(0);
    const r = teamctl(['lint', '--strict', 'lintdata/persistent-no-transient.xml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(': error: teaming.persistent-no-transient: ');
  });

  it('gives scripts JSON: codes, severities, devices', () => {
    const r = teamctl(['lint', '--json', ...pool, 'lintdata/mac-mismatch-network.xml', 'lintdata/ok-q35-auto.xml']);
    expect(r.code).toBe(1);
    const data = JSON.parse(r.stdout) as Array<{ source: string; errors: number; warnings: number; diagnostics: Array<Record<string, unknown>> }>;
    expect(data.map((d) => [d.source, d.errors, d.warnings])).toEqual([
      ['lintdata/mac-mismatch-network.xml', 1, 0],
      ['lintdata/ok-q35-auto.xml', 0, 0],
    ]);
    expect(data[0]!.diagnostics[0]).toMatchObject({
      code: 'teaming.mac-mismatch',
      severity: 'error',
      fixable: true,
      device: { element: 'interface', type: 'network', alias: 'hostdev0', mac: '52:54:00:aa:bb:02', network: 'vf-pool', host: '0000:04:10.0' },
    });
  });

  it('checks the QEMU version given', () => {
    const r = teamctl(['lint', '--qemu-version', '4.1.0', 'lintdata/ok-q35-auto.xml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error: teaming.qemu-too-old: QEMU 4.1.0 has no virtio-net failover');
  });

  it('reads standard input for -', () => {
    const r = teamctl(['lint', '-'], readFileSync('lintdata/ok-q35-auto.xml', 'utf8'));
    expect(r.stdout).toBe('-: no teaming problems found\n');
  });

  it('exits 2 on usage and I/O errors', () => {
    expect(teamctl(['lint', 'lintdata/missing.xml']).code).toBe(2);
    expect(teamctl(['lint', '--qemu-version', '1.2.3', 'lintdata/ok-q35-auto.xml']).code).toBe(2);
    expect(teamctl(['lint', '--fix', 'lintdata/ok-q35-auto.xml', 'lintdata/mac-mismatch.xml']).code).toBe(2);
    expect(teamctl(['lint']).code).toBe(2);
  });

  it('reports a domain libvirt rejects as a diagnostic, exit 1', () => {
    const r = teamctl(['lint', '-'], '<domain type="kvm"><name>x</name>');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^-: error: libvirt\.rejected: libvirt refuses this domain: XML error: /);
  });
});

describe('teamctl lint --fix', () => {
  it('prints the fixed domain on stdout and the changes on stderr', () => {
    const r = teamctl(['lint', '--fix', 'lintdata/persistent-alias-missing.xml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync('lintdata/persistent-alias-missing.x86_64-latest.fix', 'utf8'));
    expect(r.stderr).toBe(
      [
        "lintdata/persistent-alias-missing.xml: fixed: teaming.persistent-alias-missing: <interface type='user'> net0 (MAC 52:54:00:aa:bb:01): gave it the user alias <alias name='ua-net0'/>",
        "lintdata/persistent-alias-missing.xml: fixed: teaming.persistent-alias-missing: <interface type='hostdev'> hostdev0 (MAC 52:54:00:aa:bb:01, VF 0000:3b:02.1): pointed <teaming persistent='net0'> at 'ua-net0'",
        'lintdata/persistent-alias-missing.xml: no teaming problems found',
        '',
      ].join('\n'),
    );
  });

  it('prints the input unchanged, and what is left, when nothing is safe to fix', () => {
    const r = teamctl(['lint', '--fix', 'lintdata/placement-i440fx.xml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(readFileSync('lintdata/placement-i440fx.xml', 'utf8'));
    expect(r.stderr).toContain('error: teaming.placement.i440fx: ');
  });

  it('gives the fixed XML, the changes and what is left as JSON', () => {
    const r = teamctl(['lint', '--fix', '--json', 'lintdata/mac-mismatch.xml']);
    const data = JSON.parse(r.stdout) as { xml: string; changes: Array<{ codes: string[] }>; errors: number; diagnostics: unknown[] };
    expect(r.code).toBe(0);
    expect(data.xml).toBe(readFileSync('lintdata/mac-mismatch.x86_64-latest.fix', 'utf8'));
    expect(data.changes.map((c) => c.codes)).toEqual([['teaming.mac-mismatch']]);
    expect([data.errors, data.diagnostics]).toEqual([0, []]);
  });
});

describe('teamctl xml2argv --lint', () => {
  it('leaves the command line as it is and adds the diagnostics on stderr', () => {
    const plain = teamctl(['xml2argv', 'lintdata/placement-i440fx.xml']);
    const linted = teamctl(['xml2argv', '--lint', 'lintdata/placement-i440fx.xml']);
    expect(plain.code).toBe(0);
    expect(linted.stdout).toBe(plain.stdout);
    expect(linted.stderr).toContain('lintdata/placement-i440fx.xml: error: teaming.placement.i440fx: ');
    expect(linted.code).toBe(1);
  });

  it('is silent and exits 0 for a sound team', () => {
    const r = teamctl(['xml2argv', '--lint', 'lintdata/ok-q35-auto.xml']);
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  it('still reports libvirt’s own error when libvirt refuses the domain', () => {
    const r = teamctl(['xml2argv', '--lint', 'lintdata/persistent-not-virtio.xml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: teaming.persistent-not-virtio: ');
    expect(r.stderr).toContain("teamctl: error: lintdata/persistent-not-virtio.xml: unsupported configuration: virtio-net teaming persistent interface must be <model type='virtio'/>, not 'e1000e'");
  });
});
