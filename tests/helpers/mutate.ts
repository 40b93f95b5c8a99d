/**
 * Random mutations of a domain XML: elements and attributes dropped,
 * duplicated, renamed or given hostile values. Mutations are plain data so
 * fast-check can shrink them and print them.
 */
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import fc from 'fast-check';

export type Mutation =
  | { op: 'drop-element'; at: number }
  | { op: 'duplicate-element'; at: number }
  | { op: 'rename-element'; at: number; name: string }
  | { op: 'move-element'; at: number; to: number }
  | { op: 'set-text'; at: number; value: string }
  | { op: 'drop-attr'; at: number }
  | { op: 'rename-attr'; at: number; name: string }
  | { op: 'set-attr'; at: number; value: string }
  | { op: 'add-attr'; at: number; name: string; value: string }
  | { op: 'add-element'; at: number; name: string; attr: string; value: string };

/** Values that break naive code: numbers at the edges, prototype names, Unicode, separators. */
export const HOSTILE_VALUES = [
  '',
  ' ',
  '0',
  '-1',
  '1',
  '255',
  '256',
  '65536',
  '4294967295',
  '4294967296',
  '9007199254740993',
  '18446744073709551615',
  '18446744073709551616',
  '1e309',
  '0x',
  '0xffffffffffffffffff',
  '010',
  '1.5',
  'NaN',
  'Infinity',
  'yes',
  'no',
  'on',
  'off',
  'none',
  'default',
  'auto',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'a,b',
  ',,',
  '=',
  '"\'',
  '$(id)`id`',
  '\u00e9\u2603\u{1F600}',
  '\u202e',
  '\u00a0',
  'x'.repeat(300),
  '/dev/null',
  'ua-x',
  '52:54:00:00:00:01',
  '../../etc/passwd',
] as const;

/** Names to rename to or add: the corpus vocabulary plus prototype names. */
const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

export interface Vocabulary {
  readonly elements: readonly string[];
  readonly attributes: readonly string[];
}

export function parseXml(text: string): Document {
  return new DOMParser().parseFromString(text, 'text/xml');
}

export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

function elementsOf(doc: Document): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    out.push(el);
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) walk(c as Element);
  };
  if (doc.documentElement) walk(doc.documentElement);
  return out;
}

function attributesOf(doc: Document): Array<[Element, string]> {
  const out: Array<[Element, string]> = [];
  for (const el of elementsOf(doc)) {
    for (let i = 0; i < el.attributes.length; i++) out.push([el, el.attributes[i]!.name]);
  }
  return out;
}

/** Every element and attribute name used in a set of documents. */
export function vocabulary(texts: readonly string[]): Vocabulary {
  const elements = new Set<string>(PROTO_NAMES);
  const attributes = new Set<string>(PROTO_NAMES);
  for (const t of texts) {
    const doc = parseXml(t);
    for (const el of elementsOf(doc)) elements.add(el.nodeName);
    for (const [, name] of attributesOf(doc)) attributes.add(name);
  }
  return { elements: [...elements].sort(), attributes: [...attributes].sort() };
}

const pick = <T>(list: readonly T[], at: number): T | undefined => (list.length === 0 ? undefined : list[at % list.length]);

/** Apply mutations in order; one that finds nothing to act on is a no-op. The root is never removed. */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  const doc = parseXml(text);
  for (const m of mutations) applyOne(doc, m);
  return serializeXml(doc);
}

function applyOne(doc: Document, m: Mutation): void {
  const all = elementsOf(doc);
  const nonRoot = all.slice(1);
  switch (m.op) {
    case 'drop-element': {
      const el = pick(nonRoot, m.at);
      el?.parentNode?.removeChild(el);
      return;
    }
    case 'duplicate-element': {
      const el = pick(nonRoot, m.at);
      if (el) el.parentNode?.insertBefore(el.cloneNode(true), el.nextSibling);
      return;
    }
    case 'rename-element': {
      const el = pick(nonRoot, m.at);
      if (!el) return;
      const renamed = doc.createElement(m.name);
      for (let i = 0; i < el.attributes.length; i++) renamed.setAttribute(el.attributes[i]!.name, el.attributes[i]!.value);
      while (el.firstChild) renamed.appendChild(el.firstChild);
      el.parentNode?.replaceChild(renamed, el);
      return;
    }
    case 'move-element': {
      const el = pick(nonRoot, m.at);
      const target = pick(all, m.to);
      if (!el || !target || isAncestorOrSelf(el, target)) return;
      target.appendChild(el);
      return;
    }
    case 'set-text': {
      const el = pick(nonRoot, m.at);
      if (!el) return;
      while (el.firstChild) el.removeChild(el.firstChild);
      el.appendChild(doc.createTextNode(m.value));
      return;
    }
    case 'drop-attr': {
      const a = pick(attributesOf(doc), m.at);
      a?.[0].removeAttribute(a[1]);
      return;
    }
    case 'rename-attr': {
      const a = pick(attributesOf(doc), m.at);
      if (!a) return;
      const value = a[0].getAttribute(a[1]) ?? '';
      a[0].removeAttribute(a[1]);
      a[0].setAttribute(m.name, value);
      return;
    }
    case 'set-attr': {
      const a = pick(attributesOf(doc), m.at);
      a?.[0].setAttribute(a[1], m.value);
      return;
    }
    case 'add-attr': {
      pick(all, m.at)?.setAttribute(m.name, m.value);
      return;
    }
    case 'add-element': {
      const parent = pick(all, m.at);
      if (!parent) return;
      const el = doc.createElement(m.name);
      el.setAttribute(m.attr, m.value);
      parent.appendChild(el);
      return;
    }
  }
}

function isAncestorOrSelf(a: Element, b: Element): boolean {
  for (let n: Element | null = b; n; n = n.parentNode as Element | null) if (n === a) return true;
  return false;
}

/** A hostile value: mostly from the list, sometimes any string. */
export function valueArb(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.nat({ max: 70000 }).map(String) },
  );
}

export function mutationArb(vocab: Vocabulary): fc.Arbitrary<Mutation> {
  const at = fc.nat({ max: 10_000 });
  const elName = fc.constantFrom(...vocab.elements);
  const attrName = fc.constantFrom(...vocab.attributes);
  const value = valueArb();
  return fc.oneof(
    fc.record({ op: fc.constant('drop-element' as const), at }),
    fc.record({ op: fc.constant('duplicate-element' as const), at }),
    fc.record({ op: fc.constant('rename-element' as const), at, name: elName }),
    fc.record({ op: fc.constant('move-element' as const), at, to: at }),
    fc.record({ op: fc.constant('set-text' as const), at, value }),
    fc.record({ op: fc.constant('drop-attr' as const), at }),
    fc.record({ op: fc.constant('rename-attr' as const), at, name: attrName }),
    { weight: 3, arbitrary: fc.record({ op: fc.constant('set-attr' as const), at, value }) },
    fc.record({ op: fc.constant('add-attr' as const), at, name: attrName, value }),
    fc.record({ op: fc.constant('add-element' as const), at, name: elName, attr: attrName, value }),
  );
}
