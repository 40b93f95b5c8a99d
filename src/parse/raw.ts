/** Keeping opaque XML (metadata, host-side-only interface settings) verbatim. */
import { XMLSerializer, type Element } from '@xmldom/xmldom';

const serializer = new XMLSerializer();

export function serializeElement(node: Element): string {
  return serializer.serializeToString(node);
}
