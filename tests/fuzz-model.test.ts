/**
 * Fuzzing with generated domains: random well-formed domain XML built from the
 * vocabulary our parser models (tests/helpers/domain-arbitrary.ts), through
 * xml2argv, xml2xml, lint and migrate-check on several QEMU releases. Each
 * call returns or refuses with one classified line within a second; xml2xml
 * output is a fixed point and builds the same command line as its input
 * (unless xml2xml said something "is not written back"). Failures print the
 * seed and the XML; TEAMCTL_FUZZ_SEED / TEAMCTL_FUZZ_RUNS replay or widen a
 * run, TEAMCTL_FUZZ_REPORT=1 prints how many domains converted.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { fixDomain, lintDomain } from '../src/lint/index.js';
import { migrateCheck, xml2argv, xml2xml, type ConvertOptions } from '../src/pipeline.js';
import { fuzzSettings, QEMU_VERSIONS } from './helpers/corpus.js';
import { domainArb } from './helpers/domain-arbitrary.js';
import { guarded, type Attempt } from './helpers/outcome.js';
import { caseNetworks } from './helpers/xml2xml.js';

const networks = caseNetworks();
const networkArgs = ['qemuxml2argvdata/networks/lan.xml', 'qemuxml2argvdata/networks/host-bridge.xml', 'qemuxml2argvdata/networks/macvtap-pool.xml', 'qemuxml2argvdata/networks/vf-pool.xml'].flatMap((f) => ['--network-xml', f]);

/** What a call came to, comparable across inputs. */
const result = (a: Attempt<string>): string => (a.ok ? `ok\n${a.value}` : `error\n${a.text}`);

interface Tally {
  converted: number;
  rejected: number;
  codes: Map<string, number>;
}

/**
 * libvirt checks ISA serial ports (at most 4, none twice) only for serials
 * written as isa-serial (virDomainChrIsaSerialDefPostParse); a serial whose
 * type is defaulted later gets the highest port of the others plus one, or
 * keeps the port it was written with (virDomainChrDefPostParse). So
 * `<serial/>` next to one on port 3 is stored as isa-serial port 4, and two
 * untyped serials on port 3 both as port 3 — XML libvirt itself refuses when
 * it is defined again. libvirt's format is no fixed point there, nor ours.
 */
function isaSerialPortsRefusedOnRedefine(formatted: string, code: string): boolean {
  const ports = [...formatted.matchAll(/<target type='isa-serial' port='([0-9]+)'>/g)].map((m) => Number(m[1]));
  if (code === 'postparse.isa-serial-max') return ports.some((p) => p >= 4);
  return code === 'postparse.isa-serial-port' && new Set(ports).size < ports.length;
}

/** Every property for one domain on one QEMU release; returns xml2argv's attempt. */
function checkDomain(xml: string, version: string, where: string): Attempt<string> {
  const options: ConvertOptions = { qemuVersion: version, networks };
  const at = (what: string): string => `${where} [${version}] ${what}`;
  const argv = guarded(at('xml2argv'), xml, () => xml2argv(xml, options).args);
  const defined = guarded(at('xml2xml'), xml, () => xml2xml(xml, options));
  if (defined.ok) {
    const formatted = defined.value.xml;
    const again = guarded(at('xml2xml of its own output'), formatted, () => xml2xml(formatted, options).xml);
    if (!again.ok && isaSerialPortsRefusedOnRedefine(formatted, again.code)) return argv;
    expect({ where: at('xml2xml fixed point'), xml: again.ok ? again.value : again.text }).toEqual({ where: at('xml2xml fixed point'), xml: formatted });
    const lossy = defined.value.warnings.some((w) => w.includes('is not written back'));
    if (!lossy) {
      const reargv = guarded(at('xml2argv of xml2xml output'), formatted, () => xml2argv(formatted, options).args);
      expect({ where: at('same command line after xml2xml'), formatted, out: result(reargv) }).toEqual({ where: at('same command line after xml2xml'), formatted, out: result(argv) });
    }
  } else {
    // A domain refused at define time is refused by xml2argv with the same message.
    expect({ where: at('define-time refusal'), argv: argv.ok ? 'ok' : argv.text }).toEqual({ where: at('define-time refusal'), argv: defined.text });
  }
  guarded(at('lint'), xml, () => lintDomain(xml, { qemuVersion: version, networks }));
  guarded(at('lint --fix'), xml, () => fixDomain(xml, { qemuVersion: version, networks }));
  const migrate = guarded(at('migrate-check'), xml, () => migrateCheck(xml, options));
  // migrate-check prepares a start as xml2argv does: it refuses exactly what xml2argv refuses before building.
  if (argv.ok) expect({ where: at('migrate-check of a startable domain'), ok: migrate.ok }).toEqual({ where: at('migrate-check of a startable domain'), ok: true });
  return argv;
}

describe('fuzz: generated domains', () => {
  it('through the library: xml2argv, xml2xml, lint, migrate-check on latest, 6.2.0 and 4.2.0', () => {
    const { seed, numRuns } = fuzzSettings(20261123, 300);
    const tally = new Map<string, Tally>(QEMU_VERSIONS.map((v) => [v, { converted: 0, rejected: 0, codes: new Map() }]));
    fc.assert(
      fc.property(domainArb, ({ xml }) => {
        for (const version of QEMU_VERSIONS) {
          const a = checkDomain(xml, version, `seed=${seed}`);
          const t = tally.get(version)!;
          if (a.ok) t.converted++;
          else {
            t.rejected++;
            t.codes.set(a.code, (t.codes.get(a.code) ?? 0) + 1);
          }
        }
      }),
      { seed, numRuns },
    );
    if (process.env['TEAMCTL_FUZZ_REPORT']) {
      for (const [v, t] of tally) {
        const top = [...t.codes].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([c, n]) => `${c}:${n}`);
        console.log(`${v}: ${t.converted} converted, ${t.rejected} rejected (${top.join(' ')})`);
      }
    }
    // The generator is meant to reach the builders, not only the parser's refusals
    // (counts include fast-check's shrinking runs only when a property failed above).
    const latest = tally.get('latest')!;
    if (numRuns >= 100) expect(latest.converted / (latest.converted + latest.rejected)).toBeGreaterThan(0.3);
  });

  it('through the CLI process: exit 0/1/2, output or one line on stderr, no stack', () => {
    const { seed } = fuzzSettings(11, 0);
    const samples = fc.sample(domainArb, { seed, numRuns: 10 });
    for (const [i, { xml }] of samples.entries()) {
      for (const command of ['xml2argv', 'xml2xml']) {
        const r = spawnSync(process.execPath, ['bin/teamctl', command, ...networkArgs, '-'], { input: xml, encoding: 'utf8' });
        const where = `seed=${seed} sample ${i} ${command}\n${xml}`;
        expect({ where, status: [0, 1, 2].includes(r.status ?? -1) }).toEqual({ where, status: true });
        expect({ where, stack: /\n\s+at /.test(r.stderr) }).toEqual({ where, stack: false });
        if (r.status === 0) expect({ where, stdout: r.stdout.length > 0 }).toEqual({ where, stdout: true });
        else expect({ where, lines: r.stderr.trimEnd().split('\n').length }).toEqual({ where, lines: 1 });
      }
    }
  });
});
