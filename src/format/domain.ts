/**
 * The inactive domain XML libvirt writes (virDomainDefFormatInternal with
 * VIR_DOMAIN_DEF_FORMAT_INACTIVE), for everything teamctl models.
 */
import type { CpuDef, Domain, Features, Timer } from '../model/domain.js';
import type { FormatContext } from './context.js';
import { formatDevices } from './devices.js';
import { writeMetadata } from './metadata.js';
import { onOff, yesNo } from './values.js';
import { XmlWriter } from './xml-writer.js';
import { formatCpuset } from './cpuset.js';

export function formatDomainXml(domain: Domain): string {
  const w = new XmlWriter();
  const ctx: FormatContext = { domain };
  w.element('domain', [['type', domain.type]], (b) => formatDomainBody(b, ctx));
  return w.toString();
}

function formatDomainBody(w: XmlWriter, ctx: FormatContext): void {
  const d = ctx.domain;
  w.textElement('name', d.name);
  if (d.uuid !== undefined) w.textElement('uuid', d.uuid);
  if (d.title !== undefined) w.textElement('title', d.title);
  if (d.description !== undefined) w.textElement('description', d.description);
  if (d.metadataXml !== undefined) writeMetadata(w, d.metadataXml);
  w.textElement('memory', String(d.memory), [['unit', 'KiB']]);
  // virDomainDefPostParseMemory: no (or too large a) current size means all of it.
  const current = d.currentMemory === undefined || d.currentMemory === 0 || d.currentMemory > d.memory ? d.memory : d.currentMemory;
  w.textElement('currentMemory', String(current), [['unit', 'KiB']]);
  if (d.memoryBacking?.locked) w.element('memoryBacking', [], (m) => m.element('locked'));
  const v = d.vcpu;
  w.textElement('vcpu', String(v.count), [
    ['placement', v.placement ?? 'static'],
    ['cpuset', v.cpuset !== undefined ? formatCpuset(v.cpuset) : undefined],
    ['current', v.current !== undefined && v.current < v.count ? v.current : undefined],
  ]);
  formatOs(w, d);
  formatFeatures(w, d.features);
  if (d.cpu) formatCpu(w, d.cpu);
  w.element('clock', [['offset', d.clock.offset]], (c) => {
    for (const t of d.clock.timers) formatTimer(c, t);
  });
  w.textElement('on_poweroff', d.onPoweroff ?? 'destroy');
  w.textElement('on_reboot', d.onReboot ?? 'restart');
  w.textElement('on_crash', d.onCrash ?? 'destroy');
  w.optionalElement('pm', [], (p) => {
    if (d.pm.suspendToMem !== undefined) p.element('suspend-to-mem', [['enabled', yesNo(d.pm.suspendToMem)]]);
    if (d.pm.suspendToDisk !== undefined) p.element('suspend-to-disk', [['enabled', yesNo(d.pm.suspendToDisk)]]);
  });
  formatDevices(w, ctx);
}

function formatOs(w: XmlWriter, d: Domain): void {
  w.element('os', [], (o) => {
    o.textElement('type', d.os.type, [
      ['arch', d.os.arch],
      ['machine', d.os.machine],
    ]);
    for (const dev of d.os.boot) o.element('boot', [['dev', dev]]);
    const bm = d.os.bootmenu;
    // libvirt writes <bootmenu> only when enable= was given; a lone timeout is not kept.
    if (bm?.enable !== undefined) o.element('bootmenu', [['enable', yesNo(bm.enable)], ['timeout', bm.timeout]]);
  });
}

/** virDomainDefFormatFeatures, in libvirt's feature order (acpi, apic, pae, …, vmport). */
function formatFeatures(w: XmlWriter, f: Features): void {
  w.optionalElement('features', [], (b) => {
    if (f.acpi) b.element('acpi');
    if (f.apic) b.element('apic');
    if (f.pae) b.element('pae');
    if (f.vmport !== undefined) b.element('vmport', [['state', onOff(f.vmport)]]);
  });
}

/** virCPUDefFormatBufFull for a guest CPU. */
function formatCpu(w: XmlWriter, cpu: CpuDef): void {
  const mode = cpu.mode ?? 'custom';
  // Attributes only when there is more than topology or cache.
  const withAttrs = mode !== 'custom' || cpu.model !== undefined;
  const hostLike = mode === 'host-passthrough' || mode === 'maximum';
  w.optionalElement(
    'cpu',
    withAttrs
      ? [
          ['mode', mode],
          ['match', mode === 'custom' ? (cpu.match ?? 'exact') : undefined],
          ['check', cpu.check],
          ['migratable', hostLike ? onOff(cpu.migratable) : undefined],
        ]
      : [],
    (c) => {
      const formatModel = mode === 'custom' || mode === 'host-model';
      if (formatModel && (cpu.model || cpu.vendorId !== undefined)) {
        const attrs: [string, string | undefined][] = [
          ['fallback', cpu.model ? (cpu.model.fallback ?? 'allow') : undefined],
          ['vendor_id', cpu.vendorId],
        ];
        if (cpu.model) c.textElement('model', cpu.model.name, attrs);
        else c.element('model', attrs);
      }
      if (formatModel && cpu.vendor !== undefined) c.textElement('vendor', cpu.vendor);
      const t = cpu.topology;
      if (t) {
        c.element('topology', [
          ['sockets', t.sockets],
          ['dies', t.dies],
          ['clusters', t.clusters],
          ['cores', t.cores],
          ['threads', t.threads],
        ]);
      }
      if (cpu.cache) c.element('cache', [['level', cpu.cache.level], ['mode', cpu.cache.mode]]);
      for (const f of cpu.features ?? []) c.element('feature', [['policy', f.policy], ['name', f.name]]);
    },
  );
}

function formatTimer(w: XmlWriter, t: Timer): void {
  w.element('timer', [
    ['name', t.name],
    ['present', yesNo(t.present)],
    ['tickpolicy', t.tickpolicy],
    ['track', t.track],
  ]);
}
