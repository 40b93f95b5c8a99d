/**
 * The fuzz property: for any input, teamctl either produces a command line or
 * refuses with a one-line TeamctlError. Any other exception is a bug.
 */
import { isTeamctlError } from '../../src/errors.js';
import { xml2argv, type ConvertOptions } from '../../src/pipeline.js';

/**
 * Codes of 'internal'-category errors whose message is libvirt's own
 * VIR_ERR_INTERNAL_ERROR for a user's input (libvirt prints "internal error: …"
 * for them too; each message was checked against libvirt 11.3's sources). Any
 * other internal error is a teamctl invariant that broke (render.*, …).
 */
export const LIBVIRT_INTERNAL_ERRORS: ReadonlySet<string> = new Set([
  'alias.scsi-controller',
  'build.audio-id',
  'build.controller-alias',
  'build.disk-address',
  'build.disk-bus',
  'build.drive-address',
  'build.hostdev-backend',
  'build.pci-model',
  'build.scsi-controller',
  'build.scsi-model',
  'build.serial-model',
  'build.usb-bus',
  'build.usb-host-address',
  'build.usb-master',
  'build.video-address',
  'build.video-model',
  'build.virtio-address',
  'build.virtio-input-address',
  'build.virtio-serial-address',
  'build.virtio-serial-controller',
  'build.vnc-listen',
  'chr.missing-host',
  'chr.missing-path',
  'chr.missing-service',
  'chr.reconnect-bind',
  'controller.pci-device',
  'controller.pci-model',
  'controller.pci-option',
  'controller.scsi-model',
  'disk.address-type',
  'disk.fdc-bus',
  'disk.fdc-controller',
  'disk.floppy-bus',
  'disk.ide-controller',
  'disk.name',
  'disk.scsi-bus',
  'disk.serial',
  'disk.wwn',
  'hostdev.pci-address',
  'input.ps2-type',
  'input.xen-bus',
  'net.unmanaged-no-dev',
  'parse.hub-type',
  'parse.input-type',
  'parse.mdev-uuid',
  'parse.usb-product',
  'parse.usb-vendor',
  'parse.vnc-passwd-valid-to',
  'parse.vnc-port',
  'pci.controller-index',
  'pci.controller-model',
  'pci.grow',
  'pci.invalid-address',
  'pci.no-slots',
  'pci.piix3',
  'pci.piix3-bus',
  'pci.q35-sata',
  'postparse.isa-serial-max',
  'postparse.isa-serial-port',
  'postparse.scsi-model',
  'usb.no-free-port',
  'video.no-default',
  'virtio-serial.duplicate',
  'virtio-serial.none',
  'virtio-serial.unavailable',
  'xml.route',
  'xml.usb-port',
]);

export type Outcome =
  | { kind: 'ok'; args: string }
  | { kind: 'rejected'; text: string; code: string; exitCode: number };

/** Run the library pipeline; a thrown value that breaks the property is rethrown with context. */
export function convert(xml: string, options: ConvertOptions): Outcome {
  try {
    return { kind: 'ok', args: xml2argv(xml, options).args };
  } catch (e) {
    if (!isTeamctlError(e)) throw e;
    return { kind: 'rejected', text: e.text, code: e.code, exitCode: e.exitCode };
  }
}

/** Problems with an outcome, empty when the property holds. */
export function outcomeProblems(o: Outcome, ms: number, limitMs = 1000): string[] {
  const problems: string[] = [];
  if (ms > limitMs) problems.push(`took ${ms} ms`);
  if (o.kind === 'ok') return problems;
  if (o.text.includes('\n') || o.text.includes('\r')) problems.push(`message is not one line: ${JSON.stringify(o.text)}`);
  if (o.text.trim() === '') problems.push('empty message');
  if (o.exitCode !== 1 && o.exitCode !== 2) problems.push(`exit code ${o.exitCode}`);
  if (o.text.startsWith('internal error: ') && !LIBVIRT_INTERNAL_ERRORS.has(o.code)) {
    problems.push(`teamctl invariant broke (${o.code}): ${o.text}`);
  }
  return problems;
}

/** Assert the property for one input, reporting the seed-independent input on failure. */
export function checkInput(xml: string, options: ConvertOptions, what: string): Outcome {
  const started = performance.now();
  let o: Outcome;
  try {
    o = convert(xml, options);
  } catch (e) {
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    throw new Error(`${what}: uncaught ${detail}\n--- input (${options.qemuVersion ?? 'latest'}) ---\n${xml}`);
  }
  const problems = outcomeProblems(o, Math.round(performance.now() - started));
  if (problems.length > 0) {
    throw new Error(`${what}: ${problems.join('; ')}\n--- input (${options.qemuVersion ?? 'latest'}) ---\n${xml}`);
  }
  return o;
}

/** Any library call's result: its value, or the user error it was refused with. */
export type Attempt<T> = { ok: true; value: T; ms: number } | { ok: false; text: string; code: string; ms: number };

/**
 * Run one library call under the fuzz property (a value, or a classified
 * one-line TeamctlError, within `limitMs`); anything else throws with `what`
 * and the input.
 */
export function guarded<T>(what: string, xml: string, f: () => T, limitMs = 1000): Attempt<T> {
  const started = performance.now();
  let value: T;
  try {
    value = f();
  } catch (e) {
    const ms = Math.round(performance.now() - started);
    if (!isTeamctlError(e)) {
      const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
      throw new Error(`${what}: uncaught ${detail}\n--- input ---\n${xml}`);
    }
    const problems = outcomeProblems({ kind: 'rejected', text: e.text, code: e.code, exitCode: e.exitCode }, ms, limitMs);
    if (problems.length > 0) throw new Error(`${what}: ${problems.join('; ')}\n--- input ---\n${xml}`);
    return { ok: false, text: e.text, code: e.code, ms };
  }
  const ms = Math.round(performance.now() - started);
  if (ms > limitMs) throw new Error(`${what}: took ${ms} ms\n--- input ---\n${xml}`);
  return { ok: true, value, ms };
}
