import { PciAddressSet } from '../src/postparse/pci/address-set.js';
import { CONNECT } from '../src/postparse/pci/flags.js';

const PCI = CONNECT.PCI_DEVICE | CONNECT.AUTOASSIGN;
const PCIE = CONNECT.PCIE_DEVICE | CONNECT.AUTOASSIGN;

describe('PCI address set', () => {
  it('hands out slots on pci-root from slot 1 up', () => {
    const set = new PciAddressSet(1, false);
    set.setBusModel(0, 'pci-root', true);
    set.reserve({ bus: 0, slot: 1, function: 0 }, PCI, true);
    expect(set.reserveNext(PCI)).toEqual({ bus: 0, slot: 2, function: 0 });
    expect(set.reserveNext(PCI)).toEqual({ bus: 0, slot: 3, function: 0 });
  });

  it('adds a pcie-root-port per PCIe device in a dry run on q35', () => {
    const set = new PciAddressSet(1, true);
    set.setBusModel(0, 'pcie-root', false);
    expect(set.reserveNext(PCIE)).toEqual({ bus: 1, slot: 0, function: 0 });
    expect(set.reserveNext(PCIE)).toEqual({ bus: 2, slot: 0, function: 0 });
    expect(set.buses.map((b) => b.model)).toEqual(['pcie-root', 'pcie-root-port', 'pcie-root-port']);
  });

  it('packs root ports into the functions of one slot', () => {
    const set = new PciAddressSet(1, false);
    set.setBusModel(0, 'pcie-root', false);
    const port = CONNECT.PCIE_ROOT_PORT | CONNECT.AGGREGATE_SLOT;
    expect(set.reserveNext(port)).toEqual({ bus: 0, slot: 1, function: 0 });
    expect(set.reserveNext(port)).toEqual({ bus: 0, slot: 1, function: 1 });
  });

  it('bridges a legacy PCI device on q35 through pcie-root-port + pcie-to-pci-bridge', () => {
    const set = new PciAddressSet(1, true);
    set.isPCIeToPCIBridgeSupported = true;
    set.setBusModel(0, 'pcie-root', false);
    expect(set.reserveNext(PCI)).toEqual({ bus: 2, slot: 1, function: 0 });
    expect(set.buses.map((b) => b.model)).toEqual(['pcie-root', 'pcie-root-port', 'pcie-to-pci-bridge']);
  });

  it('rejects a double use with libvirt’s message', () => {
    const set = new PciAddressSet(1, false);
    set.setBusModel(0, 'pci-root', true);
    set.reserve({ bus: 0, slot: 3, function: 0 }, PCI, true);
    expect(() => set.reserve({ bus: 0, slot: 3, function: 0 }, PCI, true)).toThrow('Attempted double use of PCI Address 0000:00:03.0');
  });

  it('refuses devices on pcie.0 that need auto-assignment', () => {
    const set = new PciAddressSet(1, false);
    set.setBusModel(0, 'pcie-root', false);
    expect(() => set.reserveNext(PCIE)).toThrow('No more available PCI slots');
  });
});
