/**
 * virXMLNodeSanitizeNamespaces, run by libvirt's common post-parse on
 * <metadata>: a child without a namespace is dropped, and of several children
 * in one namespace only the first is kept. libvirt does this silently; teamctl
 * says what went.
 */
import { DOMParser, XMLSerializer, type Element, type Node } from '@xmldom/xmldom';
import type { Domain } from '../model/domain.js';

const ELEMENT_NODE = 1;

export function sanitizeMetadata(d: Domain, warnings: string[]): void {
  if (d.metadataXml === undefined) return;
  const metadata = new DOMParser().parseFromString(d.metadataXml, 'text/xml').documentElement!;
  const seen = new Set<string>();
  let changed = false;
  for (let n: Node | null = metadata.firstChild; n; ) {
    const next: Node | null = n.nextSibling;
    if (n.nodeType === ELEMENT_NODE) {
      const el = n as Element;
      const ns = el.namespaceURI;
      if (!ns) {
        warnings.push(`<metadata> child <${el.nodeName}> has no namespace: libvirt drops it`);
      } else if (seen.has(ns)) {
        warnings.push(`<metadata> child <${el.nodeName}> repeats namespace '${ns}': libvirt keeps only the first element of a namespace`);
      } else {
        seen.add(ns);
        n = next;
        continue;
      }
      metadata.removeChild(el);
      changed = true;
    }
    n = next;
  }
  if (changed) d.metadataXml = new XMLSerializer().serializeToString(metadata);
}
