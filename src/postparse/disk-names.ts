/** libvirt's virDiskNameParse: 'hda' -> 0, 'sdz' -> 25, 'vdaa' -> 26, 'sda3' -> disk 0 partition 3. */
const PREFIXES = ['fd', 'hd', 'vd', 'sd', 'xvd', 'ubd'];
const INT_MAX = 0x7fffffff;

export interface DiskName {
  readonly index: number;
  /** The trailing partition number (0 when there is none). */
  readonly partition: number;
}

/** The disk index and the trailing digits, or undefined when the name is not a disk name. */
function scan(name: string): { index: number; digits: string } | undefined {
  const prefix = PREFIXES.find((p) => name.startsWith(p));
  if (prefix === undefined) return undefined;
  let i = prefix.length;
  if (!/[a-z]/.test(name[i] ?? '')) return undefined;
  let index = 0;
  for (let n = 0; i < name.length && /[a-z]/.test(name[i]!); i++, n++) {
    index = (index + (n < 1 ? 0 : 1)) * 26 + (name.charCodeAt(i) - 97);
    if (index > INT_MAX) return undefined;
  }
  const digits = name.slice(i);
  return /^[0-9]*$/.test(digits) ? { index, digits } : undefined;
}

export function diskNameParse(name: string): DiskName | undefined {
  const s = scan(name);
  if (!s) return undefined;
  // A partition number does not start with a zero.
  if (s.digits.length > 1 && s.digits.startsWith('0')) return undefined;
  const partition = s.digits === '' ? 0 : Number(s.digits);
  if (partition > INT_MAX) return undefined;
  return { index: s.index, partition };
}

/** libvirt's virDiskNameToIndex: the disk index, trailing digits ignored; -1 when the name is not a disk name. */
export function diskNameToIndex(name: string): number {
  return scan(name)?.index ?? -1;
}
