/** Small device elements: controller, memballoon. */
import { unsupported, xmlError } from '../../errors.js';
import type { Controller, ControllerType, Memballoon } from '../../model/devices.js';
import { parseDeviceInfo, type ParseContext } from '../common.js';
import type { El } from '../xml.js';
import { own } from '../../util/own.js';

const CONTROLLER_TYPES = ['ide', 'fdc', 'scsi', 'sata', 'virtio-serial', 'ccid', 'usb', 'pci', 'xenbus', 'isa'] as const satisfies readonly ControllerType[];

/** libvirt's model names per controller type (virDomainControllerModelTypeFromString). */
const CONTROLLER_MODELS: Partial<Record<ControllerType, readonly string[]>> = {
  scsi: ['auto', 'buslogic', 'lsilogic', 'lsisas1068', 'vmpvscsi', 'ibmvscsi', 'virtio-scsi', 'lsisas1078', 'virtio-transitional', 'virtio-non-transitional', 'ncr53c90', 'dc390', 'am53c974'],
  usb: ['piix3-uhci', 'piix4-uhci', 'ehci', 'ich9-ehci1', 'ich9-uhci1', 'ich9-uhci2', 'ich9-uhci3', 'vt82c686b-uhci', 'pci-ohci', 'nec-xhci', 'qusb1', 'qusb2', 'qemu-xhci', 'none'],
  pci: ['pci-root', 'pcie-root', 'pci-bridge', 'dmi-to-pci-bridge', 'pcie-to-pci-bridge', 'pcie-root-port', 'pcie-switch-upstream-port', 'pcie-switch-downstream-port', 'pci-expander-bus', 'pcie-expander-bus'],
  ide: ['piix3', 'piix4', 'ich6'],
  'virtio-serial': ['virtio', 'virtio-transitional', 'virtio-non-transitional'],
  isa: [],
};

/** libvirt's virDomainControllerPCIModelName values. */
const PCI_MODEL_NAMES = ['none', 'pci-bridge', 'i82801b11-bridge', 'ioh3420', 'x3130-upstream', 'xio3130-downstream', 'pxb', 'pxb-pcie', 'pcie-root-port', 'spapr-pci-host-bridge', 'pcie-pci-bridge'] as const;

/** The companion UHCI controllers of ich9-ehci1 and the first port each one serves. */
const USB_COMPANION_PORT: Record<string, number> = { 'ich9-uhci1': 0, 'ich9-uhci2': 2, 'ich9-uhci3': 4 };

export function parseController(el: El, ctx: ParseContext): Controller {
  const type = el.enumAttr('type', CONTROLLER_TYPES) ?? 'ide';
  const model = el.attr('model');
  if (model !== undefined && !(CONTROLLER_MODELS[type] ?? []).includes(model)) {
    throw unsupported('xml.controller-model', `Unknown model type '${model}'`);
  }
  const indexRaw = el.attr('index');
  let index = -1;
  if (indexRaw !== undefined) {
    if (/^-[0-9]+$/.test(indexRaw.trim())) {
      throw xmlError('xml.controller-index', `Invalid value for attribute 'index' in element 'controller': '${indexRaw}'. Expected non-negative value`);
    }
    if (!/^\+?[0-9]+$/.test(indexRaw.trim()) || Number(indexRaw) > 0x7fffffff) {
      throw xmlError('xml.controller-index', `Invalid value for attribute 'index' in element 'controller': '${indexRaw}'. Expected integer value`);
    }
    index = Number(indexRaw);
  }
  const driver = parseControllerDriver(el.child('driver'));
  const c: Controller = { type, index, info: {}, ...(model !== undefined ? { model } : {}) };
  if (driver !== undefined) c.driver = driver;
  if (type === 'pci') parsePciControllerOptions(el, c);
  const masterEl = el.child('master');
  if (masterEl) {
    c.master = { startport: masterEl.uintAttr('startport') ?? 0 };
    masterEl.finish();
  }
  if (type === 'usb' && model === 'none') {
    // libvirt does not read the device info (address, alias) of a model='none' USB controller.
    if (el.child('address')) ctx.warnings.push(`the address of <controller type='usb' model='none'> is ignored, as libvirt ignores it`);
    el.child('alias');
  } else {
    c.info = parseDeviceInfo(el, ctx);
  }
  const ports = el.uintAttr('ports');
  const vectors = type === 'virtio-serial' ? el.uintAttr('vectors') : undefined;
  if (ports !== undefined) {
    if (type === 'usb' || type === 'virtio-serial') c.ports = ports;
    else ctx.warnings.push(`attribute 'ports' of <controller type='${type}'> is ignored, as libvirt ignores it`);
  }
  if (vectors !== undefined) c.vectors = vectors;
  if (type === 'usb' && c.master === undefined && model !== undefined && own(USB_COMPANION_PORT, model) !== undefined) {
    c.master = { startport: own(USB_COMPANION_PORT, model)! };
  }
  el.finish();
  return c;
}

function parseControllerDriver(el: El | undefined): Controller['driver'] {
  if (!el) return undefined;
  const queues = el.uintAttr('queues');
  const cmdPerLun = el.uintAttr('cmd_per_lun');
  const maxSectors = el.uintAttr('max_sectors');
  const ioeventfd = el.onOffAttr('ioeventfd');
  el.finish();
  return {
    ...(queues !== undefined ? { queues } : {}),
    ...(cmdPerLun !== undefined ? { cmd_per_lun: cmdPerLun } : {}),
    ...(maxSectors !== undefined ? { max_sectors: maxSectors } : {}),
    ...(ioeventfd !== undefined ? { ioeventfd } : {}),
  };
}

function parsePciControllerOptions(el: El, c: Controller): void {
  const modelEl = el.child('model');
  if (modelEl) {
    const name = modelEl.enumAttr('name', PCI_MODEL_NAMES);
    // 'none' is libvirt's spelling of "not set".
    if (name !== undefined && name !== 'none') c.modelName = name;
    modelEl.finish();
  }
  const t = el.child('target');
  if (!t) return;
  const chassisNr = t.uintAttr('chassisNr');
  const chassis = t.uintAttr('chassis');
  const port = t.uintAnyBaseAttr('port');
  const busNr = t.uintAttr('busNr');
  const idx = t.uintAttr('index');
  const hotplug = t.onOffAttr('hotplug');
  const memReserve = t.uintAnyBaseAttr('memReserve', { nonZero: true, max: Number.MAX_SAFE_INTEGER });
  t.finish();
  c.target = {
    ...(chassisNr !== undefined ? { chassisNr } : {}),
    ...(chassis !== undefined ? { chassis } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(busNr !== undefined ? { busNr } : {}),
    ...(idx !== undefined ? { index: idx } : {}),
    ...(hotplug !== undefined ? { hotplug } : {}),
    ...(memReserve !== undefined ? { memReserve } : {}),
  };
}

export function parseMemballoon(el: El, ctx: ParseContext): Memballoon {
  const model = el.requiredEnumAttr('model', ['virtio', 'xen', 'none', 'virtio-transitional', 'virtio-non-transitional'] as const);
  const autodeflate = el.onOffAttr('autodeflate');
  const freePageReporting = el.onOffAttr('freePageReporting');
  const stats = el.child('stats');
  const period = stats?.uintAttr('period');
  stats?.finish();
  const m: Memballoon = { model, info: parseDeviceInfo(el, ctx) };
  if (autodeflate !== undefined) m.autodeflate = autodeflate;
  if (freePageReporting !== undefined) m.freePageReporting = freePageReporting;
  if (period !== undefined) m.period = period;
  el.finish();
  return m;
}
