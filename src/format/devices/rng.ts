/** <rng> (libvirt's virDomainRNGDefFormat). */
import type { ChrSource } from '../../model/chardev.js';
import type { Rng } from '../../model/rng.js';
import type { DeviceFormatter } from '../context.js';
import { formatDeviceInfo } from '../device-info.js';
import { escapeXml, XmlWriter } from '../xml-writer.js';
import { chrTypeAttr, formatChrSource } from './chardev-source.js';
import { virtioOptionAttrs } from './virtio-options.js';

export const formatRng: DeviceFormatter<Rng> = (w, rng) => {
  w.element('rng', [['model', rng.model]], (c) => {
    if (rng.rate) c.element('rate', [['bytes', rng.rate.bytes], ['period', rng.rate.period || undefined]]);
    const b = rng.backend;
    switch (b.model) {
      case 'random':
        if (b.file !== undefined) c.textElement('backend', b.file, [['model', 'random']]);
        else c.element('backend', [['model', 'random']]);
        break;
      case 'egd':
        formatEgdBackend(c, b.source);
        break;
      case 'builtin':
        c.element('backend', [['model', 'builtin']]);
        break;
    }
    c.optionalElement('driver', virtioOptionAttrs(rng.driver));
    formatDeviceInfo(c, rng.info);
  });
};

/** libvirt always writes an open and a close tag here, even around no source (a pty). */
function formatEgdBackend(w: XmlWriter, source: ChrSource): void {
  const inner = new XmlWriter(1);
  formatChrSource(inner, source);
  const type = escapeXml(chrTypeAttr(source)[1] as string);
  w.raw(`<backend model='egd' type='${type}'>\n${inner.toString()}</backend>`);
}
