/** USB port assignment: libvirt's hub tree, first-free-port search and automatic hubs. */
import type { DeviceInfo } from '../src/model/address.js';
import type { Controller } from '../src/model/devices.js';
import { defineDomain } from '../src/pipeline.js';
import { prepareStart } from '../src/postparse/index.js';
import { UsbAddressSet, usbControllerPorts } from '../src/postparse/usb/address-set.js';
import { isTeamctlError } from '../src/errors.js';

function controller(model: string | undefined, index = 0, ports?: number): Controller {
  return { type: 'usb', index, info: {}, ...(model !== undefined ? { model } : {}), ...(ports !== undefined ? { ports } : {}) };
}

function at(bus: number, port?: string): DeviceInfo {
  return { address: port !== undefined ? { type: 'usb', bus, port } : { type: 'usb', bus } };
}

function portOf(info: DeviceInfo): string | undefined {
  return info.address?.type === 'usb' ? `${info.address.bus}:${info.address.port}` : undefined;
}

function errorText(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    if (isTeamctlError(e)) return e.text;
    throw e;
  }
  throw new Error('expected an error');
}

describe('usbControllerPorts', () => {
  it('follows the controller model', () => {
    expect(usbControllerPorts(controller(undefined))).toBe(2);
    expect(usbControllerPorts(controller('piix3-uhci'))).toBe(2);
    expect(usbControllerPorts(controller('ich9-ehci1'))).toBe(6);
    expect(usbControllerPorts(controller('ich9-uhci2'))).toBe(0);
    expect(usbControllerPorts(controller('pci-ohci'))).toBe(3);
    expect(usbControllerPorts(controller('qemu-xhci'))).toBe(4);
    expect(usbControllerPorts(controller('qemu-xhci', 0, 8))).toBe(8);
    expect(usbControllerPorts(controller('none'))).toBe(0);
  });
});

describe('UsbAddressSet', () => {
  it('gives the first free port of the first bus, then descends into hubs', () => {
    const set = new UsbAddressSet();
    set.addController(controller('piix3-uhci'));
    const hub = at(0, '2');
    set.addHub(hub);
    const a: DeviceInfo = {};
    const b: DeviceInfo = {};
    const c: DeviceInfo = {};
    set.assign(a);
    set.assign(b);
    set.assign(c);
    expect([portOf(a), portOf(b), portOf(c)]).toEqual(['0:1', '0:2.1', '0:2.2']);
  });

  it('keeps a requested bus and falls back to no other bus', () => {
    const set = new UsbAddressSet();
    set.addController(controller('piix3-uhci', 0));
    set.addController(controller('qemu-xhci', 1));
    const info = at(1);
    set.assign(info);
    expect(portOf(info)).toBe('1:1');
    expect(errorText(() => set.assign(at(2)))).toBe('XML error: USB bus 2 requested but no controller with that index is present');
  });

  it("reports libvirt's errors for taken, missing and out-of-range ports", () => {
    const set = new UsbAddressSet();
    set.addController(controller('piix3-uhci'));
    set.addHub(at(0, '1'));
    set.reserve(at(0, '1.3'));
    expect(errorText(() => set.reserve(at(0, '1.3')))).toBe('XML error: Duplicate USB address bus 0 port 1.3');
    expect(errorText(() => set.reserve(at(0, '1.9')))).toBe('XML error: requested USB port 1.9 not present on USB bus 0');
    expect(errorText(() => set.reserve(at(0, '2.1')))).toBe('XML error: there is no hub at port 2 in USB address bus: 0 port: 2.1');
    expect(errorText(() => set.reserve(at(0, '3.1')))).toBe('XML error: port 3 out of range in USB address bus: 0 port: 3.1');
    expect(errorText(() => set.addHub(at(0, '1')))).toBe('XML error: Duplicate USB hub on bus 0 port 1');
  });

  it('runs out of ports', () => {
    const set = new UsbAddressSet();
    set.addController(controller('piix3-uhci'));
    set.assign({});
    set.assign({});
    expect(errorText(() => set.assign({}))).toBe('internal error: No free USB ports');
  });
});

function startedPorts(devicesXml: string, machine = 'pc'): string[] {
  const xml = `<domain type='kvm'><name>t</name><memory unit='MiB'>256</memory>
    <os><type arch='x86_64' machine='${machine}'>hvm</type></os><devices>${devicesXml}</devices></domain>`;
  const { domain } = defineDomain(xml);
  const { domain: d } = prepareStart(domain);
  const ports = (list: Array<{ info: DeviceInfo }>, name: string) => list.map((x) => `${name}=${portOf(x.info) ?? '-'}`);
  return [...ports(d.devices.hubs, 'hub'), ...ports(d.devices.inputs.filter((i) => i.bus === 'usb'), 'input')];
}

describe('assignUsbAddresses', () => {
  it('adds one hub when the controller has too few ports, and gives it a port first', () => {
    const inputs = "<input type='mouse' bus='usb'/>".repeat(3) + "<input type='tablet' bus='usb'/>";
    expect(startedPorts(inputs)).toEqual(['hub=0:1', 'input=0:2', 'input=0:1.1', 'input=0:1.2', 'input=0:1.3']);
  });

  it('adds as many hubs as the devices need, each hub costing a port', () => {
    const inputs = "<input type='tablet' bus='usb'/>".repeat(16);
    const ports = startedPorts(inputs);
    expect(ports.filter((p) => p.startsWith('hub'))).toEqual(['hub=0:1', 'hub=0:2', 'hub=0:1.1']);
    expect(ports.at(-1)).toBe('input=0:2.1');
  });

  it('reserves written ports before assigning the others', () => {
    const inputs = "<input type='mouse' bus='usb'/><input type='tablet' bus='usb'><address type='usb' bus='0' port='1'/></input>";
    expect(startedPorts(inputs)).toEqual(['input=0:2', 'input=0:1']);
  });

  it('uses the four ports of qemu-xhci on q35', () => {
    const inputs = "<input type='tablet' bus='usb'/>".repeat(4);
    expect(startedPorts(inputs, 'q35')).toEqual(['input=0:1', 'input=0:2', 'input=0:3', 'input=0:4']);
  });

  it('refuses USB devices when USB is disabled', () => {
    const xml = "<controller type='usb' model='none'/><input type='tablet' bus='usb'/>";
    expect(errorText(() => startedPorts(xml))).toBe("unsupported configuration: Can't add USB input device. USB bus is disabled");
  });
});
