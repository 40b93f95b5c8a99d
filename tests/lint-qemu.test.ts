/**
 * Real QEMU agrees with lint's placement rules: for each rule, the flagged
 * golden's command line is REJECTED by QEMU (at start, or by the failover
 * probe that plugs a stand-in where the VF would go) with the message of the
 * rule lint names, and the configuration the README recommends instead is
 * ACCEPTED. Skips when qemu-system-x86_64 or qemu-accept is not installed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LINT_CODES, type LintCode } from '../src/lint/codes.js';
import { fixDomain } from '../src/lint/fix/fix.js';
import { lintDomain } from '../src/lint/lint.js';
import { xml2argv } from '../src/pipeline.js';
import { LINT_DIR, lintCases, lintNetworkDefs } from './helpers/lint.js';
import { haveQemu, qemuAccept, qemuAcceptTool } from './helpers/qemu.js';

interface Rule {
  readonly code: LintCode;
  readonly flagged: string;
  /** QEMU's own words for the rule. */
  readonly qemu: RegExp;
  readonly recommended: string;
}

const PLACEMENT: readonly Rule[] = [
  { code: 'teaming.placement.i440fx', flagged: 'placement-i440fx', qemu: /failover primary device must be on PCIExpress bus/, recommended: 'ok-q35-auto' },
  { code: 'teaming.placement.acpi-off', flagged: 'placement-acpi-off', qemu: /Bus 'pci\.0' does not support hotplugging/, recommended: 'ok-q35-auto' },
  { code: 'teaming.placement.not-pcie', flagged: 'placement-not-pcie', qemu: /failover primary device must be on PCIExpress bus/, recommended: 'ok-q35-root-port' },
  { code: 'teaming.placement.root-bus', flagged: 'placement-root-bus', qemu: /Bus 'pcie\.0' does not support hotplugging/, recommended: 'ok-q35-root-port' },
  { code: 'teaming.placement.hotplug-off', flagged: 'placement-hotplug-off', qemu: /Bus 'pci\.1' does not support hotplugging/, recommended: 'ok-q35-root-port' },
  { code: 'teaming.placement.shared-slot', flagged: 'placement-shared-slot', qemu: /failover: primary device must be in its own PCI slot/, recommended: 'ok-q35-root-port' },
  { code: 'teaming.placement.function', flagged: 'placement-function', qemu: /failover: primary device must be in its own PCI slot/, recommended: 'ok-q35-root-port' },
];

const RECOMMENDED = ['ok-q35-auto', 'ok-q35-root-port', 'ok-q35-switch', 'ok-network-pool-q35'];

const xmlOf = (name: string) => readFileSync(join(LINT_DIR, `${name}.xml`), 'utf8');
const lintOf = (xml: string) => lintDomain(xml, { networks: lintNetworkDefs }).diagnostics;

describe('placement rules and their recommended fixes (no QEMU needed)', () => {
  it('covers every placement code', () => {
    const codes = (Object.keys(LINT_CODES) as LintCode[]).filter((c) => c.startsWith('teaming.placement.'));
    expect(PLACEMENT.map((r) => r.code).sort()).toEqual(codes.sort());
  });
  it.each(PLACEMENT.map((r) => [r.code, r] as const))('%s: flagged in its golden, absent from the recommendation', (_c, r) => {
    expect(lintOf(xmlOf(r.flagged)).map((d) => d.code)).toContain(r.code);
    expect(lintOf(xmlOf(r.recommended))).toEqual([]);
  });
});

const tool = qemuAcceptTool();
const ready = tool !== undefined && haveQemu();
const maybe = ready ? describe : describe.skip;
if (!ready) console.warn('skipping real-QEMU lint tests: qemu-system-x86_64 or qemu-accept is not installed');
const dir = mkdtempSync(join(tmpdir(), 'teamctl-lint-qemu-'));

/**
 * The command line libvirt would build, written as an .args file. The domains
 * ask for KVM; TCG is used here so hosts without /dev/kvm give the same
 * verdicts — failover's rules do not depend on the accelerator.
 */
function argsFile(name: string, xml: string): string {
  const file = join(dir, `${name}.args`);
  const tcg = xml.replace(/<domain type='kvm'>/, "<domain type='qemu'>");
  writeFileSync(file, xml2argv(tcg, { networks: lintNetworkDefs, source: name }).args);
  return file;
}

maybe('real QEMU agrees with lint', () => {
  it.each(PLACEMENT.map((r) => [r.code, r] as const))('%s: QEMU rejects the flagged domain for that rule', (_c, r) => {
    const v = qemuAccept(tool!, argsFile(r.flagged, xmlOf(r.flagged)), ['--strict-failover']);
    expect(v.verdict).toBe('REJECTED');
    expect(v.line).toMatch(r.qemu);
  });

  it.each(RECOMMENDED)('%s (recommended) passes the strict failover probe', (name) => {
    const v = qemuAccept(tool!, argsFile(name, xmlOf(name)), ['--strict-failover']);
    expect(v.line).toMatch(/^ACCEPTED: .*failover-probe: primary 'hostdev0' is hidden at start; a stand-in plugs at its bus\/addr/);
  });

  it('QEMU refuses two transients on one persistent interface, as teaming.transient-duplicate says', () => {
    const v = qemuAccept(tool!, argsFile('transient-duplicate', xmlOf('transient-duplicate')), ['--strict-failover']);
    expect(v.verdict).toBe('REJECTED');
    expect(v.line).toMatch(/Cannot attach more than one primary device to 'ua-standby0'/);
  });

  const fixable = lintCases().filter((c) => c.name !== 'libvirt-rejected' && fixDomain(c.xml, { qemuVersion: c.version, networks: lintNetworkDefs }).changes.length > 0);
  it.each(fixable.map((c) => [c.name, c] as const))('%s: what --fix prints passes the strict failover probe', (_n, c) => {
    const fixed = fixDomain(c.xml, { qemuVersion: c.version, networks: lintNetworkDefs });
    const v = qemuAccept(tool!, argsFile(`${c.name}.fixed`, fixed.xml), ['--strict-failover']);
    expect(v.line).toMatch(/^ACCEPTED: .*a stand-in plugs at its bus\/addr/);
  });
});
