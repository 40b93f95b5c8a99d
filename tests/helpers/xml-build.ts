/**
 * A tiny element builder for generated domain XML: attributes left undefined
 * are omitted, values are escaped, children are indented.
 */
import fc from 'fast-check';

export type Attrs = Readonly<Record<string, string | number | undefined>>;

export interface Node {
  readonly name: string;
  readonly attrs: Attrs;
  readonly children: readonly Node[];
  readonly text?: string;
}

export function el(name: string, attrs: Attrs = {}, children: ReadonlyArray<Node | undefined> = []): Node {
  return { name, attrs, children: children.filter((c): c is Node => c !== undefined) };
}

export function textEl(name: string, text: string, attrs: Attrs = {}): Node {
  return { name, attrs, children: [], text };
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
}

export function render(node: Node, indent = ''): string {
  const attrs = Object.entries(node.attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}='${escape(String(v))}'`)
    .join('');
  const open = `${indent}<${node.name}${attrs}`;
  if (node.text !== undefined) return `${open}>${escape(node.text)}</${node.name}>\n`;
  if (node.children.length === 0) return `${open}/>\n`;
  return `${open}>\n${node.children.map((c) => render(c, `${indent}  `)).join('')}${indent}</${node.name}>\n`;
}

export const hex = (n: number, width: number): string => `0x${n.toString(16).padStart(width, '0')}`;

/** `arb` one time in `rarity`, otherwise undefined (fast-check shrinks towards undefined). */
export function opt<T>(arb: fc.Arbitrary<T>, rarity = 2): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: rarity - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
}
