/**
 * --caps FILE: a real libvirt capabilities cache file (libvirt 9.0 probing
 * Debian's QEMU 7.2) gives the same command lines as the built-in 7.2.0 entry,
 * except where the file's facts differ — documented here.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Caps } from '../src/caps/caps.js';
import { capsFromCacheFile } from '../src/caps/cache-file.js';
import { builtinCaps } from '../src/caps/table.js';
import { loadNetwork, xml2argv } from '../src/pipeline.js';

const fixture = resolve('..', 'shared', 'fixtures', 'libvirt-qemucaps-x86_64-7.2.0-debian.xml');
const maybe = existsSync(fixture) ? describe : describe.skip;

maybe('libvirt capabilities cache file', () => {
  const fileCaps = () => capsFromCacheFile(readFileSync(fixture, 'utf8'), fixture);
  const networks = readdirSync('qemuxml2argvdata/networks').map((f) =>
    loadNetwork(readFileSync(`qemuxml2argvdata/networks/${f}`, 'utf8'), f),
  );

  it('reads version, machines and flags, adding back flags libvirt retired', () => {
    const caps = fileCaps();
    expect(caps.versionString).toBe('7.2.22');
    expect(caps.canonicalMachine('kvm', 'q35')).toBe('pc-q35-7.2');
    // libvirt 9.0 no longer writes flags every QEMU >= 4.2 has:
    expect(caps.has('virtio-net.failover')).toBe(true);
    expect(caps.has('blockdev')).toBe(true);
    expect(caps.has('device.json+hotplug')).toBe(true);
  });

  const outcome = (xml: string, caps: Caps): string => {
    try {
      return xml2argv(xml, { caps, networks }).args;
    } catch (e) {
      return `error: ${(e as Error).message}`;
    }
  };
  // Goldens whose outcome depends on a flag the file lacks; each is checked below.
  const differing = new Set(['video-ramfb-virtio-q35.xml']);
  const goldens = readdirSync('qemuxml2argvdata').filter((f) => f.endsWith('.xml') && !differing.has(f));
  it.each(goldens)('%s: same outcome as --qemu-version 7.2.0 (but for smp clusters, below)', (name) => {
    const xml = readFileSync(`qemuxml2argvdata/${name}`, 'utf8');
    // The one difference every domain with a CPU topology shows: see the smp-clusters test.
    const builtin = outcome(xml, builtinCaps('7.2.0')).replace(/^(-smp .*),clusters=1(,.*)$/m, '$1$2');
    expect(outcome(xml, fileCaps())).toBe(builtin);
  });

  it('differs where the file differs: libvirt 9.0 did not probe smp-clusters', () => {
    // The built-in 7.2.0 entry comes from newer libvirt, which knows QEMU 7.2
    // accepts clusters=; the Debian file was written before libvirt asked.
    expect(builtinCaps('7.2.0').has('smp-clusters')).toBe(true);
    expect(fileCaps().has('smp-clusters')).toBe(false);
    const xml = `<domain type='qemu'><name>t</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
      <memory unit='MiB'>256</memory><vcpu>4</vcpu><os><type arch='x86_64' machine='pc'>hvm</type></os>
      <cpu><topology sockets='2' cores='2' threads='1'/></cpu></domain>`;
    expect(xml2argv(xml, { caps: builtinCaps('7.2.0') }).args).toContain('-smp 4,sockets=2,dies=1,clusters=1,cores=2,threads=1');
    expect(xml2argv(xml, { caps: fileCaps() }).args).toContain('-smp 4,sockets=2,dies=1,cores=2,threads=1');
  });

  it('differs where the file differs: libvirt 9.0 did not probe virtio-gpu blob', () => {
    // QEMU 7.2 has virtio-gpu's blob property; libvirt learnt to probe it after 9.0.
    expect(builtinCaps('7.2.0').has('virtio-gpu.blob')).toBe(true);
    expect(fileCaps().has('virtio-gpu.blob')).toBe(false);
    const xml = readFileSync('qemuxml2argvdata/video-ramfb-virtio-q35.xml', 'utf8');
    expect(xml).toContain("blob='off'");
    expect(outcome(xml, builtinCaps('7.2.0'))).toContain('"blob":false');
    expect(outcome(xml, fileCaps())).toBe("error: this QEMU does not support 'blob' for virtio-gpu devices");
  });

  it('rejects a file that is not a capabilities cache', () => {
    expect(() => capsFromCacheFile('<domain/>', 'x.xml')).toThrow('not a libvirt QEMU capabilities file');
  });
});
