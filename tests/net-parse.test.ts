import { isTeamctlError, type TeamctlError } from '../src/errors.js';
import type { Interface } from '../src/model/devices.js';
import { lookupNetModel } from '../src/model/net-models.js';
import { parseDomainXml } from '../src/parse/domain.js';
import { sanitizePath } from '../src/parse/devices/net-driver.js';

function domainWith(iface: string): string {
  return `<domain type='qemu'><name>t</name><memory>262144</memory><os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>${iface}</devices></domain>`;
}

function parseIface(iface: string): { net: Interface; warnings: string[] } {
  const { domain, warnings } = parseDomainXml(domainWith(iface));
  return { net: domain.devices.interfaces[0]!, warnings };
}

function parseError(iface: string): TeamctlError {
  try {
    parseDomainXml(domainWith(iface));
  } catch (e) {
    if (isTeamctlError(e)) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('NIC model names (virDomainNetSetModelString)', () => {
  it('matches libvirt names case-insensitively and keeps their spelling', () => {
    expect(lookupNetModel('ViRtIo')).toEqual({ kind: 'model', model: 'virtio' });
    expect(lookupNetModel('am79c970a')).toEqual({ kind: 'model', model: 'Am79C970A' });
    expect(lookupNetModel('E1000E')).toEqual({ kind: 'model', model: 'e1000e' });
  });
  it("passes other names through and treats 'unknown' as no model", () => {
    expect(lookupNetModel('ne2k_pci')).toEqual({ kind: 'model', model: 'ne2k_pci' });
    expect(lookupNetModel('UNKNOWN')).toEqual({ kind: 'none' });
    expect(lookupNetModel('e1000,x')).toEqual({ kind: 'invalid' });
  });
  it('reads virtio-net driver options only for virtio models (case-insensitive)', () => {
    const { net } = parseIface(`<interface type='user'><model type='VIRTIO'/><driver queues='4' rss='on'/></interface>`);
    expect(net.model).toBe('virtio');
    expect(net.driver).toEqual({ queues: 4, rss: true });
    const other = parseIface(`<interface type='user'><model type='e1000'/><driver queues='4' txmode='timer'/></interface>`);
    expect(other.net.driver).toEqual({});
    expect(other.warnings).toHaveLength(2);
  });
});

describe('interface parsing', () => {
  it('reads vhost-user sources with reconnect', () => {
    const { net } = parseIface(
      `<interface type='vhostuser'><source type='unix' path='/s' mode='client'><reconnect enabled='yes' timeout='3'/></source></interface>`,
    );
    expect(net).toMatchObject({ type: 'vhostuser', source: { path: '/s', mode: 'client', reconnect: { enabled: true, timeout: 3 } } });
  });

  it('requires a reconnect timeout when enabled', () => {
    expect(parseError(`<interface type='vhostuser'><source path='/s'><reconnect enabled='yes'/></source></interface>`).text).toBe(
      "XML error: Missing required attribute 'timeout' in element 'reconnect'",
    );
  });

  it('refuses non-unix vhost-user sources', () => {
    expect(parseError(`<interface type='vhostuser'><source type='tcp' path='/s'/></interface>`).text).toBe(
      "unsupported configuration: Type='tcp' unsupported for <interface type='vhostuser'>",
    );
  });

  it('requires <source> for socket types', () => {
    expect(parseError(`<interface type='mcast'/>`).text).toBe("XML error: interface type='mcast' requires a 'source' element");
    expect(parseError(`<interface type='client'><source port='1'/></interface>`).text).toBe(
      "XML error: Missing required attribute 'address' in element 'source'",
    );
  });

  it('keeps host-side IPs and routes in canonical form', () => {
    const { net } = parseIface(`<interface type='ethernet'><source>
      <ip address='2001:DB8::0:1' prefix='64' peer='2001:db8::2'/>
      <route address='10.0.0.0' netmask='255.0.0.0' gateway='192.168.1.1'/>
    </source></interface>`);
    expect(net.hostIp).toEqual({
      ips: [{ address: '2001:db8::1', family: 'ipv6', prefix: 64, peer: '2001:db8::2' }],
      routes: [{ address: '10.0.0.0', netmask: '255.0.0.0', gateway: '192.168.1.1' }],
    });
  });

  it.each([
    [`<ip prefix='24'/>`, 'XML error: Missing required address in <ip>'],
    [`<ip address='10.0.0.1' family='ipv6'/>`, "XML error: Invalid address '10.0.0.1' in <ip>"],
    [`<ip address='10.0.0.1' prefix='33'/>`, "XML error: Invalid prefix value '33' in <ip>"],
    [`<ip address='10.0.0.1' peer='::1'/>`, "invalid argument: Invalid peer '::1' in <ip>"],
    [`<route address='10.0.0.0' prefix='8'/>`, 'XML error: guest interface: Missing required gateway attribute in route definition'],
    [`<route address='::' prefix='8' gateway='10.0.0.1'/>`, "XML error: guest interface: No family specified for non-IPv4 address '::' in route definition"],
    [`<route family='ipv6' address='::' netmask='ffff::' gateway='::1'/>`, "XML error: guest interface: Specifying netmask invalid for IPv6 address '::' in route definition"],
    [`<route address='10.0.0.0' prefix='8' netmask='255.0.0.0' gateway='10.0.0.1'/>`, 'XML error: guest interface: Route definition cannot have both a prefix and a netmask'],
    [`<route family='ipx' address='10.0.0.0' gateway='10.0.0.1'/>`, "XML error: guest interface: Unrecognized family 'ipx' in route definition"],
  ])('%s is refused', (xml, message) => {
    expect(parseError(`<interface type='user'>${xml}</interface>`).text).toBe(message);
  });

  it('forgets target names libvirt generates, unless the tap is unmanaged', () => {
    expect(parseIface(`<interface type='ethernet'><target dev='vnet3'/></interface>`).net.target).toEqual({});
    expect(parseIface(`<interface type='ethernet'><target dev='vnet3' managed='no'/></interface>`).net.target).toEqual({ dev: 'vnet3', managed: false });
  });

  it('reports what it does not understand', () => {
    expect(parseError(`<interface type='user'><guest dev='eth0'/></interface>`).text).toMatch(/^unsupported configuration: element <guest> in <interface>/);
    expect(parseError(`<interface type='direct'><source dev='eth0'/></interface>`).text).toBe(
      "unsupported configuration: interface type 'direct' is not supported by teamctl yet",
    );
  });

  it.each([
    [`<link state='sideways'/>`, "unsupported configuration: unknown interface link state 'sideways'"],
    [`<mtu size='big'/>`, 'XML error: malformed mtu size'],
    [`<tune><sndbuf>-1</sndbuf></tune>`, 'XML error: sndbuf must be a positive integer'],
    [`<coalesce><rx><frames max='x'/></rx></coalesce>`, "XML error: cannot parse value 'x' for coalesce parameter"],
    [`<virtualport type='openvswitch'/>`, "unsupported configuration: <virtualport> element unsupported for <interface type='user'>"],
  ])('%s is refused with libvirt\'s message', (xml, message) => {
    expect(parseError(`<interface type='user'>${xml}</interface>`).text).toBe(message);
  });
});

describe('sanitizePath (virFileSanitizePath)', () => {
  it.each([
    ['/dev//net/tun/', '/dev/net/tun'],
    ['//foo', '//foo'],
    ['///foo', '/foo'],
    ['/', '/'],
    ['//', '//'],
    ['rel//x/', 'rel/x'],
    ['nbd://host//x', 'nbd://host//x'],
  ])('%s -> %s', (input, want) => {
    expect(sanitizePath(input)).toBe(want);
  });
});
