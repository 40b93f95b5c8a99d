/**
 * Real QEMU takes what `--profile host` prints: for every example domain,
 * every host-profile golden case and the q35 teaming goldens, the host
 * command line for the installed QEMU's version is ACCEPTED or HOST-MISSING
 * (something this machine lacks, such as the VF), never REJECTED or ERROR.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostProfile, type HostProfileOptions } from '../src/build/host-profile.js';
import { builtinVersions } from '../src/caps/table.js';
import { loadNetwork, xml2argv } from '../src/pipeline.js';
import { HOST_CASES } from './helpers/host-cases.js';
import { haveQemu, qemuAccept, qemuAcceptTool } from './helpers/qemu.js';

const tool = qemuAcceptTool();
const ready = tool !== undefined && haveQemu();
const maybe = ready ? describe : describe.skip;
if (!ready) console.warn('skipping real-QEMU host-profile tests: qemu-system-x86_64 or qemu-accept is not installed');

/** The newest built-in capability set not newer than the installed QEMU (7.2.x → 7.2.0). */
function installedVersion(): string {
  const m = /version (\d+)\.(\d+)/.exec(spawnSync('qemu-system-x86_64', ['--version'], { encoding: 'utf8' }).stdout ?? '');
  const key = (v: string) => v.split('.').map(Number).reduce((a, n) => a * 1000 + n, 0);
  const installed = m ? key(`${m[1]}.${m[2]}.0`) : Infinity;
  const known = builtinVersions().filter((v) => key(v) <= installed);
  return known[known.length - 1] ?? builtinVersions()[0]!;
}

const networks = readdirSync('qemuxml2argvdata/networks').map((f) => loadNetwork(readFileSync(`qemuxml2argvdata/networks/${f}`, 'utf8'), f));

const cases: Array<[string, HostProfileOptions]> = [
  ...readdirSync('examples')
    .filter((f) => f.endsWith('.xml'))
    .map((f): [string, HostProfileOptions] => [`examples/${f}`, {}]),
  ...HOST_CASES.map((c): [string, HostProfileOptions] => [`hostprofiledata/${c.name}.xml`, c.options]),
  ...['teaming-iface-hostdev-q35', 'teaming-plain-hostdev-q35', 'teaming-network-pool-q35'].map(
    (n): [string, HostProfileOptions] => [`qemuxml2argvdata/${n}.xml`, { domainId: 3 }],
  ),
];

maybe('real QEMU accepts the host profile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'teamctl-host-accept-'));
  const version = ready ? installedVersion() : 'latest';

  it('has example domains', () => {
    expect(cases.filter(([f]) => f.startsWith('examples/')).length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', (file, options) => {
    const { args } = xml2argv(readFileSync(file, 'utf8'), { profile: hostProfile(options), qemuVersion: version, networks, source: file });
    const argsFile = join(dir, file.replace(/[/.]/g, '_') + '.args');
    writeFileSync(argsFile, args);
    const v = qemuAccept(tool!, argsFile);
    expect(`${v.verdict}: ${v.line}`).toMatch(/^(ACCEPTED|HOST-MISSING): /);
  });
});
