/**
 * migrate-check goldens (migratedata/): for NAME.xml, NAME.migrate holds the
 * exit status, then standard output, then standard error of
 * `teamctl migrate-check --network-xml networks/*.xml NAME.xml`, and
 * NAME.migrate.json the --json output. TEAMCTL_REGENERATE=1 rewrites them;
 * review every changed line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'migratedata';
const regenerate = process.env['TEAMCTL_REGENERATE'] === '1';
const networkArgs = readdirSync(join(dir, 'networks'))
  .filter((n) => n.endsWith('.xml'))
  .sort()
  .flatMap((n) => ['--network-xml', join(dir, 'networks', n)]);
const cases = readdirSync(dir)
  .filter((n) => n.endsWith('.xml'))
  .map((n) => n.slice(0, -4))
  .sort();

function run(name: string, extra: string[]): string {
  const r = spawnSync(process.execPath, ['bin/teamctl', 'migrate-check', ...networkArgs, ...extra, join(dir, `${name}.xml`)], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return `exit: ${r.status}\n${r.stdout}${r.stderr}`;
}

describe('migratedata goldens', () => {
  it.each(cases.flatMap((name) => [[name, 'text'] as const, [name, 'json'] as const]))('%s (%s)', (name, kind) => {
    const file = join(dir, kind === 'text' ? `${name}.migrate` : `${name}.migrate.json`);
    const actual = run(name, kind === 'json' ? ['--json'] : []);
    if (regenerate) writeFileSync(file, actual);
    expect(existsSync(file)).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });

  it('covers a migratable teamed pair, an untagged PCI hostdev, a hostdev interface without teaming, and a mix', () => {
    const status = (name: string) => readFileSync(join(dir, `${name}.migrate`), 'utf8').split('\n')[0];
    expect(status('teamed-iface-hostdev')).toBe('exit: 0');
    expect(status('untagged-pci-hostdev')).toBe('exit: 1');
    expect(status('iface-hostdev-no-teaming')).toBe('exit: 1');
    expect(readFileSync(join(dir, 'mix.migrate'), 'utf8').match(/cannot migrate/g)).toHaveLength(4);
  });
});
