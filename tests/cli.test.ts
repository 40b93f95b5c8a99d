/** The CLI as users run it: built bin/teamctl, exit codes and one-line errors. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function teamctl(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/teamctl', ...args], { encoding: 'utf8', input: input ?? '' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'teamctl-cli-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const minimal = `<domain type='qemu'>
  <name>cli</name>
  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
  <memory unit='MiB'>256</memory>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
</domain>`;

describe('teamctl CLI', () => {
  it('prints the command line and exits 0', () => {
    const r = teamctl(['xml2argv', file('ok.xml', minimal)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-machine pc,usb=off');
    expect(r.stderr).toBe('');
  });

  it('reads standard input for -', () => {
    const r = teamctl(['xml2argv', '-'], minimal);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-name guest=cli,debug-threads=on');
  });

  it('rejects an unknown QEMU version as a usage error listing the known ones', () => {
    const r = teamctl(['xml2argv', '--qemu-version', '1.2.3', file('v.xml', minimal)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown QEMU version '1\.2\.3'; known versions: 3\.0\.0, .*9\.2\.0, latest/);
  });

  it('reports an unreadable file in one line with exit 2', () => {
    const r = teamctl(['xml2argv', join(dir, 'missing.xml')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no such file');
  });

  it('reports malformed XML as an XML error with exit 1', () => {
    const r = teamctl(['xml2argv', file('bad.xml', '<domain type="qemu"><name>x</name>')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('XML error:');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names an element it does not support instead of dropping it', () => {
    const r = teamctl(['xml2argv', file('unk.xml', minimal.replace('</domain>', '<devices><tpm model="tpm-tis"/></devices></domain>'))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unsupported configuration: device <tpm> is not supported by teamctl yet");
  });

  it('names an unknown attribute value', () => {
    const r = teamctl(['xml2argv', file('attr.xml', minimal.replace("type='qemu'", "type='qemu' bogus='1'"))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("attribute 'bogus' of <domain>");
  });

  it('validates but does not build for QEMU older than libvirt supports', () => {
    const r = teamctl(['xml2argv', '--qemu-version', '4.1.0', file('old.xml', minimal)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('older than 4.2.0');
  });

  it('converts several files and reports failure in the exit status', () => {
    const r = teamctl(['xml2argv', file('a.xml', minimal), file('b.xml', '<domain/>')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('-name guest=cli');
    expect(r.stderr).toContain('b.xml');
  });

  it('has help with examples and a version', () => {
    expect(teamctl(['--help']).stdout).toContain('Examples:');
    expect(teamctl(['xml2argv', '--help']).stdout).toContain('--qemu-version');
    expect(teamctl(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('treats an unknown option as a usage error', () => {
    expect(teamctl(['xml2argv', '--bogus']).code).toBe(2);
  });
});

describe('teamctl in a pipeline', () => {
  it('stops quietly when the reader closes the pipe early (… | head)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/teamctl xml2argv --help | head -1; "${process.execPath}" bin/teamctl xml2argv --format argv examples/teaming-q35.xml examples/teaming-q35.xml | head -1`], {
      encoding: 'utf8',
    });
    expect(r.stdout).toBe('Usage: teamctl xml2argv [options] <domain.xml...>\n# examples/teaming-q35.xml\n');
    expect(r.stderr).toBe('');
  });
});
