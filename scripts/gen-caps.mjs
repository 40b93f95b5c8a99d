#!/usr/bin/env node
// Generate the built-in QEMU capability table (src/caps/data/*.json) from
// libvirt's QEMU capability test data.
//
// Usage:
//   node scripts/gen-caps.mjs --libvirt <libvirt-src-dir> [--libvirt <dir> ...]
//                             [--extra <dir> ...] [--out <dir>]
//
//   --libvirt DIR  an unpacked libvirt source tree; we read
//                  meson.build (its version), src/qemu/qemu_capabilities.c
//                  (flag names, which are retired, QEMU_MIN_*) and
//                  tests/qemucapabilitiesdata/caps_X.Y.Z{_,.}x86_64.xml
//   --extra DIR    a directory (scanned recursively) of additional
//                  caps_X.Y.Z.x86_64.xml files from older libvirt eras
//   --out DIR      output directory (default: <repo>/src/caps/data)
//
// Only node: built-ins are used. The caps XML files are regular enough to be
// read with a few regular expressions. Output is deterministic: same inputs
// give byte-identical files.
//
// See src/caps/data/README.md for the rules implemented here.

import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/** QEMU releases we ship data for (ordered oldest first). */
const TARGET_VERSIONS = [
  '3.0.0', '3.1.0',
  '4.0.0', '4.1.0', '4.2.0',
  '5.0.0', '5.1.0', '5.2.0',
  '6.0.0', '6.1.0', '6.2.0',
  '7.0.0', '7.1.0', '7.2.0',
  '8.0.0', '8.1.0', '8.2.0',
  '9.0.0', '9.1.0', '9.2.0',
];

/**
 * Flags never emitted, whatever the sources say.
 * The libvirt era whose command lines we reproduce did not yet know or use
 * the millisecond reconnect timeouts; libvirt 11.3.0's test data lists them
 * for QEMU 9.2.0 (and 10.0.0), so drop them.
 */
const DROPPED_FLAGS = new Set([
  'chardev-reconnect-miliseconds',
  'netdev-stream-reconnect-miliseconds',
]);

/** Machine attributes, in output key order, and how to convert them. */
const MACHINE_ATTRS = [
  ['name', 'string'],
  ['alias', 'string'],
  ['default', 'bool'],
  ['hotplugCpus', 'bool'],
  ['maxCpus', 'number'],
  ['defaultCPU', 'string'],
  ['defaultRAMid', 'string'],
  ['numaMemSupported', 'bool'],
  ['deprecated', 'bool'],
  ['acpi', 'bool'],
];

/** Flags shown in the summary table printed at the end. */
const KEY_FLAGS = [
  'virtio-net.failover', 'blockdev', 'audiodev', 'overcommit',
  'object.qapified', 'netdev.json', 'device.json+hotplug', 'device.json',
  'no-acpi', 'seccomp-sandbox', 'set-action', 'smp-dies',
  'chardev-reconnect-miliseconds',
];

const CAPS_FILE_RE = /^caps_(\d+\.\d+\.\d+)[._]x86_64\.xml$/;

const USAGE = `usage: node scripts/gen-caps.mjs --libvirt <libvirt-src> [--libvirt <libvirt-src> ...] [--extra <dir> ...] [--out <dir>]

  --libvirt DIR  unpacked libvirt source tree (needs meson.build,
                 src/qemu/qemu_capabilities.c, tests/qemucapabilitiesdata/)
  --extra DIR    directory with extra caps_X.Y.Z.x86_64.xml files (recursive)
  --out DIR      output directory (default: src/caps/data of this repo)

example:
  node scripts/gen-caps.mjs --libvirt /tmp/src/libvirt-11.3.0 \\
      --libvirt /tmp/src/libvirt-9.0.0 --extra /tmp/src/oldcaps`;

class UsageError extends Error {}

function fail(msg) {
  throw new UsageError(msg);
}

// ---------------------------------------------------------------------------
// small helpers

function parseVersion(v) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
  if (!m) throw new Error(`bad version '${v}'`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function cmpVersion(a, b) {
  const x = parseVersion(a);
  const y = parseVersion(b);
  for (let i = 0; i < 3; i++) {
    if (x[i] !== y[i]) return x[i] - y[i];
  }
  return 0;
}

/** Locale-independent string order (UTF-16 code units). */
function cmpStr(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function readText(file) {
  return fs.readFileSync(file, 'utf8');
}

function isDir(p) {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function toPosix(p) {
  return p.split(path.sep).join('/');
}

// ---------------------------------------------------------------------------
// command line

function parseArgs(argv) {
  const opts = { libvirt: [], extra: [], out: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const key = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : null;
    const value = () => {
      if (inline !== null) return inline;
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) fail(`option ${key} needs a value`);
      return v;
    };
    switch (key) {
      case '--libvirt': opts.libvirt.push(value()); break;
      case '--extra': opts.extra.push(value()); break;
      case '--out': opts.out = value(); break;
      case '-h':
      case '--help': opts.help = true; break;
      default: fail(`unknown argument '${a}'`);
    }
  }
  return opts;
}

// ---------------------------------------------------------------------------
// libvirt source tree

/**
 * Read the capability name table of qemu_capabilities.c:
 *   VIR_ENUM_IMPL(virQEMUCaps, QEMU_CAPS_LAST, "name", /\* [X_]QEMU_CAPS_... *\/ ...);
 * Names whose comment is X_QEMU_CAPS_... are retired in that tree.
 */
function readCapsEnum(file) {
  const src = readText(file);
  const start = src.indexOf('VIR_ENUM_IMPL(virQEMUCaps,');
  if (start < 0) fail(`${file}: VIR_ENUM_IMPL(virQEMUCaps, ...) not found`);
  const end = src.indexOf(');', start);
  if (end < 0) fail(`${file}: end of VIR_ENUM_IMPL(virQEMUCaps, ...) not found`);
  const body = src.slice(start, end);
  const names = [];
  const retired = new Set();
  const re = /"([^"]+)",\s*\/\*\s*(X_)?QEMU_CAPS_\w+\s*\*\//g;
  let m;
  while ((m = re.exec(body)) !== null) {
    names.push(m[1]);
    if (m[2]) retired.add(m[1]);
  }
  // Every quoted string in the table must have been matched.
  const quoted = body.match(/"[^"]*"/g) ?? [];
  if (quoted.length !== names.length) {
    fail(`${file}: could not parse the capability table (${quoted.length} strings, ${names.length} entries)`);
  }
  const minOf = (what) => {
    const mm = new RegExp(`#define\\s+QEMU_MIN_${what}\\s+(\\d+)`).exec(src);
    if (!mm) fail(`${file}: QEMU_MIN_${what} not found`);
    return mm[1];
  };
  const qemuMin = `${minOf('MAJOR')}.${minOf('MINOR')}.${minOf('MICRO')}`;
  return { names, retired, qemuMin };
}

function readLibvirtTree(dir) {
  const root = path.resolve(dir);
  if (!isDir(root)) fail(`--libvirt ${dir}: not a directory`);
  const meson = path.join(root, 'meson.build');
  const capsC = path.join(root, 'src', 'qemu', 'qemu_capabilities.c');
  const dataDir = path.join(root, 'tests', 'qemucapabilitiesdata');
  for (const p of [meson, capsC]) {
    if (!isFile(p)) fail(`--libvirt ${dir}: missing ${path.relative(root, p)}`);
  }
  if (!isDir(dataDir)) fail(`--libvirt ${dir}: missing tests/qemucapabilitiesdata/`);

  const vm = /project\(\s*'libvirt'\s*,\s*'c'\s*,\s*version:\s*'(\d+\.\d+\.\d+)'/.exec(readText(meson))
    ?? /version:\s*'(\d+\.\d+\.\d+)'/.exec(readText(meson));
  if (!vm) fail(`--libvirt ${dir}: cannot find the libvirt version in meson.build`);
  const libvirtVersion = vm[1];
  const { names, retired, qemuMin } = readCapsEnum(capsC);

  const files = [];
  for (const name of fs.readdirSync(dataDir).sort(cmpStr)) {
    const m = CAPS_FILE_RE.exec(name);
    if (!m) continue;
    const rel = `tests/qemucapabilitiesdata/${name}`;
    files.push(readCapsFile(path.join(dataDir, name), m[1], `libvirt ${libvirtVersion} ${rel}`));
  }
  if (files.length === 0) fail(`--libvirt ${dir}: no caps_X.Y.Z x86_64 files found`);

  const tree = { dir: root, libvirtVersion, names, known: new Set(names), retired, qemuMin, files };
  for (const f of files) {
    f.era = tree;
    for (const flag of f.flags) {
      if (!tree.known.has(flag)) warn(`${f.label}: flag '${flag}' is not in that tree's capability table`);
      if (tree.retired.has(flag)) warn(`${f.label}: flag '${flag}' is listed but retired in that tree`);
    }
  }
  return tree;
}

// ---------------------------------------------------------------------------
// extra (older-era) caps files

function listFilesRecursive(dir) {
  const out = [];
  const walk = (d) => {
    for (const ent of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => cmpStr(a.name, b.name))) {
      const p = path.join(d, ent.name);
      if (ent.isDirectory()) walk(p);
      else if (ent.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function readExtraDir(dir) {
  const root = path.resolve(dir);
  if (!isDir(root)) fail(`--extra ${dir}: not a directory`);
  const files = [];
  for (const p of listFilesRecursive(root)) {
    const m = CAPS_FILE_RE.exec(path.basename(p));
    if (!m) continue;
    const text = readText(p);
    // Optional provenance comment: <!-- source: LABEL (...) -->
    const src = /<!--\s*source:\s*([^(]*?)\s*(?:\(|-->)/.exec(text);
    const label = src ? src[1] : `extra ${toPosix(path.relative(root, p))}`;
    const f = readCapsFile(p, m[1], label, text);
    f.era = null; // unknown older era: trusted as-is, nothing assumed retired
    files.push(f);
  }
  if (files.length === 0) fail(`--extra ${dir}: no caps_X.Y.Z.x86_64.xml files found`);
  return files;
}

// ---------------------------------------------------------------------------
// caps XML reader (regex based; the format is one element per line)

function parseAttrs(s, where) {
  const attrs = [];
  const re = /([A-Za-z_][\w.-]*)\s*=\s*(?:'([^']*)'|"([^"]*)")/g;
  let m;
  let consumed = '';
  while ((m = re.exec(s)) !== null) {
    attrs.push([m[1], m[2] ?? m[3]]);
    consumed += m[0];
  }
  if (s.replace(/\s+/g, '').length !== consumed.replace(/\s+/g, '').length) {
    throw new Error(`${where}: cannot parse attributes: ${s}`);
  }
  return attrs;
}

function convertMachine(attrs, where) {
  const byName = new Map(attrs);
  const known = new Set(MACHINE_ATTRS.map(([k]) => k).concat(['type']));
  for (const [k] of attrs) {
    if (!known.has(k)) throw new Error(`${where}: unknown <machine> attribute '${k}'`);
  }
  const out = {};
  for (const [key, kind] of MACHINE_ATTRS) {
    if (!byName.has(key)) continue;
    const raw = byName.get(key);
    if (kind === 'bool') {
      if (raw !== 'yes' && raw !== 'no') throw new Error(`${where}: ${key}='${raw}' is not yes/no`);
      out[key] = raw === 'yes';
    } else if (kind === 'number') {
      if (!/^\d+$/.test(raw)) throw new Error(`${where}: ${key}='${raw}' is not a number`);
      out[key] = Number(raw);
    } else {
      out[key] = raw;
    }
  }
  if (!out.name) throw new Error(`${where}: <machine> without name`);
  return out;
}

function readCapsFile(file, version, label, text = readText(file)) {
  const where = file;
  if (!/<qemuCaps>/.test(text)) throw new Error(`${where}: not a <qemuCaps> file`);
  const flags = new Set();
  for (const m of text.matchAll(/<flag\s+name=(?:'([^']+)'|"([^"]+)")\s*\/>/g)) {
    flags.add(m[1] ?? m[2]);
  }
  const machines = { tcg: [], kvm: [], untyped: [] };
  for (const m of text.matchAll(/<machine\s+([^>]*?)\s*\/>/g)) {
    const attrs = parseAttrs(m[1], where);
    const type = new Map(attrs).get('type');
    const machine = convertMachine(attrs, where);
    if (type === undefined) machines.untyped.push(machine);
    else if (type === 'tcg' || type === 'kvm') machines[type].push(machine);
    else throw new Error(`${where}: unknown machine type '${type}'`);
  }
  // Pre-split format: one list without type=, valid for both accelerators.
  if (machines.untyped.length > 0) {
    if (machines.tcg.length > 0 || machines.kvm.length > 0) {
      throw new Error(`${where}: mixes typed and untyped <machine> elements`);
    }
    machines.tcg = machines.untyped;
    machines.kvm = machines.untyped.map((x) => ({ ...x }));
  }
  delete machines.untyped;
  return { file, version, label, flags, machines, era: null };
}

// ---------------------------------------------------------------------------
// diagnostics

const warnings = [];
function warn(msg) {
  warnings.push(msg);
}

// ---------------------------------------------------------------------------
// resolution of the flag sets

/**
 * A file is authoritative for flag F when it comes from an era in which F was
 * not retired: a libvirt tree whose table does not mark F retired, or an
 * extra (older-era) file.
 */
function authoritativeFor(file, flag) {
  return file.era === null || !file.era.retired.has(flag);
}

function resolve(trees, filesByVersion) {
  // Process every version we have data for, oldest first, so that a tree's
  // minimum version is resolved before anything newer asks about it.
  const versions = [...filesByVersion.keys()].sort(cmpVersion);
  const resolved = new Map();
  const newestNames = [...trees].sort((a, b) => cmpVersion(b.libvirtVersion, a.libvirtVersion))[0].names;
  const enumIndex = new Map(newestNames.map((n, i) => [n, i]));

  for (const tree of trees) {
    if (!filesByVersion.has(tree.qemuMin)) {
      warn(`libvirt ${tree.libvirtVersion}: no caps file for its minimum QEMU ${tree.qemuMin}; its retired flags cannot be inferred`);
    }
  }

  for (const v of versions) {
    const files = filesByVersion.get(v);
    const listed = new Set();
    for (const f of files) {
      for (const flag of f.flags) {
        if (!DROPPED_FLAGS.has(flag)) listed.add(flag);
      }
    }
    const flags = new Set(listed);
    const inferred = new Set();

    for (const tree of trees) {
      // At the tree's own minimum version the listings are all we know.
      if (cmpVersion(v, tree.qemuMin) <= 0) continue;
      const base = resolved.get(tree.qemuMin);
      if (!base) continue;
      for (const flag of tree.retired) {
        if (DROPPED_FLAGS.has(flag)) continue;
        if (files.some((f) => authoritativeFor(f, flag))) continue;
        if (base.flags.has(flag) && !flags.has(flag)) {
          flags.add(flag);
          if (!listed.has(flag)) inferred.add(flag);
        }
      }
    }
    resolved.set(v, { flags, inferred, files });
  }

  // Diagnostic only: a retired flag that no file for the tree's minimum
  // version could have listed (every such file predates the flag or already
  // retired it), and that an older tree's rule does not establish either, is
  // necessarily treated as absent.
  const couldList = (version, flag) => {
    const idx = enumIndex.get(flag);
    return (filesByVersion.get(version) ?? []).some((f) => {
      if (f.era !== null) return f.era.known.has(flag) && !f.era.retired.has(flag);
      // Extra file of unknown era: assume it knew every flag up to the
      // newest one it lists (libvirt only ever appends to the table).
      let maxIdx = -1;
      for (const x of f.flags) maxIdx = Math.max(maxIdx, enumIndex.get(x) ?? -1);
      return idx !== undefined && idx <= maxIdx;
    });
  };
  const established = (tree, flag) =>
    couldList(tree.qemuMin, flag) ||
    trees.some((t) => cmpVersion(t.qemuMin, tree.qemuMin) < 0 && t.retired.has(flag) && established(t, flag));
  for (const tree of trees) {
    if (!filesByVersion.has(tree.qemuMin)) continue;
    const unknown = [...tree.retired].filter((flag) => !DROPPED_FLAGS.has(flag) && !established(tree, flag));
    if (unknown.length > 0) {
      warn(`libvirt ${tree.libvirtVersion}: retired flag(s) that no ${tree.qemuMin} listing could show, treated as absent: ${unknown.sort(cmpStr).join(', ')}`);
    }
  }
  return resolved;
}

// ---------------------------------------------------------------------------
// output

function eraRank(file) {
  // Newer libvirt era first; extras (older eras) last.
  return file.era === null ? '' : file.era.libvirtVersion;
}

function orderFiles(files) {
  return [...files].sort((a, b) => {
    const ra = eraRank(a);
    const rb = eraRank(b);
    if (ra !== rb) {
      if (ra === '') return 1;
      if (rb === '') return -1;
      return cmpVersion(rb, ra);
    }
    return cmpStr(a.label, b.label);
  });
}

function buildEntry(version, res) {
  const files = orderFiles(res.files);
  // Machines come from the highest-precedence (newest era) file that has any.
  const machineSource = files.find((f) => f.machines.tcg.length + f.machines.kvm.length > 0);
  if (!machineSource) warn(`${version}: no machine list in any source`);
  return {
    version,
    sources: files.map((f) => f.label),
    flags: [...res.flags].sort(cmpStr),
    inferredFlags: [...res.inferred].sort(cmpStr),
    machines: {
      tcg: machineSource ? machineSource.machines.tcg : [],
      kvm: machineSource ? machineSource.machines.kvm : [],
    },
  };
}

function writeIfChanged(file, content) {
  const old = isFile(file) ? readText(file) : null;
  if (old === content) return false;
  fs.writeFileSync(file, content);
  return true;
}

function printTable(entries) {
  const short = (v) => v.replace(/\.0$/, '');
  const width = Math.max(...KEY_FLAGS.map((f) => f.length));
  const lines = [];
  lines.push(`${''.padEnd(width)}  ${entries.map((e) => short(e.version).padStart(4)).join('')}`);
  for (const flag of KEY_FLAGS) {
    const cells = entries.map((e) => {
      const c = e.inferredFlags.includes(flag) ? 'i' : e.flags.includes(flag) ? '+' : '.';
      return c.padStart(4);
    });
    lines.push(`${flag.padEnd(width)}  ${cells.join('')}`);
  }
  lines.push(`(+ listed in a caps file, i = inferred by the retirement rule, . = absent)`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  if (opts.libvirt.length === 0) fail('at least one --libvirt <libvirt-src> is required');

  const scriptDir = path.dirname(fileURLToPath(import.meta.url));
  const outDir = path.resolve(opts.out ?? path.join(scriptDir, '..', 'src', 'caps', 'data'));

  const trees = opts.libvirt.map(readLibvirtTree);
  const seen = new Set();
  for (const t of trees) {
    if (seen.has(t.libvirtVersion)) fail(`libvirt ${t.libvirtVersion} given twice`);
    seen.add(t.libvirtVersion);
  }
  const extras = opts.extra.flatMap(readExtraDir);

  const filesByVersion = new Map();
  for (const f of [...trees.flatMap((t) => t.files), ...extras]) {
    if (!filesByVersion.has(f.version)) filesByVersion.set(f.version, []);
    filesByVersion.get(f.version).push(f);
  }
  const missing = TARGET_VERSIONS.filter((v) => !filesByVersion.has(v));
  if (missing.length > 0) {
    fail(`no caps file for QEMU ${missing.join(', ')} (pass the libvirt tree / --extra directory that has them)`);
  }

  const resolved = resolve(trees, filesByVersion);
  const entries = TARGET_VERSIONS.map((v) => buildEntry(v, resolved.get(v)));

  fs.mkdirSync(outDir, { recursive: true });
  let changed = 0;
  for (const e of entries) {
    if (writeIfChanged(path.join(outDir, `${e.version}.json`), `${JSON.stringify(e, null, 2)}\n`)) changed++;
  }
  if (writeIfChanged(path.join(outDir, 'index.json'), `${JSON.stringify(TARGET_VERSIONS, null, 2)}\n`)) changed++;

  for (const w of warnings) console.error(`warning: ${w}`);
  console.log(`gen-caps: ${entries.length} versions -> ${outDir} (${changed} file(s) changed)`);
  for (const e of entries) {
    const def = e.machines.kvm.find((m) => m.alias === 'pc')?.name ?? '-';
    const q35 = e.machines.kvm.find((m) => m.alias === 'q35')?.name ?? '-';
    console.log(`  ${e.version.padEnd(6)} flags=${String(e.flags.length).padStart(3)} inferred=${String(e.inferredFlags.length).padStart(3)} machines(tcg/kvm)=${e.machines.tcg.length}/${e.machines.kvm.length} pc=${def} q35=${q35}`);
  }
  console.log(printTable(entries));
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  if (err instanceof UsageError) {
    console.error(`gen-caps: error: ${err.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`gen-caps: ${err.stack ?? err}`);
    process.exitCode = 1;
  }
}
