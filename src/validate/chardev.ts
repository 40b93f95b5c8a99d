/**
 * Character device rules with libvirt's messages: the generic source checks
 * (virDomainChrSourceDefValidate) and the QEMU ones (qemuValidateDomainChrDef,
 * qemuValidateDomainDefConsole).
 */
import type { Caps } from '../caps/caps.js';
import { internalError, TeamctlError, unsupported } from '../errors.js';
import type { ChrDef, ChrReconnect, ChrSource, SerialDef, SerialTargetModel, SerialTargetType } from '../model/chardev.js';
import type { Domain } from '../model/domain.js';

const MISSING_PATH = 'Missing source path attribute for char device';

/** virDomainChrSourceDefValidate. `chr` is absent for sources of other devices (RNG egd backends). */
export function validateChrSourceGeneric(src: ChrSource, chr?: ChrDef): void {
  switch (src.type) {
    case 'file':
    case 'dev':
    case 'pipe':
      if (src.path === undefined) throw internalError('chr.missing-path', MISSING_PATH);
      break;
    case 'tcp':
      if (src.host === undefined) throw internalError('chr.missing-host', 'Missing source host attribute for char device');
      if (src.service === undefined) throw internalError('chr.missing-service', 'Missing source service attribute for char device');
      if (src.mode === 'bind' && src.reconnect?.enabled !== undefined) throw reconnectNeedsConnect();
      break;
    case 'udp':
      if (src.connectService === undefined) throw internalError('chr.missing-service', 'Missing source service attribute for char device');
      break;
    case 'unix': {
      // Only virtio and xen channels get a generated socket path.
      const generated = chr?.deviceType === 'channel' && (chr.target.type === 'virtio' || chr.target.type === 'xen');
      if (src.path === undefined && !generated) throw internalError('chr.missing-path', MISSING_PATH);
      if (src.mode === 'bind' && src.reconnect?.enabled !== undefined) throw reconnectNeedsConnect();
      break;
    }
    case 'spiceport':
      if (src.channel === undefined) throw unsupported('chr.missing-channel', 'Missing source channel attribute for char device');
      if (!/^[a-zA-Z0-9_.-]*$/.test(src.channel)) {
        throw new TeamctlError('invalid-arg', 'chr.channel-chars', 'Invalid character in source channel for char device');
      }
      break;
    case 'null':
    case 'vc':
    case 'pty':
    case 'stdio':
    case 'qemu-vdagent':
    case 'spicevmc':
      break;
  }
}

function reconnectNeedsConnect(): TeamctlError {
  return internalError('chr.reconnect-bind', 'chardev reconnect is possible only for connect mode');
}

function validateReconnect(r: ChrReconnect | undefined): void {
  if (r?.enabled === true && r.timeout === 0) {
    throw new TeamctlError('invalid-arg', 'chr.reconnect-timeout', "chardev reconnect source timeout cannot be '0'");
  }
}

/** qemuValidateDomainChrSourceDef. */
export function validateChrSourceQemu(src: ChrSource, d: Domain, caps: Caps): void {
  switch (src.type) {
    case 'tcp':
      if (src.protocol === 'telnets' || src.protocol === 'tls') {
        throw unsupported('chr.tcp-protocol', `tcp chardev protocol '${src.protocol}' not supported`);
      }
      validateReconnect(src.reconnect);
      break;
    case 'unix':
      validateReconnect(src.reconnect);
      break;
    case 'qemu-vdagent':
      if (!caps.has('chardev.qemu-vdagent')) throw unsupported('chr.vdagent', `chardev 'qemu-vdagent' not supported in this QEMU binary`);
      break;
    case 'spicevmc':
    case 'spiceport':
      if (!d.devices.graphics.some((g) => g.type === 'spice')) {
        throw unsupported('chr.spice-graphics', `chardev '${src.type}' not supported without spice graphics`);
      }
      break;
    default:
      break;
  }
}

/** The address type a serial target type needs (qemuValidateChrSerialTargetTypeToAddressType). */
const SERIAL_ADDRESS: Partial<Record<SerialTargetType, string>> = {
  'isa-serial': 'isa',
  'isa-debug': 'isa',
  'usb-serial': 'usb',
  'pci-serial': 'pci',
  'spapr-vio-serial': 'spapr-vio',
};

/** The target type a serial model belongs to (qemuValidateChrSerialTargetModelToTargetType). */
const MODEL_TARGET: Record<SerialTargetModel, SerialTargetType> = {
  'isa-serial': 'isa-serial',
  'usb-serial': 'usb-serial',
  'pci-serial': 'pci-serial',
  'spapr-vty': 'spapr-vio-serial',
  pl011: 'system-serial',
  '16550a': 'system-serial',
  sclpconsole: 'sclp-serial',
  sclplmconsole: 'sclp-serial',
  'isa-debugcon': 'isa-debug',
};

function validateSerialTarget(s: SerialDef): void {
  const type = s.target.type;
  const addr = s.info.address;
  if (type === 'system-serial' || type === 'sclp-serial') {
    if (addr !== undefined) throw unsupported('chr.target-address', `Target type '${type}' cannot have an associated address`);
  } else if (type !== undefined) {
    const expected = SERIAL_ADDRESS[type]!;
    if (addr !== undefined && addr.type !== expected) {
      throw unsupported('chr.target-address', `Target type '${type}' requires address type '${expected}'`);
    }
  }
  const model = s.target.model;
  if (model !== undefined && MODEL_TARGET[model] !== type) {
    throw unsupported('chr.target-model', `Target model '${model}' requires target type '${MODEL_TARGET[model]}'`);
  }
}

/**
 * Serial devices of other architectures. Every guest teamctl builds for is
 * x86 (not ARM virt, pSeries, s390, LoongArch or RISC-V).
 */
function validateSerialMachine(s: SerialDef): void {
  const { type, model } = s.target;
  const incompatible =
    (type === 'system-serial' && (model === 'pl011' || model === '16550a')) ||
    type === 'spapr-vio-serial' ||
    model === 'spapr-vty' ||
    type === 'sclp-serial' ||
    model === 'sclpconsole' ||
    model === 'sclplmconsole';
  if (incompatible) {
    throw unsupported(
      'chr.serial-machine',
      `Serial device with target type '${type ?? 'none'}' and target model '${model ?? 'none'}' not compatible with guest architecture or machine type`,
    );
  }
}

/** qemuValidateDomainChrDef. */
export function validateChrQemu(c: ChrDef, d: Domain, caps: Caps): void {
  validateChrSourceQemu(c.source, d, caps);
  if (c.deviceType === 'serial') {
    validateSerialTarget(c);
    validateSerialMachine(c);
  }
}

/** qemuValidateDomainDefConsole: the console types QEMU can have. */
export function validateConsolesQemu(d: Domain, caps: Caps): void {
  for (const c of d.devices.consoles) {
    const t = c.target.type ?? 'serial';
    switch (t) {
      case 'sclp':
        if (!caps.has('sclpconsole')) throw unsupported('chr.sclpconsole', 'sclpconsole is not supported in this QEMU binary');
        break;
      case 'sclplm':
        if (!caps.has('sclplmconsole')) throw unsupported('chr.sclplmconsole', 'sclplmconsole is not supported in this QEMU binary');
        break;
      case 'virtio':
      case 'serial':
        break;
      default:
        throw unsupported('chr.console-type', `unsupported console target type ${t}`);
    }
  }
}
