/**
 * Serial ports, parallel ports, channels and consoles, each a `-chardev`
 * followed by its device (qemuBuildSerialCommandLine,
 * qemuBuildParallelsCommandLine, qemuBuildChannelsCommandLine,
 * qemuBuildConsoleCommandLine and qemuBuildChrDeviceProps).
 */
import { internalError, unsupported } from '../../errors.js';
import type { ChannelDef, ConsoleDef, SerialDef, SerialTargetModel } from '../../model/chardev.js';
import type { Domain } from '../../model/domain.js';
import type { CommandBuilder } from '../../render/command.js';
import { Props } from '../../render/props.js';
import { addressProps } from '../address.js';
import { buildChardev, chardevAlias, type ChardevContext } from './chardev-backend.js';

/** The capability flag each serial device model needs (qemuChrSerialTargetModelToCaps). */
const SERIAL_MODEL_CAPS: Partial<Record<SerialTargetModel, string>> = {
  'isa-serial': 'isa-serial',
  'usb-serial': 'usb-serial',
  'pci-serial': 'pci-serial',
  'spapr-vty': 'spapr-vty',
  sclpconsole: 'sclpconsole',
  sclplmconsole: 'sclplmconsole',
};

export function buildSerials(cmd: CommandBuilder, d: Domain, ctx: ChardevContext): void {
  for (const s of d.devices.serials) {
    buildChardev(cmd, s.source, chardevAlias(s.info.alias!), ctx);
    cmd.props('-device', 'device', serialProps(d, s, ctx));
  }
}

/** qemuBuildSerialChrDeviceProps. x86 has no platform serial devices, so every serial is a -device. */
function serialProps(d: Domain, s: SerialDef, ctx: ChardevContext): Props {
  const model = s.target.model;
  if (model === undefined || model === 'pl011' || model === '16550a') {
    throw internalError('build.serial-model', 'Invalid target model for serial device');
  }
  const cap = SERIAL_MODEL_CAPS[model];
  if (cap !== undefined && !ctx.caps.has(cap)) throw unsupported('build.serial-model-caps', `'${model}' is not supported in this QEMU binary`);
  if (model === 'usb-serial') {
    // Needs a USB port from libvirt's USB address assignment, which teamctl does not do yet.
    throw unsupported('build.usb-serial', "serial target type 'usb-serial' is not supported by teamctl yet");
  }
  const p = Props.of('driver', model).set('chardev', chardevAlias(s.info.alias!)).set('id', s.info.alias!);
  if (model === 'isa-serial') p.nonNegative('index', s.target.port);
  return p.extend(addressProps(d, s.info));
}

export function buildParallels(cmd: CommandBuilder, d: Domain, ctx: ChardevContext): void {
  for (const par of d.devices.parallels) {
    const charAlias = chardevAlias(par.info.alias!);
    buildChardev(cmd, par.source, charAlias, ctx);
    cmd.props('-device', 'device', Props.of('driver', 'isa-parallel').set('chardev', charAlias).set('id', par.info.alias!));
  }
}

export function buildChannels(cmd: CommandBuilder, d: Domain, ctx: ChardevContext): void {
  for (const ch of d.devices.channels) {
    const charAlias = chardevAlias(ch.info.alias!);
    buildChardev(cmd, ch.source, charAlias, ctx);
    switch (ch.target.type) {
      case 'guestfwd': {
        // QEMU's guestfwd is a list of objects with one member, 'str'.
        const fwd = `tcp:${ch.target.address}:${ch.target.port}-chardev:${charAlias}`;
        cmd.props('-netdev', 'netdev', Props.of('type', 'user').set('guestfwd', [Props.of('str', fwd)]).set('id', ch.info.alias!));
        break;
      }
      case 'virtio':
        cmd.props('-device', 'device', virtioSerialPortProps(d, ch));
        break;
      case 'xen':
        throw unsupported('build.channel-xen', "channel target type 'xen' is not supported with QEMU");
    }
  }
}

export function buildConsoles(cmd: CommandBuilder, d: Domain, ctx: ChardevContext): void {
  for (const c of d.devices.consoles) {
    switch (c.target.type) {
      case 'virtio':
        buildChardev(cmd, c.source, chardevAlias(c.info.alias!), ctx);
        cmd.props('-device', 'device', virtioSerialPortProps(d, c));
        break;
      case 'serial':
      case undefined:
        // Built as serials[0].
        break;
      default:
        throw unsupported('build.console-type', `unsupported console target type ${c.target.type}`);
    }
  }
}

const SPICE_AGENT_PORT = 'com.redhat.spice.0';

/** qemuBuildVirtioSerialPortDevProps: virtserialport for channels, virtconsole for consoles. */
function virtioSerialPortProps(d: Domain, c: ChannelDef | ConsoleDef): Props {
  const a = c.info.address;
  if (a !== undefined && a.type !== 'virtio-serial') {
    throw internalError('build.virtio-serial-address', 'virtio serial device has invalid address type');
  }
  const p = Props.of('driver', c.deviceType === 'channel' ? 'virtserialport' : 'virtconsole');
  p.extend(addressProps(d, c.info));
  p.set('chardev', chardevAlias(c.info.alias!)).set('id', c.info.alias!);
  if (c.deviceType === 'channel' && c.target.type !== 'guestfwd') {
    const name = c.target.name;
    if (c.source.type === 'spicevmc') {
      // The SPICE agent's port has one name; without it the guest agent would not find it.
      if (name !== undefined && name !== SPICE_AGENT_PORT) throw unsupported('build.spicevmc-name', `Unsupported spicevmc target name '${name}'`);
      p.set('name', SPICE_AGENT_PORT);
    } else {
      p.str('name', name);
    }
  }
  return p;
}
