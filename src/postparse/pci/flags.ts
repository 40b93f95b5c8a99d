/**
 * PCI connection flags: what kind of slot a device needs and what a bus
 * offers (libvirt's virDomainPCIConnectFlags), plus the bus properties of
 * each PCI controller model.
 */

export const CONNECT = {
  AUTOASSIGN: 1 << 0,
  HOTPLUGGABLE: 1 << 1,
  INTEGRATED: 1 << 2,
  AGGREGATE_SLOT: 1 << 3,
  PCI_DEVICE: 1 << 4,
  PCIE_DEVICE: 1 << 5,
  PCIE_ROOT_PORT: 1 << 6,
  PCIE_SWITCH_UPSTREAM_PORT: 1 << 7,
  PCIE_SWITCH_DOWNSTREAM_PORT: 1 << 8,
  DMI_TO_PCI_BRIDGE: 1 << 9,
  PCI_EXPANDER_BUS: 1 << 10,
  PCIE_EXPANDER_BUS: 1 << 11,
  PCI_BRIDGE: 1 << 12,
  PCIE_TO_PCI_BRIDGE: 1 << 13,
} as const;

export const CONNECT_TYPES_MASK =
  CONNECT.PCI_DEVICE |
  CONNECT.PCIE_DEVICE |
  CONNECT.PCIE_SWITCH_UPSTREAM_PORT |
  CONNECT.PCIE_SWITCH_DOWNSTREAM_PORT |
  CONNECT.PCIE_ROOT_PORT |
  CONNECT.DMI_TO_PCI_BRIDGE |
  CONNECT.PCI_EXPANDER_BUS |
  CONNECT.PCIE_EXPANDER_BUS |
  CONNECT.PCI_BRIDGE |
  CONNECT.PCIE_TO_PCI_BRIDGE;

export const CONNECT_TYPES_ENDPOINT = CONNECT.PCI_DEVICE | CONNECT.PCIE_DEVICE;

export const PCI_SLOT_LAST = 31;
export const PCI_FUNCTION_LAST = 7;

export const PCI_CONTROLLER_MODELS = [
  'pci-root',
  'pcie-root',
  'pci-bridge',
  'dmi-to-pci-bridge',
  'pcie-root-port',
  'pcie-switch-upstream-port',
  'pcie-switch-downstream-port',
  'pci-expander-bus',
  'pcie-expander-bus',
  'pcie-to-pci-bridge',
] as const;
export type PciControllerModel = (typeof PCI_CONTROLLER_MODELS)[number];

/** The slot a PCI controller itself needs (virDomainPCIControllerModelToConnectType). */
export function controllerConnectType(model: PciControllerModel): number {
  switch (model) {
    case 'pci-root':
    case 'pcie-root':
      return 0;
    case 'pci-bridge':
      return CONNECT.PCI_BRIDGE;
    case 'pci-expander-bus':
      return CONNECT.PCI_EXPANDER_BUS;
    case 'pcie-expander-bus':
      return CONNECT.PCIE_EXPANDER_BUS;
    case 'dmi-to-pci-bridge':
      return CONNECT.DMI_TO_PCI_BRIDGE;
    case 'pcie-to-pci-bridge':
      return CONNECT.PCIE_TO_PCI_BRIDGE;
    case 'pcie-root-port':
      return CONNECT.PCIE_ROOT_PORT | CONNECT.AGGREGATE_SLOT;
    case 'pcie-switch-upstream-port':
      return CONNECT.PCIE_SWITCH_UPSTREAM_PORT;
    case 'pcie-switch-downstream-port':
      return CONNECT.PCIE_SWITCH_DOWNSTREAM_PORT;
  }
}

export interface BusShape {
  flags: number;
  minSlot: number;
  maxSlot: number;
}

/** What a bus of this controller model accepts (virDomainPCIAddressBusSetModel). */
export function busShape(model: PciControllerModel, allowHotplug: boolean): BusShape {
  const hp = allowHotplug ? CONNECT.HOTPLUGGABLE : 0;
  switch (model) {
    case 'pci-root':
      return {
        flags: CONNECT.AUTOASSIGN | CONNECT.PCI_DEVICE | CONNECT.PCI_BRIDGE | CONNECT.PCI_EXPANDER_BUS | hp,
        minSlot: 1,
        maxSlot: PCI_SLOT_LAST,
      };
    case 'pci-bridge':
      return { flags: CONNECT.AUTOASSIGN | CONNECT.PCI_DEVICE | CONNECT.PCI_BRIDGE | hp, minSlot: 1, maxSlot: PCI_SLOT_LAST };
    case 'pci-expander-bus':
      return { flags: CONNECT.AUTOASSIGN | CONNECT.PCI_DEVICE | CONNECT.PCI_BRIDGE | hp, minSlot: 0, maxSlot: PCI_SLOT_LAST };
    case 'pcie-root':
      return {
        flags: CONNECT.PCIE_DEVICE | CONNECT.PCIE_ROOT_PORT | CONNECT.DMI_TO_PCI_BRIDGE | CONNECT.PCIE_EXPANDER_BUS,
        minSlot: 1,
        maxSlot: PCI_SLOT_LAST,
      };
    case 'dmi-to-pci-bridge':
      return { flags: CONNECT.PCI_DEVICE | CONNECT.PCI_BRIDGE, minSlot: 0, maxSlot: PCI_SLOT_LAST };
    case 'pcie-to-pci-bridge':
      return { flags: CONNECT.AUTOASSIGN | CONNECT.PCI_DEVICE | CONNECT.PCI_BRIDGE | hp, minSlot: 1, maxSlot: PCI_SLOT_LAST };
    case 'pcie-root-port':
    case 'pcie-switch-downstream-port':
      return {
        flags: CONNECT.AUTOASSIGN | CONNECT.PCIE_DEVICE | CONNECT.PCIE_SWITCH_UPSTREAM_PORT | CONNECT.PCIE_TO_PCI_BRIDGE | hp,
        minSlot: 0,
        maxSlot: 0,
      };
    case 'pcie-switch-upstream-port':
      return { flags: CONNECT.PCIE_SWITCH_DOWNSTREAM_PORT, minSlot: 0, maxSlot: PCI_SLOT_LAST };
    case 'pcie-expander-bus':
      return { flags: CONNECT.PCIE_ROOT_PORT | CONNECT.DMI_TO_PCI_BRIDGE, minSlot: 0, maxSlot: PCI_SLOT_LAST };
  }
}

/** Human wording of a device's connection type, for libvirt's messages. */
export function connectTypeWording(devFlags: number): string | undefined {
  if (devFlags & CONNECT.PCI_DEVICE) return 'standard PCI device';
  if (devFlags & CONNECT.PCIE_DEVICE) return 'PCI Express device';
  if (devFlags & CONNECT.PCIE_ROOT_PORT) return 'pcie-root-port';
  if (devFlags & CONNECT.PCIE_SWITCH_UPSTREAM_PORT) return 'pcie-switch-upstream-port';
  if (devFlags & CONNECT.PCIE_SWITCH_DOWNSTREAM_PORT) return 'pcie-switch-downstream-port';
  if (devFlags & CONNECT.DMI_TO_PCI_BRIDGE) return 'dmi-to-pci-bridge';
  if (devFlags & CONNECT.PCIE_TO_PCI_BRIDGE) return 'pcie-to-pci-bridge';
  if (devFlags & CONNECT.PCI_EXPANDER_BUS) return 'pci-expander-bus';
  if (devFlags & CONNECT.PCIE_EXPANDER_BUS) return 'pcie-expander-bus';
  if (devFlags & CONNECT.PCI_BRIDGE) return 'pci-bridge';
  return undefined;
}

/** virDomainPCIControllerConnectTypeToModel: the controller model a connect type stands for, if any. */
export function controllerModelOfConnectType(flags: number): PciControllerModel | undefined {
  if (flags & CONNECT.PCIE_ROOT_PORT) return 'pcie-root-port';
  if (flags & CONNECT.PCIE_SWITCH_UPSTREAM_PORT) return 'pcie-switch-upstream-port';
  if (flags & CONNECT.PCIE_SWITCH_DOWNSTREAM_PORT) return 'pcie-switch-downstream-port';
  if (flags & CONNECT.DMI_TO_PCI_BRIDGE) return 'dmi-to-pci-bridge';
  if (flags & CONNECT.PCI_EXPANDER_BUS) return 'pci-expander-bus';
  if (flags & CONNECT.PCIE_EXPANDER_BUS) return 'pcie-expander-bus';
  if (flags & CONNECT.PCI_BRIDGE) return 'pci-bridge';
  return undefined;
}
