/** libvirt's virDiskNameParse: 'hda' -> 0, 'sdz' -> 25, 'vdaa' -> 26. */
const PREFIXES = ['fd', 'hd', 'vd', 'sd', 'xvd', 'ubd'];

export function diskNameToIndex(name: string): number {
  const prefix = PREFIXES.find((p) => name.startsWith(p));
  if (prefix === undefined) return -1;
  let i = prefix.length;
  if (!/[a-z]/.test(name[i] ?? '')) return -1;
  let idx = 0;
  let n = 0;
  for (; i < name.length && /[a-z]/.test(name[i]!); i++, n++) {
    idx = idx + (n < 1 ? 0 : 1);
    idx = idx * 26 + (name.charCodeAt(i) - 97);
    if (idx > 0x7fffffff) return -1;
  }
  if (!/^[0-9]*$/.test(name.slice(i))) return -1;
  return idx;
}
