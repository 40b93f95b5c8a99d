/**
 * Markup teamctl keeps verbatim from the input (host-side-only interface
 * elements), written back the way libvirt writes it; <metadata> is format/metadata.ts.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import type { XmlWriter } from './xml-writer.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function parseKept(xml: string): Element {
  return new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
}

function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE) out.push(n as Element);
  return out;
}

/**
 * An element libvirt parses and formats with its own formatter (vlan,
 * virtualport, bandwidth, filterref): single quotes, two-space indentation,
 * attributes in the order they were written.
 */
export function writeKeptElement(w: XmlWriter, xml: string): void {
  writeElement(w, parseKept(xml));
}

function writeElement(w: XmlWriter, el: Element): void {
  const attrs: Array<[string, string]> = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    attrs.push([a.name, a.value]);
  }
  const kids = childElements(el);
  let text = '';
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) if (n.nodeType === TEXT_NODE) text += n.nodeValue ?? '';
  if (kids.length === 0 && text.trim() !== '') {
    w.textElement(el.nodeName, text.trim(), attrs);
    return;
  }
  w.element(el.nodeName, attrs, (c) => {
    for (const k of kids) writeElement(c, k);
  });
}

/** The kept element's name, e.g. 'vlan'. */
export function keptElementName(xml: string): string {
  return parseKept(xml).nodeName;
}
