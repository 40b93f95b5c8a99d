/** `teamctl caps`: the built-in QEMU versions, or one version's (or file's) flags and machine types. */
import type { Command } from 'commander';
import type { Caps } from '../../caps/caps.js';
import { builtinCaps, builtinVersions, latestVersion } from '../../caps/table.js';
import { usageError } from '../../errors.js';
import { readInput } from '../io.js';
import type { Output } from '../output.js';

interface CapsOptions {
  caps?: string;
  json: boolean;
}

export function registerCaps(program: Command, out: Output): void {
  program
    .command('caps')
    .summary('list built-in QEMU versions, or show one version\'s capabilities')
    .description(
      'Without arguments: the QEMU versions teamctl knows. With a VERSION (or --caps FILE, a libvirt\n' +
        'capabilities cache file from /var/cache/libvirt/qemu/capabilities/): its capability flags (libvirt\'s\n' +
        'names) and the canonical machine types behind the pc and q35 aliases.',
    )
    .argument('[version]', "a built-in QEMU version or 'latest'")
    .option('--caps <file>', 'read a libvirt QEMU capabilities cache file instead')
    .option('--json', 'print JSON', false)
    .addHelpText(
      'after',
      `
Examples:
  teamctl caps                        the built-in versions
  teamctl caps 7.2.0                  flags and machine types of QEMU 7.2.0
  teamctl caps --caps /var/cache/libvirt/qemu/capabilities/<hash>.xml`,
    )
    .action(async (version: string | undefined, opts: CapsOptions) => {
      if (version !== undefined && opts.caps !== undefined) throw usageError('cli.caps-both', 'give a version or --caps FILE, not both');
      if (version === undefined && opts.caps === undefined) {
        const versions = builtinVersions();
        if (opts.json) out.out(JSON.stringify({ versions, latest: latestVersion() }) + '\n');
        else out.out(`${versions.join('\n')}\nlatest = ${latestVersion()}\n`);
        return;
      }
      const caps =
        opts.caps !== undefined
          ? (await import('../../caps/cache-file.js')).capsFromCacheFile(readInput(opts.caps), opts.caps)
          : builtinCaps(version!, { stripMachineAliases: false });
      out.out(opts.json ? JSON.stringify(describe(caps)) + '\n' : describeText(caps));
    });
}

function describe(caps: Caps) {
  const machines = (accel: 'tcg' | 'kvm') =>
    Object.fromEntries(
      caps
        .machines(accel)
        .filter((m) => m.alias !== undefined)
        .map((m) => [m.alias!, m.name]),
    );
  return { version: caps.versionString, source: caps.source, machines: { tcg: machines('tcg'), kvm: machines('kvm') }, flags: caps.flags() };
}

function describeText(caps: Caps): string {
  const d = describe(caps);
  const aliases = Object.entries(d.machines.tcg).map(([alias, name]) => `  ${alias} -> ${name}`);
  return `QEMU ${d.version} (${d.source})\nmachine aliases:\n${aliases.join('\n')}\nflags (${d.flags.length}):\n${d.flags.map((f) => `  ${f}`).join('\n')}\n`;
}
