/**
 * Host-profile goldens (hostprofiledata/NAME.xml → NAME.host.args, QEMU
 * latest): what `--profile host` prints, byte for byte, plus the warnings
 * about host-side work left to the user. TEAMCTL_REGENERATE=1 rewrites the
 * .args files; review every changed line.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostProfile } from '../src/build/host-profile.js';
import { xml2argv } from '../src/pipeline.js';
import { HOST_CASES } from './helpers/host-cases.js';

const regenerate = process.env['TEAMCTL_REGENERATE'] === '1';

function convert(name: string, options: Parameters<typeof hostProfile>[0]) {
  return xml2argv(readFileSync(`hostprofiledata/${name}.xml`, 'utf8'), { profile: hostProfile(options), source: name });
}

describe('hostprofiledata goldens', () => {
  it.each(HOST_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const golden = `hostprofiledata/${c.name}.host.args`;
    const { args } = convert(c.name, c.options);
    if (regenerate) writeFileSync(golden, args);
    expect(existsSync(golden)).toBe(true);
    expect(args).toBe(readFileSync(golden, 'utf8'));
  });

  it('warns about the bridge libvirt would plug a QEMU-opened tap into, and only then', () => {
    expect(convert('tap-networking', {}).warnings).toEqual([
      "interface ua-lan: QEMU creates tap vnet1 but does not plug it into bridge 'br0' as libvirt would; run 'ip link set vnet1 master br0 up' once QEMU runs, or pass an opened tap with --tap-fd ua-lan=FD",
    ]);
    // With its tap handed over there is nothing left to do on the bridge.
    expect(convert('tap-fds', HOST_CASES.find((c) => c.name === 'tap-fds')!.options).warnings).toEqual([]);
  });
});
