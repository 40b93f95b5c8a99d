/** Character device defaults at define time: ports, target types and libvirt's console/serial compatibility. */
import { defineDomain } from '../src/pipeline.js';

function define(devices: string, machine = 'pc') {
  const xml = `<domain type='qemu'><name>c</name><uuid>0f0e0d0c-0b0a-4908-8706-050403020100</uuid><memory>65536</memory>
    <os><type arch='x86_64' machine='${machine}'>hvm</type></os><devices>${devices}<memballoon model='none'/></devices></domain>`;
  return defineDomain(xml).domain;
}

describe('console compatibility', () => {
  it('turns a lone console into serial0 and leaves a serial console behind', () => {
    const d = define(`<console type='pty'/>`);
    expect(d.devices.serials).toHaveLength(1);
    expect(d.devices.serials[0]!.target).toEqual({ type: 'isa-serial', model: 'isa-serial', port: 0 });
    expect(d.devices.consoles.map((c) => c.target)).toEqual([{ type: 'serial', port: 0 }]);
  });

  it('adds a console for serial0', () => {
    const d = define(`<serial type='pty'/><console type='pty'><target type='virtio'/></console>`);
    expect(d.devices.consoles.map((c) => c.target)).toEqual([
      { type: 'serial', port: 0 },
      { type: 'virtio', port: 1 },
    ]);
  });

  it('keeps the first console when it names the same source as serial0, and replaces it otherwise', () => {
    const same = define(`<serial type='dev'><source path='/dev/ttyS0'/></serial><console type='dev'><source path='/dev/ttyS0'/></console>`);
    expect(same.devices.consoles[0]!.source).toEqual({ type: 'dev', path: '/dev/ttyS0' });
    const other = define(`<serial type='dev'><source path='/dev/ttyS0'/></serial><console type='dev'><source path='/dev/ttyS1'/></console>`);
    expect(other.devices.serials).toHaveLength(1);
    expect(other.devices.consoles[0]!.source).toEqual({ type: 'null' });
  });

  it('does not add a console for a PCI serial', () => {
    const d = define(`<serial type='pty'><target type='pci-serial'/></serial>`);
    expect(d.devices.consoles).toHaveLength(0);
  });
});

describe('chardev ports', () => {
  it('numbers serials without a port after the highest one, ISA serials first', () => {
    const d = define(`<serial type='pty'/><serial type='null'><target type='isa-serial'/></serial><serial type='vc'><target port='2'/></serial>`);
    expect(d.devices.serials.map((s) => s.target.port)).toEqual([3, 0, 2]);
  });

  it('numbers parallels after the ones before them', () => {
    const d = define(`<parallel type='pty'/><parallel type='pty'><target port='4'/></parallel><parallel type='pty'/>`);
    expect(d.devices.parallels.map((p) => p.target.port)).toEqual([0, 4, 5]);
  });

  it('refuses a fifth ISA serial', () => {
    const five = Array.from({ length: 5 }, () => `<serial type='pty'><target type='isa-serial'/></serial>`).join('');
    expect(() => define(five)).toThrow("Maximum supported number of ISA serial ports is '4'");
  });
});

describe('channels', () => {
  it('adds the virtio-serial controller and makes a pathless unix socket a listening one', () => {
    const d = define(`<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>`);
    expect(d.devices.controllers.filter((c) => c.type === 'virtio-serial').map((c) => c.index)).toEqual([0]);
    expect(d.devices.channels[0]!.source).toEqual({ type: 'unix', mode: 'bind' });
    expect(d.devices.channels[0]!.info.address).toEqual({ type: 'virtio-serial', controller: 0, bus: 0, port: 1 });
  });

  it('forgets a socket path libvirt generated', () => {
    const d = define(
      `<channel type='unix'><source mode='connect' path='/var/lib/libvirt/qemu/channel/target/domain-3-c/org.x'/><target type='virtio' name='org.x'/></channel>`,
    );
    expect(d.devices.channels[0]!.source).toEqual({ type: 'unix', mode: 'bind' });
  });
});
