/**
 * Lookups in constant tables keyed by user input. A plain `table[key]` would
 * find Object.prototype members for keys such as 'constructor' or 'toString'.
 */
export function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
