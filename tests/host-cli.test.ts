/** `teamctl xml2argv --profile …` as users run it: exit codes and one-line errors. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function teamctl(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/teamctl', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'teamctl-host-cli-'));
const vm = join(dir, 'vm.xml');
writeFileSync(
  vm,
  `<domain type='kvm'><name>vm</name><uuid>4f1c0a5e-9b6d-4c7e-b02f-1e0d9c8b7a6f</uuid><memory unit='MiB'>256</memory>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices><interface type='ethernet'><mac address='52:54:00:60:00:01'/><model type='virtio'/></interface></devices></domain>`,
);

describe('teamctl xml2argv --profile', () => {
  it('prints the host command line for domain id N', () => {
    const r = teamctl(['xml2argv', '--profile', 'host', '--domain-id', '5', '--format', 'argv', vm]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('socket,id=charmonitor,path=/var/lib/libvirt/qemu/domain-5-vm/monitor.sock,server=on,wait=off\n');
    expect(r.stdout).toContain('{"type":"tap","ifname":"vnet0","script":"no","downscript":"no","id":"hostnet0"}\n');
    expect(r.stderr).toBe('');
  });
  it('hands a tap over with --tap-fd', () => {
    const r = teamctl(['xml2argv', '--profile', 'host', '--tap-fd', 'net0=9', '--format', 'argv', vm]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('{"type":"tap","fd":"9","id":"hostnet0"}\n');
  });
  it('refuses an unknown profile listing the profiles (exit 2)', () => {
    const r = teamctl(['xml2argv', '--profile', 'prod', vm]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'prod' is invalid. Allowed choices are test, host.");
  });
  it.each([
    [['--tap-fd', 'net0=3'], 'teamctl: error: --tap-fd applies only with --profile host'],
    [['--state-dir', '/x', '--domain-id', '2'], 'teamctl: error: --domain-id, --state-dir apply only with --profile host'],
    [['--profile', 'host', '--domain-id', 'one'], "teamctl: error: --domain-id must be a non-negative integer, got 'one'"],
    [['--profile', 'host', '--tap-fd', 'net0'], "teamctl: error: --tap-fd expects NAME=FD (an interface alias and a file descriptor), got 'net0'"],
    [['--profile', 'host', '--tap-fd', 'eth0=3'], "teamctl: error: --tap-fd eth0: the domain has no interface with alias 'eth0' (interfaces: net0)"],
    [['--profile', 'host', '--state-dir', 'rel'], "teamctl: error: --state-dir must be an absolute path, got 'rel'"],
  ])('%j is a one-line usage error (exit 2)', (flags, line) => {
    const r = teamctl(['xml2argv', ...flags, vm]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${line}\n`);
    expect(r.stdout).toBe('');
  });
  it('documents the flags with an example in --help', () => {
    const r = teamctl(['xml2argv', '--help']);
    for (const s of ['--profile <name>', '--domain-id <n>', '--state-dir <dir>', '--tap-fd <name=fd>', 'teamctl xml2argv --profile host --domain-id 7 vm.xml']) {
      expect(r.stdout).toContain(s);
    }
  });
});
