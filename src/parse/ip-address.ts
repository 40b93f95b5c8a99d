/**
 * Numeric IP addresses as libvirt's virSocketAddrParse reads them (glibc's
 * getaddrinfo with AI_NUMERICHOST) and virSocketAddrFormat prints them
 * (inet_ntop), plus the prefix masking its route checks need.
 */

export type IpFamily = 'ipv4' | 'ipv6';

export interface IpAddress {
  readonly family: IpFamily;
  /** 32 or 128 bits, most significant first. */
  readonly value: bigint;
}

/** inet_aton: one to four parts, each decimal, octal (leading 0) or hex (0x); the last part fills the rest. */
function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length < 1 || parts.length > 4) return undefined;
  const nums: bigint[] = [];
  for (const p of parts) {
    let n: bigint;
    if (/^0[xX][0-9a-fA-F]*$/.test(p)) n = p.length > 2 ? BigInt(p) : 0n;
    else if (/^0[0-7]*$/.test(p)) n = p.length > 1 ? BigInt(`0o${p.slice(1)}`) : 0n;
    else if (/^[1-9][0-9]*$/.test(p)) n = BigInt(p);
    else return undefined;
    nums.push(n);
  }
  let value = 0n;
  for (let i = 0; i < nums.length - 1; i++) {
    if (nums[i]! > 255n) return undefined;
    value |= nums[i]! << BigInt(8 * (3 - i));
  }
  const restBits = BigInt(8 * (4 - (nums.length - 1)));
  const last = nums[nums.length - 1]!;
  if (last >= 1n << restBits) return undefined;
  return value | last;
}

/** The strict dotted quad inet_pton accepts inside an IPv6 address. */
function parseDottedQuad(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p.startsWith('0')) || Number(p) > 255) return undefined;
    value = (value << 8n) | BigInt(p);
  }
  return value;
}

/** inet_pton(AF_INET6). */
function parseIPv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string): bigint[] | undefined => {
    if (s === '') return [];
    const items = s.split(':');
    const out: bigint[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (i === items.length - 1 && item.includes('.')) {
        const v4 = parseDottedQuad(item);
        if (v4 === undefined) return undefined;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(item)) {
        out.push(BigInt(`0x${item}`));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<bigint>(missing).fill(0n), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** A numeric address of the wanted family (undefined: whichever parses), or undefined. */
export function parseIpAddress(text: string, family?: IpFamily): IpAddress | undefined {
  if (family !== 'ipv6') {
    const v4 = text.includes(':') ? undefined : parseIPv4(text);
    if (v4 !== undefined) return { family: 'ipv4', value: v4 };
  }
  if (family !== 'ipv4') {
    const v6 = parseIPv6(text);
    if (v6 !== undefined) return { family: 'ipv6', value: v6 };
  }
  return undefined;
}

function formatIPv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => ((value >> s) & 0xffn).toString()).join('.');
}

/** inet_ntop(AF_INET6): the longest run of two or more zero groups becomes '::'. */
function formatIPv6(value: bigint): string {
  const words = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(16 * (7 - i))) & 0xffffn));
  let bestBase = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestBase = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    // An IPv4-compatible or IPv4-mapped address ends in dotted form.
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      out += formatIPv4(value & 0xffffffffn);
      return out;
    }
    out += words[i]!.toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ':';
  return out;
}

export function formatIpAddress(a: IpAddress): string {
  return a.family === 'ipv4' ? formatIPv4(a.value) : formatIPv6(a.value);
}

function bitsOf(family: IpFamily): bigint {
  return family === 'ipv4' ? 32n : 128n;
}

/** The address with everything past `prefix` bits cleared, or undefined when the prefix is too long. */
export function maskByPrefix(a: IpAddress, prefix: number): IpAddress | undefined {
  const bits = bitsOf(a.family);
  if (BigInt(prefix) > bits) return undefined;
  const hostBits = bits - BigInt(prefix);
  const mask = ((1n << bits) - 1n) ^ ((1n << hostBits) - 1n);
  return { family: a.family, value: a.value & mask };
}

/** The address ANDed with a netmask of the same family. */
export function maskByNetmask(a: IpAddress, netmask: IpAddress): IpAddress | undefined {
  if (a.family !== netmask.family) return undefined;
  return { family: a.family, value: a.value & netmask.value };
}
