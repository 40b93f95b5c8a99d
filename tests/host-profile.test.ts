/** The host profile's rules, one by one, against small domains (inline expectations). */
import { hostProfile } from '../src/build/host-profile.js';
import { TEST_PROFILE } from '../src/build/profile.js';
import { profileFromOptions } from '../src/cli/commands/profile-options.js';
import { xml2argv } from '../src/pipeline.js';

function domain(devices: string, type = 'kvm', name = 'hp'): string {
  return `<domain type='${type}'><name>${name}</name><uuid>3e0b9f4d-8a5c-4b6d-af1e-0d9c8b7a6f5e</uuid>
  <memory unit='MiB'>256</memory><os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>${devices}<memballoon model='none'/></devices></domain>`;
}

function lines(xml: string, options: Parameters<typeof hostProfile>[0] = {}, match = '-netdev'): string[] {
  return xml2argv(xml, { profile: hostProfile(options) })
    .args.split('\n')
    .filter((l) => l.includes(match));
}

const virtioEth = (driver = '', extra = '') =>
  `<interface type='ethernet'><mac address='52:54:00:50:00:01'/><model type='virtio'/>${driver}${extra}</interface>`;

describe('host profile: per-domain state', () => {
  it('puts HOME, the master key and the monitor socket in <state-dir>/domain-<id>-<name>', () => {
    const args = xml2argv(domain(''), { profile: hostProfile({ domainId: 0, stateDir: '/srv/q/' }) }).args;
    expect(args).toContain('HOME=/srv/q/domain-0-hp \\');
    expect(args).toContain('"file":"/srv/q/domain-0-hp/master-key.aes"');
    expect(args).toContain('-chardev socket,id=charmonitor,path=/srv/q/domain-0-hp/monitor.sock,server=on,wait=off \\');
    expect(args).not.toContain('USER=');
    expect(args).not.toContain('-pidfile');
  });
  it('refuses a negative domain id and a relative state directory', () => {
    expect(() => hostProfile({ domainId: -1 })).toThrow("--domain-id must be a non-negative integer, got '-1'");
    expect(() => hostProfile({ stateDir: 'state' })).toThrow("--state-dir must be an absolute path, got 'state'");
  });
  it('treats /dev/cdrom and /dev/srN as host CD-ROM drives', () => {
    const p = hostProfile();
    expect(['/dev/cdrom', '/dev/sr0', '/dev/sr12'].map(p.isHostCdrom)).toEqual([true, true, true]);
    expect(['/dev/sda', '/dev/sr'].map(p.isHostCdrom)).toEqual([false, false]);
  });
});

describe('host profile: taps', () => {
  it('names taps by <target dev>, else vnetN in interface order, and lets QEMU open them without scripts', () => {
    const xml = domain(
      `<interface type='ethernet'><mac address='52:54:00:50:00:01'/><model type='e1000'/></interface>
       <interface type='ethernet'><mac address='52:54:00:50:00:02'/><target dev='mytap'/><model type='e1000'/></interface>
       <interface type='ethernet'><mac address='52:54:00:50:00:03'/><model type='e1000'/></interface>`,
    );
    expect(lines(xml)).toEqual([
      `-netdev '{"type":"tap","ifname":"vnet0","script":"no","downscript":"no","id":"hostnet0"}' \\`,
      `-netdev '{"type":"tap","ifname":"mytap","script":"no","downscript":"no","id":"hostnet1"}' \\`,
      `-netdev '{"type":"tap","ifname":"vnet1","script":"no","downscript":"no","id":"hostnet2"}' \\`,
    ]);
  });
  it('passes given tap fds instead, and numbers generated names without them', () => {
    const xml = domain(`${virtioEth()}<interface type='ethernet'><mac address='52:54:00:50:00:02'/><model type='e1000'/></interface>`);
    expect(lines(xml, { tapFds: new Map([['net0', [7]]]) })).toEqual([
      `-netdev '{"type":"tap","fd":"7","id":"hostnet0"}' \\`,
      `-netdev '{"type":"tap","ifname":"vnet0","script":"no","downscript":"no","id":"hostnet1"}' \\`,
    ]);
  });
  it('uses the legacy syntax with QEMUs before netdev JSON', () => {
    const args = xml2argv(domain(virtioEth("<driver queues='2'/>")), { profile: hostProfile(), qemuVersion: '6.2.0' }).args;
    expect(args).toContain('-netdev tap,ifname=vnet0,script=no,downscript=no,queues=2,id=hostnet0 \\');
  });
  it("asks QEMU for vhost-net only with <driver name='vhost'> on KVM", () => {
    expect(lines(domain(virtioEth("<driver name='vhost'/>")))).toEqual([
      `-netdev '{"type":"tap","ifname":"vnet0","script":"no","downscript":"no","vhost":true,"id":"hostnet0"}' \\`,
    ]);
    expect(lines(domain(virtioEth()))[0]).not.toContain('vhost');
    expect(lines(domain(virtioEth("<driver name='qemu'/>")))[0]).not.toContain('vhost');
    expect(lines(domain(virtioEth("<driver name='vhost'/>"), 'qemu'))[0]).not.toContain('vhost');
  });
  it('leaves <script> and host addresses to the user, with a warning each', () => {
    const xml = domain(
      `<interface type='ethernet'><mac address='52:54:00:50:00:01'/><source><ip address='192.168.7.1' prefix='24'/></source>
       <target dev='t0'/><script path='/etc/qemu-ifup'/><model type='e1000'/></interface>`,
    );
    const r = xml2argv(xml, { profile: hostProfile() });
    expect(r.args).toContain('"ifname":"t0","script":"no","downscript":"no"');
    expect(r.warnings).toEqual([
      "interface net0: libvirt runs '/etc/qemu-ifup t0' once the tap exists; QEMU may not (its -sandbox denies spawning), so run it yourself",
      'interface net0: the host addresses and routes of <source> are set up by libvirt on tap t0; QEMU does not, so configure them once QEMU runs',
    ]);
  });
  it('refuses a custom tun device without a tap fd, and a custom vhost-net device', () => {
    expect(() => lines(domain(virtioEth('', "<backend tap='/dev/mytun'/>")))).toThrow(
      "interface net0: <backend tap='/dev/mytun'> makes libvirt create the tap through that device, which QEMU cannot; pass the opened tap with --tap-fd net0=FD",
    );
    expect(lines(domain(virtioEth('', "<backend tap='/dev/mytun'/>")), { tapFds: new Map([['net0', [5]]]) })[0]).toContain('"fd":"5"');
    expect(() => lines(domain(virtioEth("<driver name='vhost'/>", "<backend vhost='/dev/myvhost'/>")))).toThrow(
      "interface net0: <backend vhost='/dev/myvhost'> makes libvirt open vhost-net through that device",
    );
  });
  it('checks every --tap-fd against the interfaces: alias, tap, one fd per queue', () => {
    const xml = domain(`${virtioEth("<driver queues='2'/>")}<interface type='user'><mac address='52:54:00:50:00:02'/><model type='e1000'/></interface>`);
    expect(() => lines(xml, { tapFds: new Map([['net9', [3]]]) })).toThrow("--tap-fd net9: the domain has no interface with alias 'net9' (interfaces: net0, net1)");
    expect(() => lines(xml, { tapFds: new Map([['net1', [3]]]) })).toThrow("--tap-fd net1: interface net1 is of type 'user', which is not connected through a tap");
    expect(() => lines(xml, { tapFds: new Map([['net0', [3]]]) })).toThrow('--tap-fd net0: interface net0 has 2 queue(s) and needs one tap fd per queue (repeat --tap-fd net0=FD), got 1');
    expect(lines(xml, { tapFds: new Map([['net0', [3, 4]]]) })[0]).toContain('"fds":"3:4"');
  });
});

describe('host profile: other host resources', () => {
  it('opens a vDPA device by path instead of an fd set', () => {
    const xml = domain(`<interface type='vdpa'><mac address='52:54:00:50:00:01'/><source dev='/dev/vhost-vdpa-0'/><model type='virtio'/></interface>`);
    const args = xml2argv(xml, { profile: hostProfile() }).args;
    expect(args).toContain(`-netdev '{"type":"vhost-vdpa","vhostdev":"/dev/vhost-vdpa-0","id":"hostnet0"}' \\`);
    expect(args).not.toContain('-add-fd');
  });
  it('refuses a vhost-user GPU, whose socket only libvirt can provide', () => {
    const xml = domain(`<video><driver name='vhostuser'/><model type='virtio'/></video>`);
    expect(() => xml2argv(xml, { profile: hostProfile() })).toThrow(
      "video video0: <driver name='vhostuser'> needs the socket of the vhost-user-gpu process libvirt starts and passes to QEMU; --profile host cannot provide it",
    );
  });
  it('keeps the test profile unchanged', () => {
    const args = xml2argv(domain(virtioEth())).args;
    expect(args).toContain('-chardev socket,id=charmonitor,fd=1729,server=on,wait=off \\');
    expect(args).toContain(`-netdev '{"type":"tap","fd":"3","vhost":true,"vhostfd":"44","id":"hostnet0"}' \\`);
    expect(TEST_PROFILE.isHostCdrom('/dev/sr0')).toBe(false);
  });
});

describe('profileFromOptions (the CLI flags)', () => {
  const base = { profile: 'host' as const, tapFd: [] as string[] };
  it('takes --domain-id, --state-dir and repeated --tap-fd NAME=FD with --profile host', () => {
    const p = profileFromOptions({ ...base, domainId: '42', stateDir: '/s', tapFd: ['net0=3', 'net0=4'] });
    expect([p.name, p.domainId, p.libDir]).toEqual(['host', 42, '/s']);
    const args = xml2argv(domain(virtioEth("<driver queues='2'/>")), { profile: p }).args;
    expect(args).toContain(`-netdev '{"type":"tap","fds":"3:4","id":"hostnet0"}' \\`);
    expect(args).toContain('HOME=/s/domain-42-hp \\');
  });
  it.each([
    [{ domainId: '-3' }, "--domain-id must be a non-negative integer, got '-3'"],
    [{ domainId: '1.5' }, "--domain-id must be a non-negative integer, got '1.5'"],
    [{ domainId: '07' }, "--domain-id must be a non-negative integer, got '07'"],
    [{ tapFd: ['net0'] }, "--tap-fd expects NAME=FD (an interface alias and a file descriptor), got 'net0'"],
    [{ tapFd: ['=3'] }, "--tap-fd expects NAME=FD (an interface alias and a file descriptor), got '=3'"],
    [{ tapFd: ['net0=x'] }, "--tap-fd net0: the file descriptor must be a non-negative integer, got 'x'"],
    [{ tapFd: ['net0=-1'] }, "--tap-fd net0: the file descriptor must be a non-negative integer, got '-1'"],
  ])('refuses %j', (opts, message) => {
    expect(() => profileFromOptions({ ...base, ...opts })).toThrow(message);
  });
  it('refuses host-only flags without --profile host, as a usage error', () => {
    let err: unknown;
    try {
      profileFromOptions({ profile: 'test', domainId: '1', tapFd: ['net0=3'] });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ category: 'usage', exitCode: 2, message: expect.stringContaining('--domain-id, --tap-fd apply only with --profile host') });
    expect(profileFromOptions({ profile: 'test', tapFd: [] })).toBe(TEST_PROFILE);
  });
});

describe('host profile: machine types', () => {
  it('resolves machine aliases even for latest, as a real start does (only the test harness keeps them)', () => {
    const xml = domain('');
    expect(xml2argv(xml, { profile: hostProfile({}) }).args).toMatch(/^-machine pc-i440fx-\d+\.\d+,/m);
    expect(xml2argv(xml, { profile: TEST_PROFILE }).args).toMatch(/^-machine pc,/m);
    expect(xml2argv(xml, { profile: hostProfile({}), qemuVersion: '7.2.0' }).args).toMatch(/^-machine pc-i440fx-7\.2,/m);
  });
});
