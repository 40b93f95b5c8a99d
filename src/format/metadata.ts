/**
 * <metadata> as libvirt writes it: libxml2's xmlNodeDump with formatting on
 * (virXMLFormatMetadata) of a tree parsed without blank text nodes. So: two
 * spaces per level; an element whose children are all elements gets one child
 * per line, one with text stays on one line; namespace declarations come
 * before the other attributes; attribute values in double quotes, escaped as
 * libxml2 escapes them.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import type { XmlWriter } from './xml-writer.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const COMMENT_NODE = 8;

export function writeMetadata(w: XmlWriter, xml: string): void {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
  w.raw(dumpNode(root, 0).join('\n'));
}

function isBlankText(n: Node): boolean {
  return n.nodeType === TEXT_NODE && /^[ \t\r\n]*$/.test(n.nodeValue ?? '');
}

/** Children as libxml2 keeps them under XML_PARSE_NOBLANKS: blank text between elements goes. */
function keptChildren(el: Element): Node[] {
  const all: Node[] = [];
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) all.push(n);
  const hasElements = all.some((n) => n.nodeType === ELEMENT_NODE);
  return hasElements ? all.filter((n) => !isBlankText(n)) : all;
}

function startTag(el: Element): string {
  const decls: string[] = [];
  const attrs: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    const text = ` ${a.name}="${escapeAttr(a.value)}"`;
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) decls.push(text);
    else attrs.push(text);
  }
  return `<${el.nodeName}${decls.join('')}${attrs.join('')}`;
}

/** The node's lines, indented for `level` below the first line's own position. */
function dumpNode(el: Element, level: number): string[] {
  const kids = keptChildren(el);
  const open = startTag(el);
  if (kids.length === 0) return [`${open}/>`];
  // libxml2 formats children only when none of them is text.
  const formatted = kids.every((k) => k.nodeType === ELEMENT_NODE || k.nodeType === COMMENT_NODE);
  if (!formatted) return [`${open}>${kids.map(inline).join('')}</${el.nodeName}>`];
  const pad = '  '.repeat(level + 1);
  const lines = [`${open}>`];
  for (const k of kids) {
    const child = k.nodeType === ELEMENT_NODE ? dumpNode(k as Element, level + 1) : [`<!--${k.nodeValue ?? ''}-->`];
    lines.push(`${pad}${child[0]!}`, ...child.slice(1));
  }
  lines.push(`${'  '.repeat(level)}</${el.nodeName}>`);
  return lines;
}

/** A node inside mixed content: written as it is, without added whitespace. */
function inline(n: Node): string {
  switch (n.nodeType) {
    case TEXT_NODE:
      return escapeText(n.nodeValue ?? '');
    case CDATA_SECTION_NODE:
      return `<![CDATA[${n.nodeValue ?? ''}]]>`;
    case COMMENT_NODE:
      return `<!--${n.nodeValue ?? ''}-->`;
    case ELEMENT_NODE: {
      const el = n as Element;
      const kids: Node[] = [];
      for (let c: Node | null = el.firstChild; c; c = c.nextSibling) kids.push(c);
      const open = startTag(el);
      return kids.length === 0 ? `${open}/>` : `${open}>${kids.map(inline).join('')}</${el.nodeName}>`;
    }
    default:
      return '';
  }
}

function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[c]!);
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c]!);
}
