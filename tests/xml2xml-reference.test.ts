/**
 * libvirt's own formatted XML for the teaming and hostdev NIC cases
 * (../shared/conformance/reference/xml2xml), byte for byte, through the CLI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { xml2xml } from '../src/pipeline.js';
import { outcome } from './helpers/xml2xml.js';

// The shared referee sits beside the repository (../shared), as in CI.
const REFERENCE = resolve('..', 'shared', 'conformance', 'reference', 'xml2xml');
const INPUTS = resolve('..', 'shared', 'conformance', 'libvirt');
const cases = existsSync(REFERENCE)
  ? readdirSync(REFERENCE)
      .filter((f) => f.endsWith('.x86_64-latest.xml'))
      .map((f) => f.replace('.x86_64-latest.xml', ''))
      .filter((name) => existsSync(join(INPUTS, `${name}.xml`)))
  : [];

function teamctl(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['bin/teamctl', ...args], { encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

(cases.length > 0 ? describe : describe.skip)('xml2xml against libvirt reference output', () => {
  it('has the four scored cases', () => {
    expect(cases).toEqual(expect.arrayContaining(['net-hostdev', 'net-hostdev-vfio', 'net-virtio-teaming', 'net-virtio-teaming-hostdev']));
  });

  for (const name of cases) {
    const input = readFileSync(join(INPUTS, `${name}.xml`), 'utf8');
    const expected = readFileSync(join(REFERENCE, `${name}.x86_64-latest.xml`), 'utf8');
    const formatted = outcome(() => xml2xml(input).xml);
    it(`${name} matches byte for byte`, () => {
      expect(formatted).toEqual({ ok: true, value: expected });
    });
  }
});

describe('teamctl xml2xml', () => {
  const minimal = `<domain type='qemu'><name>cli</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
<memory unit='MiB'>256</memory><os><type arch='x86_64' machine='pc'>hvm</type></os>
<devices><interface type='user'><mac address='52:54:00:00:00:01'/><model type='virtio'/><teaming type='persistent'/><alias name='ua-a'/></interface></devices></domain>`;

  it('prints the defined domain with implicit devices and addresses', () => {
    const r = teamctl(['xml2xml', '-'], minimal);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  <memory unit='KiB'>262144</memory>\n  <currentMemory unit='KiB'>262144</currentMemory>\n");
    expect(r.stdout).toContain("    <controller type='pci' index='0' model='pci-root'/>\n");
    expect(r.stdout).toContain(
      "      <teaming type='persistent'/>\n      <alias name='ua-a'/>\n      <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>\n",
    );
    expect(r.stdout).toContain("    <input type='mouse' bus='ps2'/>\n    <input type='keyboard' bus='ps2'/>\n    <audio id='1' type='none'/>\n");
  });

  it('rejects what libvirt rejects at define time with its message and exit 1', () => {
    const r = teamctl(['xml2xml', '-'], minimal.replace("<teaming type='persistent'/>", "<teaming type='transient'/>"));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unsupported configuration: teaming persistent attribute must be set if teaming type is 'transient'");
  });

  it('treats a missing file as an I/O error', () => {
    expect(teamctl(['xml2xml', '/nonexistent.xml']).code).toBe(2);
  });
});
