/** `lintDomain`: the teaming diagnostics for one domain XML, as data. */
import { prepareLint, type LintContext, type LintOptions, type TeamDevice } from './context.js';
import { strict, type Diagnostic } from './diagnostic.js';
import { analyze, type Analysis } from './pairing.js';
import { macRules } from './rules/mac.js';
import { networkRules } from './rules/network.js';
import { pairingRules } from './rules/pairing.js';
import { placementRules } from './rules/placement.js';
import { qemuRules, shapeRules } from './rules/shape.js';

export interface LintResult {
  readonly source: string;
  readonly diagnostics: readonly Diagnostic[];
}

type DeviceRule = (dev: TeamDevice, a: Analysis) => Diagnostic[];

/** Per device, in this order: libvirt's own rules, pairing, network, MAC, placement. */
const DEVICE_RULES: readonly DeviceRule[] = [shapeRules, pairingRules, networkRules, macRules, placementRules];

export function lintDomain(xml: string, options: LintOptions = {}): LintResult {
  const prepared = prepareLint(xml, options);
  const found = [...prepared.rejected, ...(prepared.context ? lintContext(prepared.context) : [])];
  return { source: options.source ?? 'domain XML', diagnostics: options.strict ? strict(found) : found };
}

export function lintContext(context: LintContext): Diagnostic[] {
  const analysis = analyze(context);
  return [...qemuRules(context), ...context.devices.flatMap((dev) => DEVICE_RULES.flatMap((rule) => rule(dev, analysis)))];
}
