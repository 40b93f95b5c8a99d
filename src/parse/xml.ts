/**
 * Safe XML loading and a small element reader that remembers what the parser
 * consumed, so anything a user wrote that teamctl does not understand is
 * reported instead of silently dropped.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { unsupported, xmlError } from '../errors.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** libxml2's defaults, which libvirt parses with: documents this big or deep are refused. */
export const MAX_XML_BYTES = 10 * 1024 * 1024;
export const MAX_XML_DEPTH = 256;

/** Parse XML text into a document; DOCTYPEs and entity declarations are refused. */
export function parseXmlDocument(text: string, what?: string): Document {
  const at = what === undefined ? '' : `${what}: `;
  if (text.length > MAX_XML_BYTES) {
    throw xmlError('xml.too-large', `${at}document is larger than ${MAX_XML_BYTES / 1024 / 1024} MiB`);
  }
  // libvirt never needs a DTD; refusing it rules out entity expansion and
  // external entity attacks before the parser sees them.
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw xmlError('xml.doctype', `${at}DOCTYPE and entity declarations are not allowed`);
  }
  const errors: string[] = [];
  const parser = new DOMParser({
    normalizeLineEndings: xml10LineEndings,
    onError: (level: string, msg: string) => {
      if (level !== 'warning') errors.push(String(msg).split('\n')[0]!.trim());
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (e) {
    throw xmlError('xml.malformed', `${at}malformed XML: ${firstLine(e)}`);
  }
  if (errors.length > 0) throw xmlError('xml.malformed', `${at}malformed XML: ${errors[0]}`);
  if (!doc.documentElement) throw xmlError('xml.empty', `${at}no root element`);
  checkDepth(doc.documentElement, at);
  return doc;
}

/**
 * XML 1.0 line-end handling, as libxml2 does it: only CR LF and CR become LF.
 * xmldom's default follows XML 1.1 and would turn U+0085 and U+2028 in names
 * and paths into line breaks.
 */
function xml10LineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Iterative, so a hostile document cannot exhaust the stack. */
function checkDepth(root: Element, at: string): void {
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > MAX_XML_DEPTH) {
      throw xmlError('xml.too-deep', `${at}elements nested deeper than ${MAX_XML_DEPTH} levels`);
    }
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === ELEMENT_NODE) stack.push([c as Element, depth + 1]);
    }
  }
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0]!.replace(/^\[xmldom [a-z]+\]\s*/i, '').trim();
}

/**
 * Wraps one element. Every attribute and child the parser reads is marked;
 * `finish()` reports the first unread one as unsupported configuration.
 */
export class El {
  readonly node: Element;
  /** Path used in messages, e.g. `devices/interface[2]/teaming`. */
  readonly path: string;
  private readonly usedAttrs = new Set<string>();
  private readonly usedChildren = new Set<Element>();
  private textUsed = false;

  constructor(node: Element, path: string) {
    this.node = node;
    this.path = path;
  }

  get name(): string {
    return this.node.nodeName;
  }

  /** The attribute's value, or undefined when absent. */
  attr(name: string): string | undefined {
    this.usedAttrs.add(name);
    return this.node.hasAttribute(name) ? this.node.getAttribute(name)! : undefined;
  }

  /** A required attribute (libvirt: "Missing required attribute 'X' in element 'Y'"). */
  requiredAttr(name: string): string {
    const v = this.attr(name);
    if (v === undefined) {
      throw xmlError('xml.attr-missing', `Missing required attribute '${name}' in element '${this.name}'`);
    }
    return v;
  }

  /** An attribute restricted to a set of values (libvirt's virXMLPropEnum). */
  enumAttr<T extends string>(name: string, values: readonly T[]): T | undefined {
    const v = this.attr(name);
    if (v === undefined) return undefined;
    if (!(values as readonly string[]).includes(v)) throw this.invalidValue(name, v);
    return v as T;
  }

  requiredEnumAttr<T extends string>(name: string, values: readonly T[]): T {
    const v = this.enumAttr(name, values);
    if (v === undefined) {
      throw xmlError('xml.attr-missing', `Missing required attribute '${name}' in element '${this.name}'`);
    }
    return v;
  }

  /** yes/no attributes (libvirt's virTristateBool). */
  yesNoAttr(name: string): boolean | undefined {
    const v = this.enumAttr(name, ['yes', 'no'] as const);
    return v === undefined ? undefined : v === 'yes';
  }

  /** on/off attributes (libvirt's virTristateSwitch). */
  onOffAttr(name: string): boolean | undefined {
    const v = this.enumAttr(name, ['on', 'off'] as const);
    return v === undefined ? undefined : v === 'on';
  }

  /** Unsigned decimal attribute (libvirt's virXMLPropUInt with base 10). */
  uintAttr(name: string, opts: { nonZero?: boolean; max?: number } = {}): number | undefined {
    const v = this.attr(name);
    if (v === undefined) return undefined;
    return this.parseUint(name, v, 10, opts);
  }

  /** Unsigned attribute accepting 0x-prefixed hex like libvirt's base 0 parsing. */
  uintAnyBaseAttr(name: string, opts: { nonZero?: boolean; max?: number } = {}): number | undefined {
    const v = this.attr(name);
    if (v === undefined) return undefined;
    return this.parseUint(name, v, 0, opts);
  }

  private parseUint(name: string, raw: string, base: 0 | 10, opts: { nonZero?: boolean; max?: number }): number {
    const s = raw.trim();
    let n: number;
    if (base === 0 && /^0[xX][0-9a-fA-F]+$/.test(s)) n = parseInt(s.slice(2), 16);
    else if (base === 0 && /^0[0-7]+$/.test(s)) n = parseInt(s, 8);
    else if (/^\+?[0-9]+$/.test(s)) n = parseInt(s, 10);
    else {
      throw xmlError(
        'xml.attr-invalid',
        `Invalid value for attribute '${name}' in element '${this.name}': '${raw}'. Expected non-negative integer value`,
      );
    }
    const max = opts.max ?? 0xffffffff;
    if (!Number.isSafeInteger(n) || n > max) {
      throw xmlError(
        'xml.attr-invalid',
        `Invalid value for attribute '${name}' in element '${this.name}': '${raw}'. Expected non-negative integer value`,
      );
    }
    if (opts.nonZero && n === 0) {
      throw xmlError('xml.attr-invalid', `Invalid value for attribute '${name}' in element '${this.name}': Zero is not permitted`);
    }
    return n;
  }

  invalidValue(name: string, value: string) {
    return xmlError('xml.attr-invalid', `Invalid value for attribute '${name}' in element '${this.name}': '${value}'.`);
  }

  /** Child elements, collected once: parsers ask for children by name many times. */
  private kids: Element[] | undefined;

  private elementChildren(): Element[] {
    if (this.kids) return this.kids;
    const out: Element[] = [];
    for (let c = this.node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === ELEMENT_NODE) out.push(c as Element);
    }
    this.kids = out;
    return out;
  }

  /** Every child element, in document order, marked as read. */
  allChildren(): El[] {
    return this.elementChildren().map((c, i) => {
      this.usedChildren.add(c);
      return new El(c, `${this.path}/${c.nodeName}[${i + 1}]`);
    });
  }

  /** All children with this name, in document order. */
  children(name: string): El[] {
    const out: El[] = [];
    for (const c of this.elementChildren()) {
      if (c.nodeName !== name) continue;
      this.usedChildren.add(c);
      out.push(new El(c, `${this.path}/${name}${out.length > 0 ? `[${out.length + 1}]` : ''}`));
    }
    return out;
  }

  /** The first child with this name (libvirt's XPath `./name`). */
  child(name: string): El | undefined {
    for (const c of this.elementChildren()) {
      if (c.nodeName !== name) continue;
      this.usedChildren.add(c);
      return new El(c, `${this.path}/${name}`);
    }
    return undefined;
  }

  /** Whether a child exists, without consuming it. */
  has(name: string): boolean {
    return this.elementChildren().some((c) => c.nodeName === name);
  }

  /** Text content with surrounding whitespace kept (libvirt uses it as-is). */
  text(): string {
    this.textUsed = true;
    let s = '';
    for (let c = this.node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_SECTION_NODE) s += c.nodeValue ?? '';
    }
    return s;
  }

  /** Text of a child element, if the child exists. */
  childText(name: string): string | undefined {
    const c = this.child(name);
    if (!c) return undefined;
    const t = c.text();
    c.finish();
    return t;
  }

  /** Mark everything below as consumed (used for opaque content such as <metadata>). */
  consumeAll(): void {
    for (let i = 0; i < this.node.attributes.length; i++) this.usedAttrs.add(this.node.attributes[i]!.name);
    for (const c of this.elementChildren()) this.usedChildren.add(c);
    this.textUsed = true;
  }

  /** Report what was not read. Call once the element is fully parsed. */
  finish(): void {
    for (let i = 0; i < this.node.attributes.length; i++) {
      const a = this.node.attributes[i]!;
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
      if (!this.usedAttrs.has(a.name)) {
        throw unsupported(
          'parse.unknown-attribute',
          `attribute '${a.name}' of <${this.name}> (${this.path}) is not supported by teamctl`,
        );
      }
    }
    for (const c of this.elementChildren()) {
      if (!this.usedChildren.has(c)) {
        throw unsupported(
          'parse.unknown-element',
          `element <${c.nodeName}> in <${this.name}> (${this.path}) is not supported by teamctl`,
        );
      }
    }
    if (!this.textUsed) {
      for (let c = this.node.firstChild; c; c = c.nextSibling) {
        if ((c.nodeType === TEXT_NODE || c.nodeType === CDATA_SECTION_NODE) && (c.nodeValue ?? '').trim() !== '') {
          throw unsupported(
            'parse.unexpected-text',
            `text '${(c.nodeValue ?? '').trim().slice(0, 40)}' in <${this.name}> (${this.path}) is not supported by teamctl`,
          );
        }
      }
    }
  }
}
