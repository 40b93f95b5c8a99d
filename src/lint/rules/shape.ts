/**
 * The teaming rules libvirt itself enforces (domain_validate.c and
 * qemu_validate.c), reported as diagnostics instead of stopping at the first.
 */
import { isVirtioNetModel } from '../../validate/teaming.js';
import type { LintContext, TeamDevice } from '../context.js';
import { describe, elementLabel } from '../describe.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';

export function shapeRules(dev: TeamDevice): Diagnostic[] {
  const t = dev.teaming;
  if (!t) return [];
  return dev.element === 'interface' ? interfaceShape(dev) : hostdevShape(dev);
}

function interfaceShape(dev: TeamDevice): Diagnostic[] {
  const t = dev.teaming!;
  const out: Diagnostic[] = [];
  if (t.type === 'transient' && t.persistent === undefined) {
    out.push(noPersistent(dev, "teaming persistent attribute must be set if teaming type is 'transient'"));
  }
  if (t.type === 'persistent' && t.persistent !== undefined) {
    out.push(
      diagnostic(
        'teaming.persistent-with-attr',
        describe(dev),
        `libvirt refuses the domain ("teaming persistent attribute not allowed if teaming type is 'persistent'"): the persistent side is named by its transient partner, it names nobody`,
        `remove persistent='${t.persistent}' from this <teaming type='persistent'/> and make sure the VF's <teaming type='transient'> names this interface's alias`,
      ),
    );
  }
  if (t.type === 'persistent' && !isVirtioNetModel(dev.model)) {
    out.push(
      diagnostic(
        'teaming.persistent-not-virtio',
        describe(dev),
        `libvirt refuses the domain: only a virtio-net NIC can be QEMU's failover standby (failover=on), and this one is model '${dev.model ?? 'default'}'`,
        `use <model type='virtio'/> on this interface`,
      ),
    );
  }
  if (t.type === 'transient' && dev.type !== 'hostdev' && dev.type !== 'network') {
    out.push(
      diagnostic(
        'teaming.transient-not-hostdev',
        describe(dev),
        `libvirt refuses the domain: QEMU hides and hot-plugs only a passed-through VF as the failover primary, not an ${elementLabel(dev)} NIC`,
        `make the transient side an <interface type='hostdev'> (or type='network' on a hostdev pool) for the VF`,
      ),
    );
  }
  return out;
}

function hostdevShape(dev: TeamDevice): Diagnostic[] {
  const t = dev.teaming!;
  const out: Diagnostic[] = [];
  if (t.type !== 'transient') {
    out.push(
      diagnostic(
        'teaming.hostdev-not-transient',
        describe(dev),
        `libvirt refuses the domain ("teaming hostdev devices must have type='transient'"): a VF can only be the primary that QEMU hot-plugs, the persistent side must be a virtio interface`,
        `use <teaming type='transient' persistent='ua-…'/> naming the virtio interface's user alias`,
      ),
    );
  } else if (t.persistent === undefined) {
    out.push(noPersistent(dev, 'missing required persistent attribute in hostdev teaming element'));
  }
  if (dev.type !== 'pci') {
    out.push(
      diagnostic(
        'teaming.hostdev-not-pci',
        describe(dev),
        `libvirt refuses the domain ("teaming is only supported for pci hostdev devices"): QEMU's failover primary must be a PCI Ethernet device, not a ${dev.type} device`,
        `remove <teaming> from this device and team a PCI VF instead`,
      ),
    );
  }
  return out;
}

function noPersistent(dev: TeamDevice, libvirtMessage: string): Diagnostic {
  return diagnostic(
    'teaming.transient-no-persistent',
    describe(dev),
    `libvirt refuses the domain ("${libvirtMessage}"): without it QEMU cannot know which virtio NIC the VF stands in for`,
    `add persistent='ua-…' to <teaming>, naming the user alias of the virtio interface it pairs with`,
  );
}

/** QEMU gained virtio-net failover in 4.2; libvirt refuses <teaming> before. */
export function qemuRules(context: LintContext): Diagnostic[] {
  const teamed = context.devices.some((d) => d.teaming !== undefined);
  if (!teamed || context.caps.has('virtio-net.failover')) return [];
  return [
    diagnostic(
      'teaming.qemu-too-old',
      undefined,
      `QEMU ${context.caps.versionString} has no virtio-net failover (QEMU 4.2 added it), so libvirt refuses to start a domain with <teaming> ("virtio-net failover (teaming) is not supported with this QEMU binary")`,
      `run the domain on QEMU 4.2 or newer, or remove the <teaming> elements`,
    ),
  ];
}
