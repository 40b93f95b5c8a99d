/**
 * Input devices (libvirt's qemuBuildInputCommandLine) and USB hubs
 * (qemuBuildHubCommandLine). PS/2 devices are part of the machine and need
 * no argument.
 */
import { internalError } from '../../errors.js';
import type { Input } from '../../model/devices.js';
import type { Domain } from '../../model/domain.js';
import type { CommandBuilder } from '../../render/command.js';
import { Props } from '../../render/props.js';
import { addressProps } from '../address.js';
import { virtioOptionProps } from '../virtio-options.js';

export function buildInputs(cmd: CommandBuilder, d: Domain): void {
  for (const input of d.devices.inputs) {
    if (input.type === 'evdev') {
      cmd.props('-object', 'object', evdevProps(input));
      continue;
    }
    if (input.bus === 'usb') cmd.props('-device', 'device', usbInputProps(d, input));
    else if (input.bus === 'virtio') cmd.props('-device', 'device', virtioInputProps(d, input));
  }
}

const USB_INPUT_DRIVERS: Record<Exclude<Input['type'], 'passthrough' | 'evdev'>, string> = {
  mouse: 'usb-mouse',
  tablet: 'usb-tablet',
  keyboard: 'usb-kbd',
};

/** qemuBuildInputUSBDevProps. */
function usbInputProps(d: Domain, input: Input): Props {
  if (input.type === 'passthrough' || input.type === 'evdev') {
    throw internalError('build.usb-input', `input type '${input.type}' cannot be a USB device`);
  }
  return Props.of('driver', USB_INPUT_DRIVERS[input.type]).set('id', input.info.alias!).extend(addressProps(d, input.info));
}

const VIRTIO_INPUT_DEVICES: Record<Exclude<Input['type'], 'evdev'>, string> = {
  mouse: 'virtio-mouse',
  tablet: 'virtio-tablet',
  keyboard: 'virtio-keyboard',
  passthrough: 'virtio-input-host',
};

/** qemuBuildInputVirtioDevProps; the device is named after its (PCI) bus. */
function virtioInputProps(d: Domain, input: Input): Props {
  if (input.type === 'evdev') throw internalError('build.virtio-input', "input type 'evdev' cannot be a virtio device");
  const base = VIRTIO_INPUT_DEVICES[input.type];
  if (input.info.address?.type !== 'pci') throw internalError('build.virtio-input-address', `Unexpected address type for '${base}'`);
  return Props.of('driver', `${base}-pci`)
    .extend(virtioOptionProps(input.driver))
    .set('id', input.info.alias!)
    .str('evdev', input.type === 'passthrough' ? input.source?.evdev : undefined)
    .extend(addressProps(d, input.info));
}

/** qemuBuildInputEvdevProps: an input-linux object. */
function evdevProps(input: Input): Props {
  const src = input.source ?? {};
  return Props.of('qom-type', 'input-linux')
    .set('id', input.info.alias!)
    .str('evdev', src.evdev)
    .tristate('repeat', src.repeat)
    .flag('grab_all', src.grab === 'all')
    .str('grab-toggle', src.grabToggle);
}

export function buildHubs(cmd: CommandBuilder, d: Domain): void {
  for (const hub of d.devices.hubs) {
    cmd.props('-device', 'device', Props.of('driver', 'usb-hub').set('id', hub.info.alias!).extend(addressProps(d, hub.info)));
  }
}
