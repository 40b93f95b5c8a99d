/**
 * <interface> rules with libvirt's messages: the generic ones
 * (virDomainNetDefValidate, domain_validate.c) and the QEMU ones
 * (qemuValidateDomainDeviceDefNetwork, qemu_validate.c), in libvirt's order.
 */
import type { Caps } from '../caps/caps.js';
import { unsupported, xmlError } from '../errors.js';
import type { Interface, InterfaceType } from '../model/devices.js';
import { isKnownNetModel, isVirtioNetModel } from '../model/net-models.js';
import { validateNetTeamingGeneric, validateNetTeamingQemu } from './teaming.js';

/** virDomainDeviceInfoValidate + virDomainNetDefValidate. */
export function validateNetGeneric(net: Interface): void {
  if (net.info.address?.type === 'unassigned') {
    throw unsupported('net.unassigned-address', "address of type 'unassigned' is supported only for hostdevs");
  }
  const mac = net.mac ?? '';
  const hostIp = net.hostIp;
  if (hostIp && (hostIp.ips.length > 0 || hostIp.routes.length > 0) && net.type !== 'ethernet') {
    throw unsupported(
      'net.host-ip-type',
      `Invalid attempt to set network interface host-side IP route and/or address info on interface of type '${net.type}'. This is only supported on interfaces of type 'ethernet'`,
    );
  }
  if (net.target?.managed === false && net.type !== 'ethernet') {
    throw unsupported('net.unmanaged-type', `unmanaged target dev is not supported on interfaces of type '${net.type}'`);
  }
  validateNetTeamingGeneric(net);
  validatePortOptions(mac, net.type, net.virtualportType, net.isolatedPort);
  if (!isVirtioNetModel(net.model)) validateVirtioOptionsAbsent(net);
  const passt = net.backend?.type === 'passt';
  if (net.type !== 'user' && net.type !== 'vhostuser' && passt) {
    throw unsupported('net.passt-type', "The 'passt' backend can only be used with interface type='user' or type='vhostuser'");
  }
  for (const pf of net.portForwards ?? []) {
    if ((net.type !== 'user' && net.type !== 'vhostuser') || !passt) {
      throw unsupported(
        'net.port-forward',
        "The <portForward> element can only be used with the 'passt' backend of interface type='user' or type='vhostuser'",
      );
    }
    for (const r of pf.ranges) {
      if (r.start === undefined && (r.end !== undefined || r.to !== undefined || r.exclude !== undefined)) {
        throw unsupported(
          'net.port-forward-range',
          "The 'range' of a 'portForward' requires 'start' attribute if 'end', 'to', or 'exclude' is specified",
        );
      }
    }
  }
}

/** virDomainNetDefValidatePortOptions, for the configured or the actual type. */
export function validatePortOptions(mac: string, type: string, virtualportType: string | undefined, isolated: boolean | undefined): void {
  if (isolated !== true) return;
  if (type !== 'network' && type !== 'bridge') {
    throw unsupported(
      'net.isolated-type',
      `interface ${mac} - <port isolated='yes'/> is not supported for network interfaces with type='${type}'`,
    );
  }
  if (virtualportType !== undefined && virtualportType !== '' && virtualportType !== 'none') {
    throw unsupported(
      'net.isolated-virtualport',
      `interface ${mac} - <port isolated='yes'/> is not supported for network interfaces with virtualport type='${virtualportType}'`,
    );
  }
}

/** virDomainCheckVirtioOptionsAreAbsent. */
function validateVirtioOptionsAbsent(net: Interface): void {
  const d = net.driver;
  if (!d) return;
  if (d.iommu !== undefined) throw unsupported('net.virtio-option', 'iommu driver option is only supported for virtio devices');
  if (d.ats !== undefined) throw unsupported('net.virtio-option', 'ats driver option is only supported for virtio devices');
  if (d.packed !== undefined) throw unsupported('net.virtio-option', 'packed driver option is only supported for virtio devices');
  if (d.page_per_vq !== undefined) throw unsupported('net.virtio-option', 'page_per_vq option is only supported for virtio devices');
}

/** qemuDomainNetSupportsMTU. */
function supportsMtu(type: InterfaceType, passt: boolean): boolean {
  switch (type) {
    case 'network':
    case 'bridge':
    case 'ethernet':
    case 'vhostuser':
      return true;
    case 'user':
      return passt;
    default:
      return false;
  }
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/** qemuValidateDomainDeviceInfo (the parts that concern NICs) + qemuValidateDomainDeviceDefNetwork. */
export function validateNetQemu(net: Interface, caps: Caps): void {
  const info = net.info;
  if (info.acpiIndex !== undefined) {
    if (!caps.has('acpi-index')) throw unsupported('net.acpi-index', 'ACPI index is not supported with this QEMU');
    if (info.address !== undefined && info.address.type !== 'pci') {
      throw unsupported('net.acpi-index-pci', 'ACPI index is only supported for PCI devices');
    }
  }
  const rom = info.rom;
  const romTuned = rom !== undefined && (rom.enabled !== undefined || rom.bar !== undefined || rom.file !== undefined);
  if (romTuned && info.address !== undefined && info.address.type !== 'pci' && info.address.type !== 'unassigned') {
    throw unsupported('net.rom-pci', 'ROM tuning is only supported for PCI devices');
  }
  const passt = net.backend?.type === 'passt';
  const guestIp = net.guestIp;
  if (guestIp && guestIp.routes.length > 0) {
    throw unsupported('net.guest-route', 'Invalid attempt to set network interface guest-side IP route, not supported by QEMU');
  }
  if (net.type === 'user' || (net.type === 'vhostuser' && passt)) {
    validateUserGuestIps(net);
  } else if (guestIp && guestIp.ips.length > 0) {
    throw unsupported('net.guest-ip', 'Invalid attempt to set network interface guest-side IP address info, not supported by QEMU');
  }
  if (net.type === 'vdpa' && !caps.has('netdev.vhost-vdpa')) {
    throw unsupported('net.vdpa-caps', 'vDPA devices are not supported with this QEMU binary');
  }
  if (net.type === 'vhostuser') {
    if (net.source.path === undefined && !passt) {
      throw xmlError('net.vhostuser-path', "Missing required attribute 'path' in element 'source'");
    }
    if (net.source.mode === 'server' && net.source.reconnect?.enabled === true) {
      throw unsupported(
        'net.vhostuser-reconnect',
        "'reconnect' attribute is not supported when source mode='server' for <interface type='vhostuser'>",
      );
    }
  }
  validateModelRules(net, caps);
  if (net.mtu !== undefined && !supportsMtu(net.type, passt)) {
    throw unsupported('net.mtu-type', `setting MTU on interface type ${net.type} is not supported yet`);
  }
  validateNetTeamingQemu(net, caps);
  if (net.coalesce !== undefined && net.type !== 'network' && net.type !== 'bridge') {
    throw unsupported('net.coalesce-type', `coalesce settings on interface type ${net.type} are not supported`);
  }
  if (passt) throw unsupported('net.passt', "the 'passt' backend is not supported by teamctl yet");
}

function validateUserGuestIps(net: Interface): void {
  let hasIPv4 = false;
  let hasIPv6 = false;
  for (const ip of net.guestIp?.ips ?? []) {
    if (ip.peer !== undefined) throw unsupported('net.guest-peer', 'Invalid attempt to set peer IP for guest');
    const prefix = ip.prefix ?? 0;
    if (ip.family === 'ipv4') {
      if (hasIPv4) throw unsupported('net.guest-ipv4-dup', 'Only one IPv4 address per interface is allowed');
      hasIPv4 = true;
      if (prefix > 0 && (prefix < 4 || prefix > 27)) throw xmlError('net.guest-ipv4-prefix', 'invalid prefix, must be in range of 4-27');
    } else {
      if (hasIPv6) throw unsupported('net.guest-ipv6-dup', 'Only one IPv6 address per interface is allowed');
      hasIPv6 = true;
      if (prefix !== 0 && prefix !== 64) throw unsupported('net.guest-ipv6-prefix', `unsupported IPv6 address prefix='${prefix}' - must be 64`);
    }
  }
}

function validateModelRules(net: Interface, caps: Caps): void {
  if (!isVirtioNetModel(net.model)) {
    if (net.type === 'vdpa' || net.type === 'vhostuser') {
      // libvirt prints the enum name, which is 'unknown' for a model it does not know.
      const shown = isKnownNetModel(net.model) ? net.model! : 'unknown';
      throw unsupported('net.model-not-virtio', `invalid model for interface of type '${net.type}': '${shown}' - must be 'virtio'`);
    }
    return;
  }
  const drv = net.driver ?? {};
  if (drv.rx_queue_size !== undefined && !isPowerOfTwo(drv.rx_queue_size)) {
    throw unsupported('net.rx-queue-size', 'rx_queue_size has to be a power of two');
  }
  if (drv.tx_queue_size !== undefined && !isPowerOfTwo(drv.tx_queue_size)) {
    throw unsupported('net.tx-queue-size', 'tx_queue_size has to be a power of two');
  }
  // Any setting counts, 'off' included (libvirt tests the tristate for non-absent).
  if (drv.rss !== undefined && !caps.has('virtio-net.rss')) {
    throw unsupported('net.rss', 'virtio rss is not supported with this QEMU binary');
  }
  if (drv.rss_hash_report !== undefined && !caps.has('virtio-net.rss')) {
    throw unsupported('net.rss-hash', 'virtio rss hash report is not supported with this QEMU binary');
  }
}
