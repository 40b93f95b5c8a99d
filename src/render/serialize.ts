/**
 * The one serializer. It knows libvirt's two renderings of a property object:
 * compact JSON (as json-c prints it with slash escaping off) and QEMU's legacy
 * `key=value,key=value` syntax (commas in values doubled, booleans on/off,
 * nested objects flattened with dotted keys).
 */
import { internalError } from '../errors.js';
import { Props, type PropValue } from './props.js';

/** How the legacy renderer spells an array, per option (libvirt picks one per option). */
export type LegacyArrayStyle =
  /** `key=a,key=b` for arrays of strings (libvirt's default fallback). */
  | 'repeat'
  /** -netdev: array of `{ "str": v }` objects becomes `key=v,key=v`. */
  | 'objects-str'
  /** -object: a bitmap of numbers becomes ranges `key=0-3,key=5`. */
  | 'bitmap'
  /** -device: arrays are not expressible (libvirt refuses). */
  | 'none';

/** libvirt's virQEMUBuildBufferEscapeComma: every ',' becomes ',,'. */
export function escapeComma(value: string): string {
  return value.includes(',') ? value.replace(/,/g, ',,') : value;
}

export function toJson(props: Props): string {
  return jsonValue(props);
}

function jsonValue(value: PropValue): string {
  if (value instanceof Props) {
    const parts: string[] = [];
    for (const [k, v] of value.entries()) parts.push(JSON.stringify(k) + ':' + jsonValue(v));
    return '{' + parts.join(',') + '}';
  }
  if (Array.isArray(value)) return '[' + value.map(jsonValue).join(',') + ']';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw internalError('render.non-finite', `cannot render ${value} as a QEMU property`);
      return String(value);
    case 'bigint':
      return value.toString();
  }
}

/**
 * Legacy rendering without the leading `driver,`/`type,` word: the caller
 * passes the key that leads (`driver`, `type`, `qom-type`), which is skipped.
 */
export function toKeyValue(props: Props, skipKey: string | undefined, arrays: LegacyArrayStyle): string {
  const parts: string[] = [];
  for (const [k, v] of props.entries()) {
    if (k === skipKey) continue;
    legacyInto(parts, k, v, arrays, false);
  }
  return parts.join(',');
}

/** `lead,rest`: the property named by `leadKey` is printed bare, first. */
export function toLegacyOption(props: Props, leadKey: string, arrays: LegacyArrayStyle): string {
  const lead = props.get(leadKey);
  if (typeof lead !== 'string') throw internalError('render.no-lead', `property object has no '${leadKey}'`);
  const rest = toKeyValue(props, leadKey, arrays);
  return rest ? `${lead},${rest}` : lead;
}

function legacyInto(parts: string[], key: string, value: PropValue, arrays: LegacyArrayStyle, nested: boolean): void {
  if (value instanceof Props) {
    for (const [k, v] of value.entries()) legacyInto(parts, `${key}.${k}`, v, arrays, nested);
    return;
  }
  if (Array.isArray(value)) {
    if (nested) throw internalError('render.nested-array', 'nested JSON array to commandline conversion is not supported');
    legacyArray(parts, key, value, arrays);
    return;
  }
  if (value === null) throw internalError('render.null', `property '${key}' is null, which only JSON syntax can express`);
  switch (typeof value) {
    case 'string':
      parts.push(`${key}=${escapeComma(value)}`);
      return;
    case 'boolean':
      parts.push(`${key}=${value ? 'on' : 'off'}`);
      return;
    case 'number':
    case 'bigint':
      parts.push(`${key}=${value.toString()}`);
      return;
  }
}

function legacyArray(parts: string[], key: string, values: PropValue[], style: LegacyArrayStyle): void {
  switch (style) {
    case 'none':
      throw internalError('render.array', 'JSON array -> commandline conversion function not provided');
    case 'objects-str':
      for (const v of values) {
        const str = v instanceof Props ? v.get('str') : undefined;
        if (typeof str !== 'string') throw internalError('render.array', `array '${key}' is not a list of {str}`);
        // libvirt does not escape commas here: the values are file descriptor names.
        parts.push(`${key}=${str}`);
      }
      return;
    case 'bitmap':
      if (values.every((v) => typeof v === 'number')) {
        for (const range of bitmapRanges(values as number[])) parts.push(`${key}=${range}`);
        return;
      }
      for (const v of values) legacyInto(parts, key, v, style, true);
      return;
    case 'repeat':
      for (const v of values) legacyInto(parts, key, v, style, true);
      return;
  }
}

/** Sorted, de-duplicated numbers as libvirt's bitmap ranges: [0,1,2,5] -> ['0-2', '5']. */
function bitmapRanges(values: number[]): string[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out;
}
