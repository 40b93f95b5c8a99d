import { PciAddressSet } from '../src/postparse/pci/address-set.js';
import { CONNECT } from '../src/postparse/pci/flags.js';

const PCI = CONNECT.PCI_DEVICE | CONNECT.AUTOASSIGN;
const PCIE = CONNECT.PCIE_DEVICE | CONNECT.AUTOASSIGN;

function pcSet(): PciAddressSet {
  const set = new PciAddressSet(1, true);
  set.setBusModel(0, 'pci-root', true);
  return set;
}

function q35Set(pcieToPciBridge: boolean): PciAddressSet {
  const set = new PciAddressSet(1, true);
  set.isPCIeToPCIBridgeSupported = pcieToPciBridge;
  set.setBusModel(0, 'pcie-root', true);
  return set;
}

describe('PCI bus growth (virDomainPCIAddressSetGrow)', () => {
  it('fills pci-root slots 1..31, then adds a pci-bridge', () => {
    const set = pcSet();
    for (let slot = 1; slot <= 31; slot++) expect(set.reserveNext(PCI)).toEqual({ bus: 0, slot, function: 0 });
    expect(set.reserveNext(PCI)).toEqual({ bus: 1, slot: 1, function: 0 });
    expect(set.buses.map((b) => b.model)).toEqual(['pci-root', 'pci-bridge']);
  });

  it('gives a PCI Express device on q35 a new pcie-root-port', () => {
    const set = q35Set(true);
    expect(set.reserveNext(PCIE)).toEqual({ bus: 1, slot: 0, function: 0 });
    expect(set.buses.map((b) => b.model)).toEqual(['pcie-root', 'pcie-root-port']);
  });

  it('reaches a legacy PCI device on q35 through pcie-root-port + pcie-to-pci-bridge', () => {
    const set = q35Set(true);
    expect(set.reserveNext(PCI)).toEqual({ bus: 2, slot: 1, function: 0 });
    expect(set.buses.map((b) => b.model)).toEqual(['pcie-root', 'pcie-root-port', 'pcie-to-pci-bridge']);
    // The second legacy device shares the bridge.
    expect(set.reserveNext(PCI)).toEqual({ bus: 2, slot: 2, function: 0 });
    // A PCIe device does not fit the bridge's root port and gets its own.
    expect(set.reserveNext(PCIE)).toEqual({ bus: 3, slot: 0, function: 0 });
  });

  it('falls back to dmi-to-pci-bridge + pci-bridge without pcie-pci-bridge', () => {
    const set = q35Set(false);
    expect(set.reserveNext(PCI)).toEqual({ bus: 2, slot: 1, function: 0 });
    expect(set.buses.map((b) => b.model)).toEqual(['pcie-root', 'dmi-to-pci-bridge', 'pci-bridge']);
  });

  it('cannot add a bus for a controller that needs pcie-root', () => {
    const set = q35Set(true);
    for (let slot = 1; slot <= 31; slot++) set.reserve({ bus: 0, slot, function: 0 }, CONNECT.PCIE_DEVICE, true);
    expect(() => set.reserveNext(CONNECT.PCIE_ROOT_PORT | CONNECT.AGGREGATE_SLOT)).toThrow(
      "a PCI slot is needed to connect a PCI controller model='pcie-root-port', but none is available, and it cannot be automatically added",
    );
  });

  it('refuses to grow outside a dry run', () => {
    const set = new PciAddressSet(0, false);
    expect(() => set.reserveNext(PCI)).toThrow('No PCI buses available');
  });

  it("prints all connect flags in the refusal, as libvirt's %.2x does (not only the low byte)", () => {
    const set = q35Set(true);
    expect(() => set.reserveNext(CONNECT.PCIE_TO_PCI_BRIDGE)).toThrow('Cannot automatically add a new PCI bus for a device with connect flags 2000');
  });
});
