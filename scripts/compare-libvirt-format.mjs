// Compares teamctl's device formatters with libvirt's own formatted XML:
// for every case C in libvirt's tests/qemuxmlconfdata with a C.x86_64-latest.xml,
// parses and post-parses C.xml with teamctl, formats each device of the families
// below, and compares it with the same device's block in libvirt's output.
//
//   npm run build && node scripts/compare-libvirt-format.mjs [LIBVIRT_TREE] [--verbose] [--family=NAME] [--case=SUBSTR] [--qemu=VERSION]
//
// Older trees (libvirt < 10.x) keep inputs in tests/qemuxml2argvdata and outputs in
// tests/qemuxml2xmloutdata; pass --qemu= with that release's "latest" QEMU (8.0.0 for libvirt 9.0).
//
// Skips (exit 0) when the libvirt tree is absent. Cases teamctl cannot parse are
// counted as skipped; a case whose device count differs is counted as mismatched.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const tree = args.find((a) => !a.startsWith('--')) ?? '/tmp/src/libvirt-11.3.0';
const verbose = args.includes('--verbose');
const onlyFamily = args.find((a) => a.startsWith('--family='))?.slice(9);
const onlyCase = args.find((a) => a.startsWith('--case='))?.slice(7);
const qemu = args.find((a) => a.startsWith('--qemu='))?.slice(7) ?? 'latest';
const unified = join(tree, 'tests/qemuxmlconfdata');
const [inDir, outDir] = existsSync(unified)
  ? [unified, unified]
  : [join(tree, 'tests/qemuxml2argvdata'), join(tree, 'tests/qemuxml2xmloutdata')];
if (!existsSync(inDir) || !existsSync(outDir)) {
  console.log(`skipped: no libvirt test data under ${tree}`);
  process.exit(0);
}

const dist = new URL('../dist/', import.meta.url);
const load = (p) => import(new URL(p, dist).href);
const { parseDomainXml } = await load('parse/domain.js');
const { postParse } = await load('postparse/index.js');
const { builtinCaps } = await load('caps/table.js');
const { XmlWriter } = await load('format/xml-writer.js');
const { formatDisk } = await load('format/devices/disk.js');
const { formatChardev } = await load('format/devices/chardev.js');
const { formatRng } = await load('format/devices/rng.js');
const { formatWatchdog } = await load('format/devices/watchdog.js');
const { formatVideo } = await load('format/devices/video.js');
const { formatGraphics } = await load('format/devices/graphics.js');
const { formatHub } = await load('format/devices/hub.js');

/** element name → [list in our model, formatter, case-name prefixes of the family]. */
const FAMILIES = {
  disk: [(d) => d.devices.disks, formatDisk, ['disk-']],
  serial: [(d) => d.devices.serials, formatChardev, ['serial-', 'chardev-']],
  parallel: [(d) => d.devices.parallels, formatChardev, ['parallel-', 'chardev-']],
  console: [(d) => d.devices.consoles, formatChardev, ['console-', 'chardev-', 'serial-']],
  channel: [(d) => d.devices.channels, formatChardev, ['channel-', 'chardev-']],
  rng: [(d) => d.devices.rngs, formatRng, ['virtio-rng-']],
  watchdog: [(d) => d.devices.watchdogs, formatWatchdog, ['watchdog']],
  video: [(d) => d.devices.videos, formatVideo, ['video-']],
  graphics: [(d) => d.devices.graphics, formatGraphics, ['graphics-']],
  hub: [(d) => d.devices.hubs, formatHub, ['usb-hub']],
};

/** The top-level element blocks named `name` inside libvirt's <devices>. */
function libvirtBlocks(xml, name) {
  const lines = xml.split('\n');
  const start = lines.findIndex((l) => l === '  <devices>');
  const end = lines.findIndex((l) => l === '  </devices>');
  if (start < 0 || end < 0) return [];
  const blocks = [];
  for (let i = start + 1; i < end; i++) {
    const l = lines[i];
    if (!l.startsWith(`    <${name} `) && !l.startsWith(`    <${name}>`) && l !== `    <${name}/>`) continue;
    if (l.endsWith('/>')) {
      blocks.push(`${l}\n`);
      continue;
    }
    let j = i;
    while (j < end && lines[j] !== `    </${name}>`) j++;
    blocks.push(`${lines.slice(i, j + 1).join('\n')}\n`);
    i = j;
  }
  return blocks;
}

const caps = builtinCaps(qemu);
const stats = {};
for (const f of Object.keys(FAMILIES)) stats[f] = { all: [0, 0], prefixed: [0, 0] };
let parsed = 0;
let skipped = 0;
const failures = [];
const cases = readdirSync(outDir)
  .filter((f) => f.endsWith('.x86_64-latest.xml'))
  .map((f) => f.slice(0, -'.x86_64-latest.xml'.length))
  .filter((c) => existsSync(join(inDir, `${c}.xml`)) && (!onlyCase || c.includes(onlyCase)))
  .sort();
for (const c of cases) {
  let domain;
  try {
    domain = postParse(parseDomainXml(readFileSync(join(inDir, `${c}.xml`), 'utf8')).domain, caps);
  } catch {
    skipped++;
    continue;
  }
  parsed++;
  const expectedXml = readFileSync(join(outDir, `${c}.x86_64-latest.xml`), 'utf8');
  for (const [name, [list, format, prefixes]] of Object.entries(FAMILIES)) {
    if (onlyFamily && name !== onlyFamily) continue;
    const expected = libvirtBlocks(expectedXml, name);
    const ours = list(domain).map((dev) => {
      const w = new XmlWriter(2);
      format(w, dev, { domain });
      return w.toString();
    });
    const n = Math.max(expected.length, ours.length);
    const prefixed = prefixes.some((p) => c.startsWith(p));
    for (let i = 0; i < n; i++) {
      const ok = expected[i] !== undefined && expected[i] === ours[i];
      stats[name].all[1]++;
      if (ok) stats[name].all[0]++;
      if (prefixed) {
        stats[name].prefixed[1]++;
        if (ok) stats[name].prefixed[0]++;
      }
      if (!ok) failures.push({ c, name, i, expected: expected[i] ?? '(none)\n', ours: ours[i] ?? '(none)\n' });
    }
  }
}

if (verbose) {
  for (const f of failures) console.log(`--- ${f.c} <${f.name}> #${f.i}\nlibvirt:\n${f.expected}teamctl:\n${f.ours}`);
}
console.log(`cases: ${cases.length}, parsed: ${parsed}, skipped (teamctl cannot parse): ${skipped}`);
console.log('family      family cases      all parsed cases');
for (const [name, s] of Object.entries(stats)) {
  if (onlyFamily && name !== onlyFamily) continue;
  const cell = ([ok, total]) => `${ok}/${total}`.padEnd(18);
  console.log(`${name.padEnd(12)}${cell(s.prefixed)}${cell(s.all)}`);
}
