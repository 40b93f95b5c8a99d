import { hostNetProps } from '../src/build/devices/net-host.js';
import { vhostuserChardevArg } from '../src/build/devices/net-vhostuser.js';
import { TEST_NET_FDS } from '../src/build/net-fds.js';
import { builtinCaps } from '../src/caps/table.js';
import type { Interface, VhostuserInterface } from '../src/model/devices.js';
import { toJson, toLegacyOption } from '../src/render/serialize.js';

const caps = builtinCaps('latest');

function iface(extra: Partial<Interface> & Pick<Interface, 'type'>): Interface {
  return { info: { alias: 'net0' }, mac: '52:54:00:00:00:01', ...extra } as Interface;
}

describe('test profile file descriptors (libvirt qemuxml2argvmock)', () => {
  it('numbers created taps from 3, bridge taps from 102, vhost-net from 44', () => {
    const net = iface({ type: 'ethernet', model: 'virtio' });
    expect(TEST_NET_FDS.tap(net, 'ethernet', 2)).toEqual([3, 4]);
    expect(TEST_NET_FDS.tap(net, 'bridge', 1)).toEqual([102]);
    expect(TEST_NET_FDS.vhost(net, 3)).toEqual([44, 45, 46]);
  });
  it('opens vhost-net for virtio models only', () => {
    expect(TEST_NET_FDS.vhost(iface({ type: 'ethernet', model: 'e1000' }), 1)).toEqual([]);
  });
});

describe('hostNetProps (qemuBuildHostNetProps)', () => {
  it("uses 'fd'/'vhostfd' for one queue and 'fds'/'vhostfds' for several", () => {
    const net = iface({ type: 'ethernet', model: 'virtio', sndbuf: 1600 });
    expect(toJson(hostNetProps(net, 'ethernet', { tapFds: [3], vhostFds: [44] }))).toBe(
      '{"type":"tap","fd":"3","vhost":true,"vhostfd":"44","sndbuf":1600,"id":"hostnet0"}',
    );
    expect(toLegacyOption(hostNetProps(net, 'ethernet', { tapFds: [3, 4], vhostFds: [44, 45] }), 'type', 'objects-str')).toBe(
      'tap,fds=3:4,vhost=on,vhostfds=44:45,sndbuf=1600,id=hostnet0',
    );
  });
  it('leaves vhost out without vhost-net fds', () => {
    expect(toJson(hostNetProps(iface({ type: 'bridge', source: { bridge: 'br0' } }), 'bridge', { tapFds: [102], vhostFds: [] }))).toBe(
      '{"type":"tap","fd":"102","id":"hostnet0"}',
    );
  });
  it('gives SLIRP the guest network', () => {
    const net = iface({
      type: 'user',
      guestIp: { ips: [{ address: '10.0.0.0', family: 'ipv4' }, { address: 'fd00::', family: 'ipv6', prefix: 64 }], routes: [] },
    });
    expect(toJson(hostNetProps(net, 'user', { tapFds: [], vhostFds: [] }))).toBe(
      '{"type":"user","net":"10.0.0.0","ipv6-prefix":"fd00::","ipv6-prefixlen":64,"id":"hostnet0"}',
    );
  });
  it('refuses scripts outside type ethernet and types QEMU cannot back', () => {
    const withScript = iface({ type: 'user', script: '/etc/qemu-ifup' });
    expect(() => hostNetProps(withScript, 'user', { tapFds: [], vhostFds: [] })).toThrow('scripts are not supported on interfaces of type user');
    expect(() => hostNetProps(iface({ type: 'null' }), 'null', { tapFds: [], vhostFds: [] })).toThrow(
      "network device type 'null' is not supported by this hypervisor",
    );
  });
});

describe('vhost-user chardev', () => {
  function vu(source: VhostuserInterface['source']): VhostuserInterface {
    return { type: 'vhostuser', info: { alias: 'net3' }, source };
  }
  it('listens as a server, never waits off, and doubles commas', () => {
    expect(vhostuserChardevArg(vu({ path: '/a,b', mode: 'server' }), caps)).toBe('socket,id=charnet3,path=/a,,b,server=on');
  });
  it('turns reconnect into seconds, 0 when disabled', () => {
    expect(vhostuserChardevArg(vu({ path: '/s', mode: 'client', reconnect: { enabled: true, timeout: 7 } }), caps)).toBe(
      'socket,id=charnet3,path=/s,reconnect=7',
    );
    expect(vhostuserChardevArg(vu({ path: '/s', reconnect: { enabled: false } }), caps)).toBe('socket,id=charnet3,path=/s,reconnect=0');
  });
});
