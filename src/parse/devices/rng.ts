/** <rng> (libvirt's virDomainRNGDefParseXML). */
import { unsupported, xmlError } from '../../errors.js';
import { CHR_SOURCE_TYPES, type ChrSourceType } from '../../model/chardev.js';
import { RNG_MODELS, type Rng, type RngBackend } from '../../model/rng.js';
import { parseDeviceInfo, type ParseContext } from '../common.js';
import { parseVirtioOptions } from '../virtio-options.js';
import type { El } from '../xml.js';
import { parseChrSource } from './chardev-source.js';

export function parseRng(el: El, ctx: ParseContext): Rng {
  const model = el.requiredEnumAttr('model', RNG_MODELS);
  const rate = parseRate(el.child('rate'));
  const backends = el.children('backend');
  if (backends.length !== 1) throw xmlError('xml.rng-backend', 'only one RNG backend is supported');
  const backend = parseBackend(backends[0]!, ctx);
  const info = parseDeviceInfo(el, ctx);
  const driverEl = el.child('driver');
  const driver = driverEl ? parseVirtioOptions(driverEl) : undefined;
  driverEl?.finish();
  el.finish();
  return { model, backend, ...(rate !== undefined ? { rate } : {}), ...(driver !== undefined ? { driver } : {}), info };
}

/** <rate bytes='N' period='MS'/>: the period only counts when bytes is set. */
function parseRate(el: El | undefined): Rng['rate'] {
  if (!el) return undefined;
  const bytes = uintOr(el, 'bytes', 'invalid RNG rate bytes value');
  let period: number | undefined;
  if (bytes !== undefined && bytes > 0) period = uintOr(el, 'period', 'invalid RNG rate period value');
  else el.attr('period');
  el.finish();
  if (bytes === undefined || bytes === 0) return undefined;
  return { bytes, ...(period !== undefined ? { period } : {}) };
}

function uintOr(el: El, name: string, message: string): number | undefined {
  const raw = el.attr(name);
  if (raw === undefined) return undefined;
  if (!/^\s*\+?[0-9]+\s*$/.test(raw) || Number(raw) > 0xffffffff) throw xmlError('xml.rng-rate', message);
  return Number(raw);
}

function parseBackend(el: El, ctx: ParseContext): RngBackend {
  const model = el.requiredEnumAttr('model', ['random', 'egd', 'builtin'] as const);
  let backend: RngBackend;
  switch (model) {
    case 'random': {
      // libvirt takes the element's text as is; an empty one means the default file.
      const text = el.text();
      backend = text !== '' ? { model, file: text } : { model };
      break;
    }
    case 'egd': {
      const type = el.attr('type');
      if (type === undefined) throw xmlError('xml.rng-egd-type', 'missing EGD backend type');
      backend = { model, source: parseChrSource(el, egdType(type), ctx) };
      break;
    }
    case 'builtin':
      backend = { model };
      break;
  }
  el.finish();
  return backend;
}

function egdType(raw: string): ChrSourceType {
  if (!(CHR_SOURCE_TYPES as readonly string[]).includes(raw)) {
    throw unsupported('parse.rng-egd-type', `unknown backend type '${raw}' for egd`);
  }
  return raw as ChrSourceType;
}

