/**
 * libvirt's <teaming> rules, with libvirt's messages: the generic ones from
 * domain_validate.c and the QEMU ones from qemu_validate.c.
 */
import type { Caps } from '../caps/caps.js';
import { unsupported } from '../errors.js';
import type { Hostdev, Interface } from '../model/devices.js';
import { isVirtioNetModel } from '../model/net-models.js';

/** virDomainNetDefValidate's teaming part. */
export function validateNetTeamingGeneric(net: Interface): void {
  const t = net.teaming;
  if (!t) return;
  if (t.type === 'transient') {
    if (t.persistent === undefined) {
      throw unsupported('teaming.transient-no-persistent', "teaming persistent attribute must be set if teaming type is 'transient'");
    }
  } else if (t.persistent !== undefined) {
    throw unsupported('teaming.persistent-with-attr', `teaming persistent attribute not allowed if teaming type is '${t.type}'`);
  }
}

/** virDomainHostdevDefValidate's teaming part. */
export function validateHostdevTeaming(hostdev: Hostdev): void {
  const t = hostdev.teaming;
  if (!t) return;
  if (t.type !== 'transient') {
    throw unsupported('teaming.hostdev-not-transient', "teaming hostdev devices must have type='transient'");
  }
  if (t.persistent === undefined) {
    throw unsupported('teaming.hostdev-no-persistent', 'missing required persistent attribute in hostdev teaming element');
  }
  if (hostdev.mode !== 'subsystem' || hostdev.type !== 'pci') {
    throw unsupported('teaming.hostdev-not-pci', 'teaming is only supported for pci hostdev devices');
  }
}

export { isVirtioNetModel };

/** qemuValidateDomainDeviceDefNetwork's teaming part (with the failover capability check of QEMU < 4.2 days). */
export function validateNetTeamingQemu(net: Interface, caps: Caps): void {
  const t = net.teaming;
  if (!t) return;
  if (!caps.has('virtio-net.failover')) {
    throw unsupported('teaming.qemu-too-old', 'virtio-net failover (teaming) is not supported with this QEMU binary');
  }
  if (t.type === 'persistent' && !isVirtioNetModel(net.model)) {
    throw unsupported(
      'teaming.persistent-not-virtio',
      `virtio-net teaming persistent interface must be <model type='virtio'/>, not '${net.model ?? ''}'`,
    );
  }
  if (t.type === 'transient' && net.type !== 'hostdev' && net.type !== 'network') {
    throw unsupported('teaming.transient-not-hostdev', `virtio-net teaming transient interface must be type='hostdev', not '${net.type}'`);
  }
}

/** qemuDomainValidateActualNetDef's teaming part: a transient network interface must get a VF. */
export function validateActualNetTeaming(net: Interface, actualType: string): void {
  if (net.teaming?.type === 'transient' && actualType !== 'hostdev') {
    throw unsupported(
      'teaming.transient-actual-not-hostdev',
      `interface ${net.mac ?? ''} - teaming transient device must be type='hostdev', not '${actualType}'`,
    );
  }
}
