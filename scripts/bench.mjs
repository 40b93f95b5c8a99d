// teamctl's speed and memory, measured in one run on this machine:
//   (a) one `teamctl xml2argv` process against `node -e 0` (ratio of medians),
//   (b) one process converting every corpus domain N times (domains per second),
//   (c) peak RSS of (b),
//   (d) conversion time of a domain with D and 2D devices (linearity).
// Usage: npm run bench [-- --runs 30 --rounds 200 --corpus DIR]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function timeProcess(argv, runs) {
  const times = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
    if (i >= 3) times.push(ms); // first runs warm the file cache
  }
  return median(times);
}

if (process.argv.includes('--batch-child')) {
  // (b)/(c) run in a child so its peak RSS is its own.
  const { xml2argv } = await import(pathToFileURL(resolve('dist/index.js')).href);
  const corpus = JSON.parse(readFileSync(0, 'utf8'));
  const rounds = Number(arg('rounds', '200'));
  const t0 = process.hrtime.bigint();
  let n = 0;
  for (let r = 0; r < rounds; r++) for (const xml of corpus) (xml2argv(xml), n++);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stdout.write(JSON.stringify({ perSecond: n / s, conversions: n, maxRssKiB: process.resourceUsage().maxRSS }));
  process.exit(0);
}

const { xml2argv } = await import(pathToFileURL(resolve('dist/index.js')).href);
const runs = Number(arg('runs', '30'));
const example = 'examples/teaming-q35.xml';

// (a)
const baseline = timeProcess(['-e', '0'], runs);
const single = timeProcess(['bin/teamctl', 'xml2argv', example], runs);

// corpus: libvirt's conformance domains when present, else our goldens; only those teamctl converts
const sharedDir = resolve('..', 'shared', 'conformance', 'libvirt');
const dir = arg('corpus', existsSync(sharedDir) ? sharedDir : 'qemuxml2argvdata');
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.xml'))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .filter((xml) => {
    try {
      xml2argv(xml);
      return true;
    } catch {
      return false;
    }
  });

// (b) + (c)
const child = spawnSync(process.execPath, ['scripts/bench.mjs', '--batch-child', '--rounds', arg('rounds', '200')], {
  input: JSON.stringify(corpus),
  encoding: 'utf8',
});
if (child.status !== 0) throw new Error(child.stderr);
const batch = JSON.parse(child.stdout);

// (d)
function domainWith(devices) {
  let disks = '';
  for (let i = 0; i < devices; i++) {
    disks += `<disk type='file' device='disk'><source file='/img/d${i}.qcow2'/><driver name='qemu' type='qcow2'/><target dev='vd${String.fromCharCode(97 + (i % 26))}${i >= 26 ? String.fromCharCode(97 + Math.floor(i / 26) - 1) : ''}' bus='virtio'/></disk>`;
  }
  return `<domain type='kvm'><name>big</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid><memory unit='GiB'>4</memory><os><type arch='x86_64' machine='pc'>hvm</type></os><devices>${disks}</devices></domain>`;
}
function convertMs(xml, reps) {
  xml2argv(xml);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) xml2argv(xml);
  return Number(process.hrtime.bigint() - t0) / 1e6 / reps;
}
const D = 12;
const small = convertMs(domainWith(D), 200);
const large = convertMs(domainWith(2 * D), 200);

const report = {
  machine: `${process.version} on ${process.platform}/${process.arch}`,
  single: { teamctlMs: +single.toFixed(1), nodeBaselineMs: +baseline.toFixed(1), ratio: +(single / baseline).toFixed(2), target: '<= 1.5' },
  batch: { corpus: `${corpus.length} domains from ${dir}`, domainsPerSecond: Math.round(batch.perSecond), target: '>= 2000' },
  memory: { peakRssMiB: +(batch.maxRssKiB / 1024).toFixed(1), target: '<= 150' },
  linearity: { [`${D}DevicesMs`]: +small.toFixed(3), [`${2 * D}DevicesMs`]: +large.toFixed(3), ratio: +(large / small).toFixed(2), target: '<= 2' },
};
console.log(JSON.stringify(report, null, 2));
