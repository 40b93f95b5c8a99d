/** virtio-serial port addresses, as libvirt's virDomainVirtioSerialAddrSet hands them out. */
import type { DeviceInfo } from '../src/model/address.js';
import { emptyDevices, type Domain } from '../src/model/domain.js';
import { DEFAULT_VIRTIO_SERIAL_PORTS, VirtioSerialAddressSet, assignVirtioSerialAddresses } from '../src/postparse/virtio-serial.js';

function domain(devices: Partial<Domain['devices']>): Domain {
  return {
    type: 'qemu',
    name: 'vs',
    memory: 1024,
    vcpu: { count: 1 },
    os: { type: 'hvm', boot: [] },
    features: {},
    clock: { offset: 'utc', timers: [] },
    pm: {},
    devices: { ...emptyDevices(), ...devices },
  };
}

describe('VirtioSerialAddressSet', () => {
  it('gives channels ports from 1 and consoles port 0', () => {
    const set = new VirtioSerialAddressSet();
    set.addController({ type: 'virtio-serial', index: 0 });
    const d = domain({});
    expect(set.next(d, false)).toEqual({ type: 'virtio-serial', controller: 0, bus: 0, port: 1 });
    expect(set.next(d, true)).toEqual({ type: 'virtio-serial', controller: 0, bus: 0, port: 0 });
  });

  it('keeps controllers in index order and fills them in that order', () => {
    const set = new VirtioSerialAddressSet();
    set.addController({ type: 'virtio-serial', index: 2, ports: 2 });
    set.addController({ type: 'virtio-serial', index: 0, ports: 2 });
    set.reserve({ type: 'virtio-serial', controller: 0, bus: 0, port: 1 });
    expect(set.next(undefined, false).controller).toBe(2);
  });

  it('adds a controller to the domain when every port is taken', () => {
    const d = domain({ controllers: [{ type: 'virtio-serial', index: 0, ports: 2, info: {} }] });
    const set = VirtioSerialAddressSet.fromDomain(d);
    expect(set.next(d, false).port).toBe(1);
    set.reserve({ type: 'virtio-serial', controller: 0, bus: 0, port: 1 });
    expect(set.next(d, false)).toEqual({ type: 'virtio-serial', controller: 1, bus: 0, port: 1 });
    expect(d.devices.controllers.map((c) => `${c.type}${c.index}`)).toEqual(['virtio-serial0', 'virtio-serial1']);
  });

  it('reports ports a controller does not have and ports in use, as libvirt does', () => {
    const set = new VirtioSerialAddressSet();
    set.addController({ type: 'virtio-serial', index: 0, ports: 4 });
    expect(() => set.reserve({ type: 'virtio-serial', controller: 0, bus: 0, port: 4 })).toThrow(
      'virtio serial controller 0 does not have port 4',
    );
    expect(() => set.reserve({ type: 'virtio-serial', controller: 3, bus: 0, port: 1 })).toThrow('virtio serial controller 3 is missing');
    set.reserve({ type: 'virtio-serial', controller: 0, bus: 0, port: 2 });
    expect(() => set.reserve({ type: 'virtio-serial', controller: 0, bus: 0, port: 2 })).toThrow(
      'virtio serial port 2 on controller 0 is already occupied',
    );
  });

  it('has 31 ports per controller unless told otherwise', () => {
    expect(DEFAULT_VIRTIO_SERIAL_PORTS).toBe(31);
    const set = new VirtioSerialAddressSet();
    set.addController({ type: 'virtio-serial', index: 0 });
    expect(() => set.reserve({ type: 'virtio-serial', controller: 0, bus: 0, port: 31 })).toThrow('does not have port 31');
  });
});

describe('assignVirtioSerialAddresses', () => {
  const channel = (name: string, info: DeviceInfo = {}) =>
    ({ deviceType: 'channel', source: { type: 'pty' }, target: { type: 'virtio', name }, info }) as const;

  it('reserves given ports first, then numbers the other channels around them', () => {
    const fixed = channel('fixed', { address: { type: 'virtio-serial', controller: 0, bus: 0, port: 1 } });
    const free = channel('free');
    const d = domain({ controllers: [{ type: 'virtio-serial', index: 0, info: {} }], channels: [free, fixed] });
    assignVirtioSerialAddresses(d);
    expect(free.info.address).toEqual({ type: 'virtio-serial', controller: 0, bus: 0, port: 2 });
  });

  it('keeps the controller a channel names and picks its port', () => {
    const onOne = channel('one', { address: { type: 'virtio-serial', controller: 1, bus: 0, port: 0 } });
    const d = domain({
      controllers: [
        { type: 'virtio-serial', index: 0, info: {} },
        { type: 'virtio-serial', index: 1, info: {} },
      ],
      channels: [onOne],
    });
    assignVirtioSerialAddresses(d);
    expect(onOne.info.address).toEqual({ type: 'virtio-serial', controller: 1, bus: 0, port: 1 });
  });

  it('takes a port for a virtio console without giving it an address', () => {
    const console = { deviceType: 'console', source: { type: 'pty' }, target: { type: 'virtio', port: 1 }, info: {} } as const;
    const ch = channel('after-console');
    const d = domain({ controllers: [{ type: 'virtio-serial', index: 0, info: {} }], consoles: [console], channels: [ch] });
    assignVirtioSerialAddresses(d);
    expect(console.info).toEqual({});
    expect(ch.info.address).toEqual({ type: 'virtio-serial', controller: 0, bus: 0, port: 1 });
  });
});
