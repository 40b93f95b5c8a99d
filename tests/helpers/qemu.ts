/**
 * Access to real QEMU through libvirt-style .args files: the shared
 * `qemu-accept` tool (or TEAMCTL_QEMU_ACCEPT) runs the file through
 * qemu-system-x86_64 and prints one verdict line. Tests using it skip when
 * QEMU or the tool is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export function qemuAcceptTool(): string | undefined {
  const candidates = [process.env['TEAMCTL_QEMU_ACCEPT'], resolve('..', 'shared', 'tools', 'qemu-accept')];
  return candidates.find((c): c is string => c !== undefined && c !== '' && existsSync(c));
}

export function haveQemu(): boolean {
  return spawnSync('qemu-system-x86_64', ['--version'], { encoding: 'utf8' }).status === 0;
}

export interface Verdict {
  readonly verdict: 'ACCEPTED' | 'REJECTED' | 'HOST-MISSING' | 'ERROR';
  readonly line: string;
}

export function qemuAccept(tool: string, argsFile: string, extra: string[] = []): Verdict {
  const r = spawnSync(tool, [...extra, argsFile], { encoding: 'utf8', timeout: 120_000 });
  const line = (r.stdout ?? '').trim().split('\n')[0] ?? '';
  const m = /^(ACCEPTED|REJECTED|HOST-MISSING|ERROR):/.exec(line);
  return { verdict: (m?.[1] as Verdict['verdict']) ?? 'ERROR', line: line || (r.stderr ?? '').trim() };
}
