/** The guest <cpu> element, as libvirt's virCPUDefParseXML reads it for a guest CPU. */
import { unsupported, xmlError } from '../errors.js';
import type { CpuCache, CpuDef, CpuFeature, CpuFeaturePolicy } from '../model/domain.js';
import type { El } from './xml.js';

const CPU_MODES = ['custom', 'host-model', 'host-passthrough', 'maximum'] as const;
const FEATURE_POLICIES: readonly CpuFeaturePolicy[] = ['force', 'require', 'optional', 'disable', 'forbid'];
/** VIR_CPU_VENDOR_ID_LENGTH: CPUID's vendor string is 12 characters. */
const VENDOR_ID_LENGTH = 12;

export function parseCpu(el: El): CpuDef {
  const cpu: CpuDef = {};
  const modeText = el.attr('mode');
  if (modeText !== undefined) {
    if (!(CPU_MODES as readonly string[]).includes(modeText)) {
      throw unsupported('xml.cpu-mode', `Invalid mode attribute '${modeText}'`);
    }
    cpu.mode = modeText as CpuDef['mode'] & string;
  }
  const mode = cpu.mode ?? 'custom';
  const migratable = el.onOffAttr('migratable');
  if (migratable !== undefined) {
    if (mode !== 'host-passthrough' && mode !== 'maximum') {
      throw unsupported('xml.cpu-migratable', "Attribute migratable is only allowed for 'host-passthrough' / 'maximum' CPU mode");
    }
    cpu.migratable = migratable;
  }
  const match = el.enumAttr('match', ['minimum', 'exact', 'strict'] as const);
  const check = el.enumAttr('check', ['none', 'partial', 'full'] as const);
  if (match !== undefined) cpu.match = match;
  if (check !== undefined) cpu.check = check;

  // A host-passthrough or maximum CPU has no model; libvirt ignores <model> there.
  const model = el.child('model');
  if (model) {
    const name = model.text().trim();
    if (mode !== 'host-passthrough' && mode !== 'maximum') {
      const fallback = model.enumAttr('fallback', ['allow', 'forbid'] as const);
      const vendorId = model.attr('vendor_id');
      if (vendorId !== undefined) {
        if (vendorId.length !== VENDOR_ID_LENGTH) {
          throw xmlError('xml.cpu-vendor-id', `vendor_id must be exactly ${VENDOR_ID_LENGTH} characters long`);
        }
        if (vendorId.includes(',')) throw xmlError('xml.cpu-vendor-id', 'vendor id is invalid');
        cpu.vendorId = vendorId;
      }
      if (name !== '') cpu.model = { name, ...(fallback !== undefined ? { fallback } : {}) };
    } else {
      model.attr('fallback');
      model.attr('vendor_id');
    }
    model.finish();
  }
  const vendor = el.child('vendor');
  if (vendor) {
    const text = vendor.text();
    vendor.finish();
    if (!cpu.model) throw xmlError('xml.cpu-vendor', 'CPU vendor specified without CPU model');
    cpu.vendor = text;
  }

  const topo = el.child('topology');
  if (topo) {
    const sockets = topo.uintAttr('sockets', { nonZero: true });
    const dies = topo.uintAttr('dies', { nonZero: true }) ?? 1;
    const clusters = topo.uintAttr('clusters', { nonZero: true }) ?? 1;
    const cores = topo.uintAttr('cores', { nonZero: true });
    const threads = topo.uintAttr('threads', { nonZero: true });
    topo.finish();
    if (sockets === undefined || cores === undefined || threads === undefined) {
      throw xmlError('xml.cpu-topology', 'Missing sockets, cores or threads in CPU topology specification');
    }
    cpu.topology = { sockets, dies, clusters, cores, threads };
  }

  const features = el.children('feature');
  if (features.length > 0) {
    if (!cpu.model && mode === 'custom') {
      throw xmlError('xml.cpu-features', 'Non-empty feature list specified without CPU model');
    }
    cpu.features = features.map((f, i) => parseFeature(f, features.slice(0, i)));
  }

  const caches = el.children('cache');
  if (caches.length > 1) throw xmlError('xml.cpu-cache', 'at most one CPU cache element may be specified');
  if (caches[0]) cpu.cache = parseCache(caches[0]);
  el.finish();
  return cpu;
}

function parseFeature(f: El, before: readonly El[]): CpuFeature {
  const policyText = f.attr('policy');
  let policy: CpuFeaturePolicy = 'require';
  if (policyText !== undefined) {
    if (!(FEATURE_POLICIES as readonly string[]).includes(policyText)) {
      throw unsupported('xml.cpu-feature-policy', 'Invalid CPU feature policy');
    }
    policy = policyText as CpuFeaturePolicy;
  }
  const name = f.attr('name');
  if (name === undefined || name === '') throw xmlError('xml.cpu-feature-name', 'Invalid CPU feature name');
  if (before.some((b) => b.attr('name') === name)) {
    throw xmlError('xml.cpu-feature-twice', `CPU feature '${name}' specified more than once`);
  }
  f.finish();
  return { name, policy };
}

function parseCache(c: El): CpuCache {
  const level = c.uintAttr('level');
  if (level !== undefined && (level < 1 || level > 3)) {
    throw xmlError('xml.cpu-cache-level', 'invalid CPU cache level, must be in range [1,3]');
  }
  const mode = c.requiredEnumAttr('mode', ['emulate', 'passthrough', 'disable'] as const);
  c.finish();
  return { mode, ...(level !== undefined ? { level } : {}) };
}
