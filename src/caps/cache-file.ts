/**
 * A libvirt QEMU capabilities cache file (/var/cache/libvirt/qemu/capabilities/*.xml):
 * the QEMU version, its capability flags and its machine types, as the host's
 * libvirt probed them. Flags libvirt stopped writing because every QEMU it
 * supports has them ("retired" flags) are added back from the built-in table.
 */
import { TeamctlError, xmlError } from '../errors.js';
import { El, parseXmlDocument } from '../parse/xml.js';
import { Caps, compareVersions, formatVersion, parseVersion, type CapsData, type MachineType } from './caps.js';
import { builtinVersions, loadCapsData } from './table.js';

interface CacheFileData extends CapsData {
  readonly libvirtVersion?: string;
}

function versionFromNumber(n: number): string {
  return `${Math.floor(n / 1_000_000)}.${Math.floor((n % 1_000_000) / 1000)}.${n % 1000}`;
}

function machineFrom(el: El): { accel: string | undefined; m: MachineType } {
  const yes = (name: string) => {
    const v = el.attr(name);
    return v === undefined ? undefined : v === 'yes';
  };
  const maxCpus = el.attr('maxCpus');
  const fields: Record<string, unknown> = {
    name: el.requiredAttr('name'),
    alias: el.attr('alias'),
    default: yes('default'),
    hotplugCpus: yes('hotplugCpus'),
    maxCpus: maxCpus === undefined ? undefined : Number(maxCpus),
    defaultCPU: el.attr('defaultCPU'),
    defaultRAMid: el.attr('defaultRAMid'),
    numaMemSupported: yes('numaMemSupported'),
    deprecated: yes('deprecated'),
    acpi: yes('acpi'),
  };
  const m = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as unknown as MachineType;
  return { accel: el.attr('type'), m };
}

export function parseCapsCacheFile(text: string, source: string): CacheFileData {
  const doc = parseXmlDocument(text, source);
  const rootNode = doc.documentElement!;
  if (rootNode.nodeName !== 'qemuCaps') {
    throw xmlError('caps.root', `${source}: not a libvirt QEMU capabilities file (root element <${rootNode.nodeName}>, expecting <qemuCaps>)`);
  }
  const root = new El(rootNode, 'qemuCaps');
  const versionText = root.childText('version')?.trim();
  if (!versionText || !/^\d+$/.test(versionText)) throw xmlError('caps.version', `${source}: no QEMU <version> in the capabilities file`);
  const selfvers = root.childText('selfvers')?.trim();
  const flags = root.children('flag').map((f) => f.requiredAttr('name'));
  const tcg: MachineType[] = [];
  const kvm: MachineType[] = [];
  for (const m of root.children('machine')) {
    const { accel, m: machine } = machineFrom(m);
    if (accel === 'kvm') kvm.push(machine);
    else if (accel === 'tcg') tcg.push(machine);
    else {
      kvm.push(machine);
      tcg.push(machine);
    }
  }
  return {
    version: versionFromNumber(Number(versionText)),
    flags,
    machines: { tcg, kvm },
    ...(selfvers && /^\d+$/.test(selfvers) ? { libvirtVersion: versionFromNumber(Number(selfvers)) } : {}),
  };
}

/** Flags libvirt no longer writes for this QEMU release, taken from the nearest built-in release. */
function retiredFlagsFor(version: string): readonly string[] {
  const v = parseVersion(version)!;
  const older = builtinVersions().filter((b) => compareVersions(parseVersion(b)!, v) <= 0);
  const nearest = older[older.length - 1];
  if (nearest === undefined) return [];
  const data = loadCapsData(nearest) as CapsData & { inferredFlags?: string[] };
  return data.inferredFlags ?? [];
}

export function capsFromCacheFile(text: string, source: string): Caps {
  const data = parseCapsCacheFile(text, source);
  if (data.machines.tcg.length === 0 && data.machines.kvm.length === 0) {
    throw new TeamctlError('xml', 'caps.no-machines', `${source}: the capabilities file lists no machine types`);
  }
  const flags = [...new Set([...data.flags, ...retiredFlagsFor(data.version)])];
  const v = parseVersion(data.version)!;
  return new Caps({ version: formatVersion(v), flags, machines: data.machines }, { source: `${source} (QEMU ${data.version})` });
}
