/**
 * <input> and <hub> rules with libvirt's messages: virDomainInputDefValidate
 * (generic), qemuValidateDomainDeviceDefInput and qemuValidateDomainDeviceDefHub.
 */
import type { Caps } from '../caps/caps.js';
import { internalError, unsupported } from '../errors.js';
import type { Input } from '../model/devices.js';
import type { Domain } from '../model/domain.js';
import { isI440FX, isQ35 } from '../model/machine.js';

/** virDomainInputDefValidate for an HVM domain. */
export function validateInputGeneric(input: Input): void {
  if (input.bus === 'ps2' && input.type !== 'mouse' && input.type !== 'keyboard') {
    throw internalError('input.ps2-type', `ps2 bus does not support ${input.type} input device`);
  }
  if (input.bus === 'xen') throw internalError('input.xen-bus', 'unsupported input bus xen');
  switch (input.type) {
    case 'mouse':
    case 'tablet':
    case 'keyboard':
      if (input.source?.evdev !== undefined) {
        throw unsupported('input.evdev-source', 'setting source evdev path only supported for passthrough input devices');
      }
      break;
    case 'passthrough':
      if (input.bus !== 'virtio') throw unsupported('input.passthrough-bus', "only bus 'virtio' is supported for 'passthrough' input devices");
      break;
    case 'evdev':
      if (input.bus !== 'none') throw unsupported('input.evdev-bus', "input evdev doesn't support bus element");
      break;
  }
  if (input.model !== undefined && input.bus !== 'virtio') {
    throw unsupported('input.model-bus', `only bus 'virtio' is supported for input model '${input.model}'`);
  }
}

/** virQEMUCapsSupportsI8042 for x86 machines. */
function supportsI8042(d: Domain, caps: Caps): boolean {
  return caps.has('i8042') && (isI440FX(d) || isQ35(d) || d.os.machine === 'isapc');
}

const VIRTIO_INPUT: Record<Input['type'], string> = {
  mouse: 'virtio-mouse',
  tablet: 'virtio-tablet',
  keyboard: 'virtio-keyboard',
  passthrough: 'virtio-input-host',
  evdev: 'input-linux',
};

/** qemuValidateDomainDeviceDefInput. */
export function validateInputQemu(input: Input, d: Domain, caps: Caps): void {
  if (input.bus === 'ps2' && !supportsI8042(d, caps)) throw unsupported('input.ps2-caps', 'ps2 is not supported by this QEMU binary');
  if (input.bus === 'usb' && input.type === 'keyboard' && !caps.has('usb-kbd')) {
    throw unsupported('input.usb-kbd', 'usb keyboard is not supported by this QEMU binary');
  }
  if (input.bus !== 'virtio') return;
  if (input.model === 'virtio-transitional' || input.model === 'virtio-non-transitional') {
    throw unsupported('input.transitional', `virtio (non-)transitional models are not supported for input type=${input.type}`);
  }
  // libvirt's capability flags are named after the QEMU devices.
  const device = VIRTIO_INPUT[input.type];
  if (!caps.has(device)) throw unsupported('input.virtio-caps', `${device} is not supported by this QEMU binary`);
}

/** qemuValidateDomainDeviceDefHub (only USB hubs parse). */
export function validateHubQemu(caps: Caps): void {
  if (!caps.has('usb-hub')) throw unsupported('hub.caps', 'usb-hub not supported by QEMU binary');
}
