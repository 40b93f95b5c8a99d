/**
 * Golden cases on disk, in libvirt's layout: NAME.xml beside one or more
 * NAME.<arch>-<version>.args (expected command line) or .err (expected error
 * line). Network definitions for <interface type='network'> live in a
 * `networks/` folder next to the cases.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldenExpectation {
  readonly file: string;
  readonly arch: string;
  readonly version: string;
  readonly kind: 'args' | 'err';
}

export interface GoldenCase {
  readonly name: string;
  readonly xmlFile: string;
  readonly expectations: GoldenExpectation[];
}

export interface GoldenScan {
  readonly cases: GoldenCase[];
  /** Expected-output files with no NAME.xml beside them. */
  readonly orphans: string[];
  /** Network definitions found in networks/. */
  readonly networkFiles: string[];
}

const EXPECT_RE = /^(?<name>.+)\.(?<arch>[a-z0-9_]+)-(?<ver>latest|\d+\.\d+\.\d+)\.(?<kind>args|err)$/;

export function scanGoldenDir(dir: string): GoldenScan {
  const names = readdirSync(dir).sort();
  const xmls = new Set(names.filter((n) => n.endsWith('.xml')).map((n) => n.slice(0, -4)));
  const byName = new Map<string, GoldenExpectation[]>();
  const orphans: string[] = [];
  for (const n of names) {
    const m = EXPECT_RE.exec(n);
    if (!m?.groups) continue;
    const name = m.groups['name']!;
    if (!xmls.has(name)) {
      orphans.push(n);
      continue;
    }
    const list = byName.get(name) ?? [];
    list.push({ file: join(dir, n), arch: m.groups['arch']!, version: m.groups['ver']!, kind: m.groups['kind'] as 'args' | 'err' });
    byName.set(name, list);
  }
  const cases = [...xmls].map((name) => ({ name, xmlFile: join(dir, `${name}.xml`), expectations: byName.get(name) ?? [] }));
  const netDir = join(dir, 'networks');
  const networkFiles =
    existsSync(netDir) && statSync(netDir).isDirectory()
      ? readdirSync(netDir)
          .filter((n) => n.endsWith('.xml'))
          .sort()
          .map((n) => join(netDir, n))
      : [];
  return { cases, orphans, networkFiles };
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
