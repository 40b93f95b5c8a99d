/**
 * Rules libvirt checks when the domain starts, once an <interface
 * type='network'> knows what it really is: qemuDomainValidateActualNetDef
 * (with the generic virDomainActualNetDefValidate), then what connecting the
 * interface requires.
 */
import { internalError, unsupported } from '../errors.js';
import type { Interface } from '../model/devices.js';
import type { ActualNet } from '../postparse/network.js';
import { validatePortOptions } from './net.js';
import { validateActualNetTeaming } from './teaming.js';

/** Actual types whose host side is a tap (or macvtap) device. */
const TAP_TYPES = new Set(['network', 'bridge', 'direct', 'ethernet']);

export function validateActualNet(net: Interface, actualType: string, actual: ActualNet | undefined): void {
  const mac = net.mac ?? '';
  validateActualGeneric(net, mac, actualType, actual);
  if (net.driver?.queues !== undefined && !TAP_TYPES.has(actualType) && actualType !== 'vhostuser' && actualType !== 'vdpa') {
    throw unsupported('net.multiqueue-type', `interface ${mac} - multiqueue is not supported for network interfaces of type ${actualType}`);
  }
  if (net.filterref !== undefined) {
    if (actualType !== 'network' && actualType !== 'bridge' && actualType !== 'ethernet') {
      throw unsupported('net.filterref-type', `interface ${mac} - filterref is not supported for network interfaces of type ${actualType}`);
    }
    const vport = net.virtualportType;
    if (vport !== undefined && vport !== '' && vport !== 'none') {
      throw unsupported(
        'net.filterref-virtualport',
        `interface ${mac} - filterref is not supported for network interfaces with virtualport type ${vport}`,
      );
    }
  }
  if (net.backend?.tap !== undefined && actualType !== 'network' && actualType !== 'bridge' && actualType !== 'ethernet') {
    throw unsupported(
      'net.backend-tap-type',
      `interface ${mac} - custom tap device path is not supported for network interfaces of type ${actualType}`,
    );
  }
  validateActualNetTeaming(net, actualType);
  validateConnect(net, actualType);
}

/** virDomainActualNetDefValidate. */
function validateActualGeneric(net: Interface, mac: string, actualType: string, actual: ActualNet | undefined): void {
  if (net.vlan) {
    const passthrough = actualType === 'direct' && actual?.type === 'direct' && actual.network.forward.mode === 'passthrough';
    const bridgeOk = actualType === 'bridge' && (net.virtualportType === undefined || net.virtualportType === 'openvswitch');
    if (!(actualType === 'hostdev' || passthrough || bridgeOk)) {
      throw unsupported('net.vlan-type', `interface ${mac} - vlan tag not supported for this connection type`);
    }
  }
  if (net.bandwidth && actualType === 'hostdev') {
    throw unsupported('net.bandwidth-hostdev', `interface ${mac} - bandwidth settings are not supported for hostdev interfaces`);
  }
  validatePortOptions(mac, actualType, net.virtualportType, net.isolatedPort);
}

/** What connecting the host side requires (virDomainInterfaceEthernetConnect). */
function validateConnect(net: Interface, actualType: string): void {
  if (actualType === 'ethernet' && net.target?.managed === false && net.target.dev === undefined) {
    throw internalError('net.unmanaged-no-dev', "target dev must be supplied when managed='no'");
  }
}
