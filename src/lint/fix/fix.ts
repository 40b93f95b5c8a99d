/**
 * `teamctl lint --fix`: the fixes that cannot change what the user meant —
 * copy the persistent MAC to the VF's interface (or the VF's MAC to a
 * persistent interface that has none), give a persistent interface the user
 * alias libvirt needs and point its transient at it. Edits go into the input
 * text (see source.ts); the result is linted again until nothing is left to fix.
 */
import type { Element } from '@xmldom/xmldom';
import { isUserAlias } from '../../model/address.js';
import { allDevices } from '../../postparse/devices.js';
import type { LintCode } from '../codes.js';
import { libvirtSetsVfMac, prepareLint, type LintOptions, type TeamDevice } from '../context.js';
import { describe } from '../describe.js';
import type { DeviceRef, Diagnostic } from '../diagnostic.js';
import { lintDomain } from '../lint.js';
import { analyze, isPersistent, isRealPairing, type Analysis } from '../pairing.js';
import { applyEdits, deviceElements, elementChildren, loadSource, prependChild, setAttribute, type Edit, type Source } from './source.js';

export interface FixChange {
  /** The diagnostics this change resolves. */
  readonly codes: readonly LintCode[];
  readonly device: DeviceRef;
  readonly description: string;
}

export interface FixResult {
  readonly source: string;
  /** The domain XML with the fixes applied (the input, when nothing could be fixed). */
  readonly xml: string;
  readonly changes: readonly FixChange[];
  /** What lint still reports on the fixed XML. */
  readonly diagnostics: readonly Diagnostic[];
}

interface Planned {
  readonly edit: Edit;
  readonly change: FixChange;
}

/** Fixing one thing can reveal the next (an alias makes a pairing real, then its MAC is checked). */
const MAX_ROUNDS = 4;

export function fixDomain(xml: string, options: LintOptions = {}): FixResult {
  let text = xml;
  const changes: FixChange[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { context } = prepareLint(text, options);
    if (!context) break;
    const plan = planFixes(loadSource(text), analyze(context));
    if (plan.length === 0) break;
    text = applyEdits(text, plan.map((p) => p.edit));
    changes.push(...plan.map((p) => p.change));
  }
  const after = lintDomain(text, options);
  return { source: after.source, xml: text, changes, diagnostics: after.diagnostics };
}

function planFixes(src: Source, a: Analysis): Planned[] {
  const aliasPlan = planAliases(src, a);
  // MACs are checked against real pairings only, so they wait for the next round when aliases changed.
  return aliasPlan.length > 0 ? aliasPlan : planMacs(src, a);
}

function elementOf(src: Source, dev: TeamDevice): Element {
  const el = deviceElements(src, dev.element)[dev.index];
  if (!el) throw new Error(`lint --fix: <${dev.element}> number ${dev.index + 1} not found in the source`);
  return el;
}

function childOf(el: Element, name: string): Element | undefined {
  return elementChildren(el, name)[0];
}

const ALIAS_CHARS = /^[A-Za-z0-9_-]+$/;

/** A user alias for every persistent interface without one; its transients are pointed at it. */
function planAliases(src: Source, a: Analysis): Planned[] {
  const taken = new Set(allDevices(a.context.domain).flatMap((r) => (r.info.alias !== undefined ? [r.info.alias] : [])));
  const out: Planned[] = [];
  for (const p of a.context.devices) {
    if (!isPersistent(p) || isUserAlias(p.info.alias)) continue;
    const transients = [...a.pairings].filter(([, pair]) => pair.persistent === p && (pair.kind === 'generated-alias' || pair.kind === 'guess'));
    const named = transients.map(([t]) => t.teaming?.persistent ?? '');
    const name = chooseAlias(named, p.info.alias, taken);
    taken.add(name);
    const el = elementOf(src, p);
    const existing = childOf(el, 'alias');
    out.push({
      edit: existing ? setAttribute(src, existing, 'name', name) : prependChild(src, el, `<alias name='${name}'/>`),
      change: {
        // A transient that named nothing names this alias once it exists.
        codes: transients.some(([, pair]) => pair.kind === 'guess') ? ['teaming.persistent-alias-missing', 'teaming.persistent-unknown'] : ['teaming.persistent-alias-missing'],
        device: describe(p),
        description: `gave it the user alias <alias name='${name}'/>`,
      },
    });
    for (const [t, pair] of transients) {
      if (t.teaming?.persistent === name) continue;
      const teaming = childOf(elementOf(src, t), 'teaming');
      if (!teaming) continue;
      out.push({
        edit: setAttribute(src, teaming, 'persistent', name),
        change: {
          codes: [pair.kind === 'guess' ? 'teaming.persistent-unknown' : 'teaming.persistent-alias-missing'],
          device: describe(t),
          description: `pointed <teaming persistent='${t.teaming?.persistent ?? ''}'> at '${name}'`,
        },
      });
    }
  }
  return out;
}

/** A 'ua-' name the user already wrote in persistent=, else one made from it or from the generated id. */
function chooseAlias(named: readonly string[], generated: string | undefined, taken: ReadonlySet<string>): string {
  const written = named.find((n) => isUserAlias(n) && ALIAS_CHARS.test(n) && !taken.has(n));
  if (written) return written;
  const base = [...named, generated ?? 'net'].find((n) => n !== '' && ALIAS_CHARS.test(n))!;
  const stem = `ua-${base.replace(/^ua-/, '')}`;
  let name = stem;
  for (let i = 1; taken.has(name); i++) name = `${stem}-${i}`;
  return name;
}

function planMacs(src: Source, a: Analysis): Planned[] {
  const out: Planned[] = [];
  for (const [t, pair] of a.pairings) {
    if (!isRealPairing(pair) || t.element !== 'interface' || !libvirtSetsVfMac(t)) continue;
    const p = pair.persistent;
    if (p.macExplicit && (!t.macExplicit || t.mac !== p.mac)) out.push(setMac(src, t, p.mac!, `set <mac address='${p.mac}'/> like ${p.info.alias}`));
    else if (t.macExplicit && !p.macExplicit && (a.partners.get(p) ?? []).length === 1) {
      out.push(setMac(src, p, t.mac!, `set <mac address='${t.mac}'/> like its VF ${t.info.alias}`));
    }
  }
  return out;
}

function setMac(src: Source, dev: TeamDevice, mac: string, description: string): Planned {
  const el = elementOf(src, dev);
  const existing = childOf(el, 'mac');
  return {
    edit: existing ? setAttribute(src, existing, 'address', mac) : prependChild(src, el, `<mac address='${mac}'/>`),
    change: { codes: ['teaming.mac-mismatch'], device: describe(dev), description },
  };
}

