/**
 * Where the VF sits in the guest. QEMU hides a failover primary at start and
 * plugs it when the guest negotiates failover, so the VF's bus must take
 * hot-plug (QEMU: "Bus '…' does not support hotplugging"), and PCI realize
 * then insists on a PCI Express bus ("failover primary device must be on
 * PCIExpress bus") and a slot of its own at function 0 ("failover: primary
 * device must be in its own PCI slot"). QEMU only warns at that late point
 * and runs on without the VF.
 */
import type { PciAddress } from '../../model/address.js';
import type { Domain } from '../../model/domain.js';
import { isI440FX } from '../../model/machine.js';
import { allDevices } from '../../postparse/devices.js';
import type { TeamDevice } from '../context.js';
import { describe } from '../describe.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { isTransient, type Analysis } from '../pairing.js';

const EXPRESS_BUSES = new Set(['pcie-root', 'pcie-root-port', 'pcie-switch-upstream-port', 'pcie-switch-downstream-port', 'pcie-expander-bus']);
/** Root complexes: PCI Express, but QEMU cannot hot-plug into them. */
const ROOT_BUSES = new Set(['pcie-root', 'pcie-expander-bus']);

const NOT_PCIE = `"failover primary device must be on PCIExpress bus"`;
const OWN_SLOT = `"failover: primary device must be in its own PCI slot"`;
const LATE = `when the guest negotiates failover, so the VF never appears and the team never forms`;

export function placementRules(t: TeamDevice, a: Analysis): Diagnostic[] {
  const addr = t.info.address;
  if (!isTransient(t) || !t.vfio || addr?.type !== 'pci') return [];
  const d = a.context.domain;
  const bus = d.devices.controllers.find((c) => c.type === 'pci' && c.index === addr.bus);
  const busId = bus?.info.alias ?? `bus ${addr.bus}`;
  const where = describe(t, { address: true });
  const out: Diagnostic[] = [];

  if (isI440FX(d)) {
    out.push(
      diagnostic(
        'teaming.placement.i440fx',
        where,
        `an i440fx ('${d.os.machine}') machine has no PCI Express bus, and QEMU refuses to plug the VF on ${busId} (${NOT_PCIE}) ${LATE}`,
        `use machine='q35' and leave out the VF's <address> so libvirt gives it a pcie-root-port of its own`,
      ),
    );
  } else if (bus?.model !== undefined && !EXPRESS_BUSES.has(bus.model)) {
    out.push(
      diagnostic(
        'teaming.placement.not-pcie',
        where,
        `${busId} is a ${bus.model}, a conventional PCI bus, and QEMU refuses to plug the VF there (${NOT_PCIE}) ${LATE}`,
        `move the VF to a pcie-root-port, or leave out its <address> so libvirt picks one`,
      ),
    );
  }
  if (bus?.model !== undefined && ROOT_BUSES.has(bus.model)) {
    out.push(
      diagnostic(
        'teaming.placement.root-bus',
        where,
        `${busId} is a PCI Express root bus without hot-plug, and QEMU refuses to plug the VF there ("Bus '${busId}' does not support hotplugging") ${LATE}`,
        `leave out the VF's <address> so libvirt gives it a pcie-root-port of its own, or pin it to one (bus of a pcie-root-port, slot 0)`,
      ),
    );
  }
  if (bus?.target?.hotplug === false) {
    out.push(
      diagnostic(
        'teaming.placement.hotplug-off',
        where,
        `${busId} has hotplug='off', but QEMU hides the VF at start and has to hot-plug it later, so it refuses the VF there ("Bus '${busId}' does not support hotplugging"), at start or when the guest negotiates failover`,
        `remove hotplug='off' from the <target> of controller index='${addr.bus}', or move the VF to a port that allows hot-plug`,
      ),
    );
  }
  if (isI440FX(d) && addr.bus === 0 && d.features.acpi !== true) {
    out.push(
      diagnostic(
        'teaming.placement.acpi-off',
        where,
        `on i440fx only ACPI hot-plugs devices into ${busId}, so with ACPI off QEMU refuses to start with the VF hidden there ("Bus '${busId}' does not support hotplugging")`,
        `add <acpi/> to <features> (and use q35, see teaming.placement.i440fx)`,
      ),
    );
  }
  if (addr.function !== 0) {
    out.push(
      diagnostic(
        'teaming.placement.function',
        where,
        `the VF is function ${addr.function} of its slot, and QEMU plugs a failover primary only as function 0 of a slot of its own (${OWN_SLOT}) ${LATE}`,
        `put the VF at function='0x0' of a slot of its own, e.g. its own pcie-root-port (or leave out its <address>)`,
      ),
    );
  } else if (addr.multifunction === true || slotSharers(d, t, addr).length > 0) {
    const sharers = slotSharers(d, t, addr);
    const why = sharers.length > 0 ? `shares its slot with ${sharers.join(', ')}` : `has multifunction='on'`;
    out.push(
      diagnostic(
        'teaming.placement.shared-slot',
        where,
        `the VF ${why}, and QEMU plugs a failover primary only into a slot of its own (${OWN_SLOT}) ${LATE}`,
        `give the VF a slot of its own at function 0 without multifunction='on' (or leave out its <address>)`,
      ),
    );
  }
  return out;
}

/** The ids of other devices at the same bus and slot. */
function slotSharers(d: Domain, t: TeamDevice, addr: PciAddress): string[] {
  const out: string[] = [];
  for (const ref of allDevices(d)) {
    const b = ref.info.address;
    if (ref.info === t.info || b?.type !== 'pci') continue;
    if (b.domain === addr.domain && b.bus === addr.bus && b.slot === addr.slot) out.push(ref.info.alias ?? `a ${ref.kind}`);
  }
  return out;
}
