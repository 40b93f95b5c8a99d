/**
 * Every diagnostic `teamctl lint` can report, with its default severity and a
 * one-line summary. Codes are stable: scripts match on them, so they are added,
 * never renamed. The README's "teamctl lint" section documents each one.
 */

export type Severity = 'error' | 'warning';

export const LINT_CODES = {
  'teaming.persistent-unknown': { severity: 'error', summary: "the transient's persistent= names no device" },
  'teaming.persistent-not-persistent': {
    severity: 'error',
    summary: "the transient's persistent= names a device that is not a <teaming type='persistent'> interface",
  },
  'teaming.persistent-not-virtio': { severity: 'error', summary: 'the persistent interface is not a virtio NIC' },
  'teaming.persistent-alias-missing': { severity: 'error', summary: "the persistent interface has no user alias ('ua-…')" },
  'teaming.persistent-with-attr': { severity: 'error', summary: "a <teaming type='persistent'> carries a persistent= attribute" },
  'teaming.persistent-no-transient': { severity: 'warning', summary: 'a persistent interface has no transient partner' },
  'teaming.transient-no-persistent': { severity: 'error', summary: "a <teaming type='transient'> has no persistent= attribute" },
  'teaming.transient-duplicate': { severity: 'error', summary: 'two transient devices point at the same persistent interface' },
  'teaming.transient-not-hostdev': { severity: 'error', summary: 'the transient interface is not a passed-through device' },
  'teaming.hostdev-not-transient': { severity: 'error', summary: "a <hostdev> has <teaming type='persistent'>" },
  'teaming.hostdev-not-pci': { severity: 'error', summary: 'a <hostdev> with <teaming> is not a PCI device' },
  'teaming.mac-mismatch': { severity: 'error', summary: "the transient's MAC differs from its persistent partner's" },
  'teaming.mac-unmanaged': { severity: 'warning', summary: 'a plain <hostdev> VF keeps the MAC set on the host' },
  'teaming.network-unknown': { severity: 'warning', summary: "a transient's network was not given with --network-xml" },
  'teaming.network-not-pool': { severity: 'error', summary: "a transient's network is not a <forward mode='hostdev'> pool" },
  'teaming.network-pool-exhausted': { severity: 'error', summary: "a transient's hostdev pool has no VF left" },
  'teaming.placement.i440fx': { severity: 'error', summary: 'the VF is on an i440fx (pc) machine, which has no PCI Express bus' },
  'teaming.placement.not-pcie': { severity: 'error', summary: 'the VF is on a conventional PCI bus' },
  'teaming.placement.root-bus': { severity: 'error', summary: 'the VF is on a PCI Express root bus (pcie.0), which has no hot-plug' },
  'teaming.placement.hotplug-off': { severity: 'error', summary: "the VF's bus has hotplug='off'" },
  'teaming.placement.acpi-off': { severity: 'error', summary: 'the VF is on pci.0 of an i440fx machine with ACPI off' },
  'teaming.placement.shared-slot': { severity: 'error', summary: "the VF shares its PCI slot or has multifunction='on'" },
  'teaming.placement.function': { severity: 'error', summary: 'the VF is not function 0 of its slot' },
  'teaming.qemu-too-old': { severity: 'error', summary: 'QEMU older than 4.2 has no virtio-net failover' },
  'libvirt.rejected': { severity: 'error', summary: 'libvirt rejects the domain for a reason lint does not cover' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type LintCode = keyof typeof LINT_CODES;

export const ALL_LINT_CODES = Object.keys(LINT_CODES) as LintCode[];

export function defaultSeverity(code: LintCode): Severity {
  return LINT_CODES[code].severity;
}
