/**
 * Minimal edits of the user's XML text. The DOM (with xmldom's locator) finds
 * the elements; the edits are spliced into the original text, so everything
 * else — quotes, comments, indentation, line endings — stays byte for byte.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

const ELEMENT_NODE = 1;

export interface Source {
  readonly text: string;
  readonly doc: Document;
  readonly newline: string;
  readonly lineStarts: readonly number[];
}

export interface Edit {
  /** Offset in the original text. */
  readonly at: number;
  /** Characters replaced from `at`. */
  readonly remove: number;
  readonly insert: string;
}

export function loadSource(text: string): Source {
  const doc = new DOMParser({ locator: true, onError: () => undefined }).parseFromString(text, 'text/xml');
  return { text, doc, newline: text.includes('\r\n') ? '\r\n' : '\n', lineStarts: lineStarts(text) };
}

/** Line breaks as xmldom's locator counts them: \r\n, \r or \n. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\r' || c === '\n') starts.push(i + 1);
  }
  return starts;
}

export function elementChildren(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE && (name === undefined || n.nodeName === name)) out.push(n as Element);
  }
  return out;
}

/** The <interface> or <hostdev> elements of <devices>, in document order. */
export function deviceElements(src: Source, name: 'interface' | 'hostdev'): Element[] {
  const devices = elementChildren(src.doc.documentElement!, 'devices')[0];
  return devices ? elementChildren(devices, name) : [];
}

function startOf(src: Source, el: Element): number {
  const line = (el as unknown as { lineNumber?: number }).lineNumber;
  const column = (el as unknown as { columnNumber?: number }).columnNumber;
  if (line === undefined || column === undefined) throw new Error(`no source position for <${el.nodeName}>`);
  return src.lineStarts[line - 1]! + column - 1;
}

/** [start, end) of the element's start tag; quotes may hide a '>'. */
function startTag(src: Source, el: Element): { start: number; end: number; selfClosing: boolean } {
  const start = startOf(src, el);
  let quote: string | undefined;
  for (let i = start + 1; i < src.text.length; i++) {
    const c = src.text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return { start, end: i + 1, selfClosing: src.text[i - 1] === '/' };
  }
  throw new Error(`unterminated start tag <${el.nodeName}>`);
}

/** Set an attribute, keeping the tag's quote style; added after the last attribute when absent. */
export function setAttribute(src: Source, el: Element, name: string, value: string): Edit {
  const tag = startTag(src, el);
  const text = src.text.slice(tag.start, tag.end);
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:'([^']*)'|"([^"]*)")`).exec(text);
  if (m) {
    const quoted = m[1] !== undefined ? `'${m[1]}'` : `"${m[2]}"`;
    const valueAt = tag.start + m.index + m[0].length - quoted.length;
    const q = quoted[0]!;
    return { at: valueAt, remove: quoted.length, insert: `${q}${value}${q}` };
  }
  const q = /=\s*"/.test(text) && !/=\s*'/.test(text) ? '"' : "'";
  let at = tag.end - (tag.selfClosing ? 2 : 1);
  while (/\s/.test(src.text[at - 1]!)) at--;
  return { at, remove: 0, insert: ` ${name}=${q}${value}${q}` };
}

/** Insert a child element as the first child, on its own line, indented like its siblings. */
export function prependChild(src: Source, parent: Element, snippet: string): Edit {
  const tag = startTag(src, parent);
  if (tag.selfClosing) throw new Error(`<${parent.nodeName}> has no children to sit beside`);
  const first = elementChildren(parent)[0];
  if (!first) return { at: tag.end, remove: 0, insert: `${src.newline}${(indentOf(src, tag.start) ?? '') + '  '}${snippet}` };
  const indent = indentOf(src, startOf(src, first));
  // Children written on one line with their parent stay on one line.
  return { at: tag.end, remove: 0, insert: indent === undefined ? snippet : `${src.newline}${indent}${snippet}` };
}

/** The whitespace before `offset` on its line, or undefined when other text precedes it. */
function indentOf(src: Source, offset: number): string | undefined {
  let lineStart = offset;
  while (lineStart > 0 && src.text[lineStart - 1] !== '\n' && src.text[lineStart - 1] !== '\r') lineStart--;
  const before = src.text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** Apply edits to the original text; edits at one offset keep their given order. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.at - a.e.at || b.i - a.i);
  let out = text;
  for (const { e } of order) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  return out;
}
