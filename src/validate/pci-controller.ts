/**
 * libvirt's qemuValidateDomainDeviceDefControllerPCI for x86: which options
 * each PCI controller model takes, which QEMU device it may be, and whether
 * this QEMU has that device. Checked in libvirt's order, with its messages.
 */
import type { Caps } from '../caps/caps.js';
import { internalError, unsupported } from '../errors.js';
import type { Controller } from '../model/devices.js';
import type { PciControllerModel } from '../postparse/pci/flags.js';
import { own } from '../util/own.js';

interface PciModelRule {
  /** The QEMU devices (<model name>) the model may use; empty: none allowed. */
  readonly names: readonly string[];
  readonly root: boolean;
  readonly busNr: boolean;
  readonly chassisNr: boolean;
  /** chassis= and port= */
  readonly chassisPort: boolean;
  /** The capability that allows hotplug='on|off', if the model takes it. */
  readonly hotplugCap?: string;
  readonly memReserve: boolean;
}

const RULES: Record<PciControllerModel, PciModelRule> = {
  'pci-root': { names: [], root: true, busNr: false, chassisNr: false, chassisPort: false, hotplugCap: 'piix4.acpi-root-pci-hotplug', memReserve: true },
  'pcie-root': { names: [], root: true, busNr: false, chassisNr: false, chassisPort: false, memReserve: false },
  'pci-bridge': { names: ['pci-bridge'], root: false, busNr: false, chassisNr: true, chassisPort: false, memReserve: true },
  'dmi-to-pci-bridge': { names: ['i82801b11-bridge'], root: false, busNr: false, chassisNr: false, chassisPort: false, memReserve: false },
  'pcie-root-port': {
    names: ['ioh3420', 'pcie-root-port'],
    root: false,
    busNr: false,
    chassisNr: false,
    chassisPort: true,
    hotplugCap: 'pcie-root-port.hotplug',
    memReserve: true,
  },
  'pcie-switch-upstream-port': { names: ['x3130-upstream'], root: false, busNr: false, chassisNr: false, chassisPort: false, memReserve: false },
  'pcie-switch-downstream-port': {
    names: ['xio3130-downstream'],
    root: false,
    busNr: false,
    chassisNr: false,
    chassisPort: true,
    hotplugCap: 'pcie-root-port.hotplug',
    memReserve: false,
  },
  'pci-expander-bus': { names: ['pxb'], root: false, busNr: true, chassisNr: false, chassisPort: false, memReserve: false },
  'pcie-expander-bus': { names: ['pxb-pcie'], root: false, busNr: true, chassisNr: false, chassisPort: false, memReserve: false },
  'pcie-to-pci-bridge': { names: ['pcie-pci-bridge'], root: false, busNr: false, chassisNr: false, chassisPort: false, memReserve: false },
};

/** The capability each QEMU PCI controller device needs (virValidateControllerPCIModelNameToQEMUCaps). */
const NAME_CAPS: Record<string, string> = {
  'pci-bridge': 'pci-bridge',
  'i82801b11-bridge': 'dmi-to-pci-bridge',
  ioh3420: 'ioh3420',
  'x3130-upstream': 'x3130-upstream',
  'xio3130-downstream': 'xio3130-downstream',
  pxb: 'pxb',
  'pxb-pcie': 'pxb-pcie',
  'pcie-root-port': 'pcie-root-port',
  'spapr-pci-host-bridge': 'spapr-pci-host-bridge',
  'pcie-pci-bridge': 'pcie-pci-bridge',
};

export function validatePciController(c: Controller, caps: Caps): void {
  const model = c.model as PciControllerModel;
  const rule = RULES[model];
  if (!rule) throw internalError('controller.pci-model', `Unexpected PCI controller model ${c.model ?? 'default'}`);
  const modelName = c.modelName ?? 'none';
  const ctx = `for PCI controller with index '${c.index}', model '${model}' and modelName '${modelName}'`;
  const invalid = (option: string) => unsupported('controller.pci-option', `Option '${option}' is not valid ${ctx}`);
  const missing = (option: string) => internalError('controller.pci-option', `Required option '${option}' is not set ${ctx}`);
  const t = c.target ?? {};

  if (rule.names.length > 0 && c.modelName === undefined) throw missing('modelName');
  if (rule.names.length === 0 && c.modelName !== undefined) throw invalid('modelName');
  if (c.modelName !== undefined && !rule.names.includes(c.modelName)) {
    throw unsupported('controller.pci-option', `Option 'modelName' has invalid value ${ctx}`);
  }
  if (rule.root && c.index !== 0) throw unsupported('controller.pci-index', `Index for '${model}' controllers must be 0`);
  if (!rule.root && c.index === 0) throw unsupported('controller.pci-index', `Index for '${model}' controllers must be > 0`);
  if (t.index !== undefined) throw invalid('targetIndex');
  if (rule.busNr && t.busNr === undefined) throw missing('busNr');
  if (!rule.busNr && t.busNr !== undefined) throw invalid('busNr');
  if (rule.chassisNr && t.chassisNr === undefined) throw missing('chassisNr');
  if (!rule.chassisNr && t.chassisNr !== undefined) throw invalid('chassisNr');
  if (rule.chassisPort) {
    if (t.chassis === undefined) throw missing('chassis');
    if (t.port === undefined) throw missing('port');
  } else {
    if (t.chassis !== undefined) throw invalid('chassis');
    if (t.port !== undefined) throw invalid('port');
  }
  if (t.hotplug !== undefined) {
    if (rule.hotplugCap === undefined) throw invalid('hotplug');
    if (!caps.has(rule.hotplugCap)) {
      const device = model === 'pci-root' ? 'pci-root' : modelName;
      throw unsupported('controller.pci-hotplug', `setting the 'hotplug' property on a '${device}' device is not supported by this QEMU binary`);
    }
  }
  if (!rule.memReserve && t.memReserve !== undefined) throw invalid('memReserve');
  if (model === 'pci-root' && t.memReserve !== undefined) {
    // Only the pSeries host bridge takes mem-reserve on pci-root; x86's pci-root is not on the command line.
    throw unsupported('controller.pci-mem-reserve', `memReserve on an x86 pci-root controller is not supported by teamctl`);
  }
  if (c.modelName !== undefined) {
    const cap = own(NAME_CAPS, c.modelName);
    if (cap === undefined) throw internalError('controller.pci-device', `Unknown QEMU device for '${c.modelName}' controller`);
    if (!caps.has(cap)) throw unsupported('controller.pci-device', `The '${c.modelName}' device is not supported by this QEMU binary`);
  }
}
