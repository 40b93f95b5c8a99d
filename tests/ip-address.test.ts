import { formatIpAddress, maskByNetmask, maskByPrefix, parseIpAddress } from '../src/parse/ip-address.js';

function canon(text: string, family?: 'ipv4' | 'ipv6'): string | undefined {
  const a = parseIpAddress(text, family);
  return a ? formatIpAddress(a) : undefined;
}

describe('parseIpAddress / formatIpAddress (getaddrinfo + inet_ntop)', () => {
  it.each([
    ['192.168.1.1', '192.168.1.1'],
    // inet_aton's short and non-decimal forms
    ['10.1', '10.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['010.0.0.1', '8.0.0.1'],
    ['3232235777', '192.168.1.1'],
  ])('IPv4 %s -> %s', (text, want) => {
    expect(canon(text)).toBe(want);
  });

  it.each(['256.1.1.1', '1.2.3.4.5', '1..2', '', '08.1.1.1', '1.2.3.0x100'])('rejects IPv4 %s', (text) => {
    expect(canon(text, 'ipv4')).toBeUndefined();
  });

  it.each([
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['fd00:0:0:42:0:0:0:0', 'fd00:0:0:42::'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['::1', '::1'],
    // a single zero group is not compressed; the first of two equal runs is
    ['1:0:2:3:4:5:6:7', '1:0:2:3:4:5:6:7'],
    ['1:0:0:2:0:0:3:4', '1::2:0:0:3:4'],
    // IPv4-mapped and IPv4-compatible addresses keep the dotted tail
    ['::ffff:192.168.1.1', '::ffff:192.168.1.1'],
    ['::c0a8:101', '::192.168.1.1'],
    ['::1:0:0:1', '::1:0:0:1'],
  ])('IPv6 %s -> %s', (text, want) => {
    expect(canon(text)).toBe(want);
  });

  it.each(['1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', '1:2:3:4:5:6:7', 'g::1', '::1.2.3.04'])('rejects IPv6 %s', (text) => {
    expect(canon(text, 'ipv6')).toBeUndefined();
  });

  it('honours the requested family', () => {
    expect(canon('::1', 'ipv4')).toBeUndefined();
    expect(canon('1.2.3.4', 'ipv6')).toBeUndefined();
    expect(parseIpAddress('1.2.3.4')?.family).toBe('ipv4');
    expect(parseIpAddress('::')?.family).toBe('ipv6');
  });
});

describe('network masks', () => {
  it('masks by prefix', () => {
    const a = parseIpAddress('10.20.1.7')!;
    expect(formatIpAddress(maskByPrefix(a, 16)!)).toBe('10.20.0.0');
    expect(formatIpAddress(maskByPrefix(a, 0)!)).toBe('0.0.0.0');
    expect(formatIpAddress(maskByPrefix(a, 32)!)).toBe('10.20.1.7');
    expect(maskByPrefix(a, 33)).toBeUndefined();
    expect(formatIpAddress(maskByPrefix(parseIpAddress('2001:db8:1:2::5')!, 48)!)).toBe('2001:db8:1::');
  });

  it('masks by netmask of the same family only', () => {
    const a = parseIpAddress('10.30.4.0')!;
    expect(formatIpAddress(maskByNetmask(a, parseIpAddress('255.255.0.0')!)!)).toBe('10.30.0.0');
    expect(maskByNetmask(a, parseIpAddress('ffff::')!)).toBeUndefined();
  });
});
