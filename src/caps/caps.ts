/**
 * A QEMU binary's capabilities as libvirt sees them: its version, the named
 * capability flags it has, and its machine types. Builders and validators ask
 * `caps.has('flag')`; nothing outside this directory compares version numbers
 * to decide what QEMU can do.
 */

export interface MachineType {
  readonly name: string;
  readonly alias?: string;
  readonly default?: boolean;
  readonly hotplugCpus?: boolean;
  readonly maxCpus?: number;
  readonly defaultCPU?: string;
  readonly defaultRAMid?: string;
  readonly numaMemSupported?: boolean;
  readonly deprecated?: boolean;
  /** Whether QEMU reported an `acpi` machine property (undefined: QEMU did not say). */
  readonly acpi?: boolean;
}

export type Accel = 'tcg' | 'kvm';

export interface CapsData {
  readonly version: string;
  readonly flags: readonly string[];
  readonly machines: { readonly tcg: readonly MachineType[]; readonly kvm: readonly MachineType[] };
}

export interface QemuVersion {
  readonly major: number;
  readonly minor: number;
  readonly micro: number;
}

export function parseVersion(text: string): QemuVersion | undefined {
  const m = /^(\d{1,4})\.(\d{1,4})\.(\d{1,4})$/.exec(text);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), micro: Number(m[3]) };
}

export function compareVersions(a: QemuVersion, b: QemuVersion): number {
  return a.major - b.major || a.minor - b.minor || a.micro - b.micro;
}

export function formatVersion(v: QemuVersion): string {
  return `${v.major}.${v.minor}.${v.micro}`;
}

export interface CapsOptions {
  /**
   * libvirt's test harness replaces machine aliases by plain machine names for
   * its `latest` capabilities, so `pc` stays `pc` instead of becoming
   * `pc-i440fx-X.Y`. The test profile does the same.
   */
  readonly stripMachineAliases?: boolean;
  /** Where these capabilities came from, for messages. */
  readonly source?: string;
}

export class Caps {
  readonly version: QemuVersion;
  readonly source: string;
  private readonly flagSet: ReadonlySet<string>;
  private readonly machineLists: Record<Accel, readonly MachineType[]>;

  constructor(data: CapsData, options: CapsOptions = {}) {
    const version = parseVersion(data.version);
    if (!version) throw new Error(`bad QEMU version '${data.version}' in capability data`);
    this.version = version;
    this.source = options.source ?? `QEMU ${data.version}`;
    this.flagSet = new Set(data.flags);
    this.machineLists = {
      tcg: options.stripMachineAliases ? stripAliases(data.machines.tcg) : data.machines.tcg,
      kvm: options.stripMachineAliases ? stripAliases(data.machines.kvm) : data.machines.kvm,
    };
  }

  get versionString(): string {
    return formatVersion(this.version);
  }

  has(flag: string): boolean {
    return this.flagSet.has(flag);
  }

  flags(): string[] {
    return [...this.flagSet].sort();
  }

  machines(accel: Accel): readonly MachineType[] {
    return this.machineLists[accel];
  }

  /** The machine type entry for a name or alias, as libvirt looks it up. */
  machine(accel: Accel, name: string): MachineType | undefined {
    const list = this.machineLists[accel];
    return list.find((m) => m.name === name) ?? list.find((m) => m.alias === name);
  }

  /** libvirt's virQEMUCapsGetCanonicalMachine: an alias becomes the machine it names. */
  canonicalMachine(accel: Accel, name: string): string {
    const byAlias = this.machineLists[accel].find((m) => m.alias === name);
    return byAlias ? byAlias.name : name;
  }

  /** The machine QEMU starts when none is given (libvirt's preferred machine). */
  defaultMachine(accel: Accel): MachineType | undefined {
    const list = this.machineLists[accel];
    return list.find((m) => m.default) ?? list[0];
  }
}

/** The alias takes the entry's place and the original name follows as a plain entry. */
function stripAliases(list: readonly MachineType[]): MachineType[] {
  const out: MachineType[] = [];
  const extra: MachineType[] = [];
  for (const m of list) {
    if (m.alias === undefined) {
      out.push(m);
      continue;
    }
    const { alias, default: _def, ...rest } = m;
    out.push({ ...rest, ...(m.default !== undefined ? { default: m.default } : {}), name: alias });
    extra.push({ ...rest, name: m.name, default: false });
  }
  return [...out, ...extra];
}
