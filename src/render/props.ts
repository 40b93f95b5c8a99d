/**
 * Ordered property objects: what every builder produces for -device, -netdev,
 * -object, -blockdev and -audiodev. Keys keep insertion order (libvirt's JSON
 * objects do too) and the typed adders encode libvirt's "omit when unset"
 * conventions so builders cannot get them wrong.
 */

/** `null` is JSON's null (libvirt's `n:` form), only meaningful in JSON syntax. */
export type PropScalar = string | number | bigint | boolean | null;
export type PropValue = PropScalar | Props | PropValue[];

export class Props {
  private readonly list: Array<[string, PropValue]> = [];

  static of(first: string, value: PropValue): Props {
    return new Props().set(first, value);
  }

  /** Always add (libvirt's `s:`, `u:`, `i:`, `b:`, `a:`, `A:` forms). */
  set(key: string, value: PropValue): this {
    this.list.push([key, value]);
    return this;
  }

  /** Add a string when it is defined (libvirt's `S:`). */
  str(key: string, value: string | undefined | null): this {
    if (value !== undefined && value !== null) this.list.push([key, value]);
    return this;
  }

  /** Add a number when it is > 0 (libvirt's `p:` and `P:`). */
  positive(key: string, value: number | bigint | undefined): this {
    if (value !== undefined && value > 0) this.list.push([key, value]);
    return this;
  }

  /** Add a number when it is >= 0 (libvirt's `k:` and `K:`, where -1 means unset). */
  nonNegative(key: string, value: number | undefined): this {
    if (value !== undefined && value >= 0) this.list.push([key, value]);
    return this;
  }

  /** Add an on/off switch when it is set (libvirt's `T:` tristate). */
  tristate(key: string, value: boolean | undefined): this {
    if (value !== undefined) this.list.push([key, value]);
    return this;
  }

  /** Add a boolean only when true (libvirt's `B:`). */
  flag(key: string, value: boolean | undefined): this {
    if (value === true) this.list.push([key, true]);
    return this;
  }

  /** Add a nested object when it has any property (libvirt's `A:`/`m:` with NULL skipped). */
  object(key: string, value: Props | undefined): this {
    if (value !== undefined) this.list.push([key, value]);
    return this;
  }

  /** Add an array when it is non-empty. */
  array(key: string, value: PropValue[] | undefined): this {
    if (value !== undefined && value.length > 0) this.list.push([key, value]);
    return this;
  }

  /** Append another object's properties in order. */
  extend(other: Props): this {
    for (const entry of other.list) this.list.push(entry);
    return this;
  }

  get(key: string): PropValue | undefined {
    for (const [k, v] of this.list) if (k === key) return v;
    return undefined;
  }

  entries(): ReadonlyArray<readonly [string, PropValue]> {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }
}
