/**
 * The XML text libvirt's formatter writes (virBuffer + virXMLFormatElement):
 * two spaces per level, attributes in single quotes, `<x/>` for an element
 * with neither attributes' children nor text, one element per line.
 */

/** An attribute; `undefined` values are left out, so optional settings read naturally. */
export type Attr = readonly [name: string, value: string | number | undefined];

/** virBufferEscapeString: the five characters XML cares about. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>'"]/g, (c) => ENTITIES[c]!);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };

function attrText(attrs: readonly Attr[]): string {
  let out = '';
  for (const [name, value] of attrs) {
    if (value === undefined) continue;
    out += ` ${name}='${escapeXml(String(value))}'`;
  }
  return out;
}

export class XmlWriter {
  private readonly lines: string[] = [];

  constructor(private readonly depth = 0) {}

  private get indent(): string {
    return '  '.repeat(this.depth);
  }

  /**
   * `<name attrs>` with the children `body` writes, or `<name attrs/>` when
   * it writes none (libvirt's virXMLFormatElement).
   */
  element(name: string, attrs: readonly Attr[] = [], body?: (w: XmlWriter) => void): void {
    const child = new XmlWriter(this.depth + 1);
    body?.(child);
    if (child.lines.length === 0) {
      this.lines.push(`${this.indent}<${name}${attrText(attrs)}/>`);
      return;
    }
    this.lines.push(`${this.indent}<${name}${attrText(attrs)}>`, ...child.lines, `${this.indent}</${name}>`);
  }

  /**
   * Like element(), but left out entirely when it would have neither
   * attributes nor children (virXMLFormatElement's "empty" rule).
   */
  optionalElement(name: string, attrs: readonly Attr[] = [], body?: (w: XmlWriter) => void): void {
    const child = new XmlWriter(this.depth + 1);
    body?.(child);
    if (child.lines.length === 0 && attrText(attrs) === '') return;
    if (child.lines.length === 0) {
      this.lines.push(`${this.indent}<${name}${attrText(attrs)}/>`);
      return;
    }
    this.lines.push(`${this.indent}<${name}${attrText(attrs)}>`, ...child.lines, `${this.indent}</${name}>`);
  }

  /** `<name attrs>text</name>`. */
  textElement(name: string, text: string, attrs: readonly Attr[] = []): void {
    this.lines.push(`${this.indent}<${name}${attrText(attrs)}>${escapeXml(text)}</${name}>`);
  }

  /** Markup kept verbatim from the input (metadata, opaque elements), re-indented to this level. */
  raw(xml: string): void {
    for (const line of xml.split('\n')) this.lines.push(`${this.indent}${line}`);
  }

  toString(): string {
    return this.lines.length === 0 ? '' : `${this.lines.join('\n')}\n`;
  }
}
