/** `teamctl migrate-check`: would libvirt refuse to migrate the domain because of its host devices? */
import type { Command } from 'commander';
import type { Output } from '../output.js';
import { addDomainInputOptions, type DomainInputOptions } from './domain-options.js';

export interface MigrateCheckOptions extends DomainInputOptions {
  json?: boolean;
}

export function registerMigrateCheck(program: Command, out: Output, setExit: (code: number) => void): void {
  const cmd = program
    .command('migrate-check')
    .summary('tell whether libvirt would let the domain migrate, given its host devices')
    .description(
      "Apply libvirt's migration rule for host devices to a domain: USB host devices migrate; a PCI device " +
        "(<hostdev type='pci'>, <interface type='hostdev'>, or an <interface type='network'> whose network hands " +
        "out VFs) blocks migration unless it carries <teaming type='transient'>, because QEMU unplugs only the " +
        'transient half of a failover pair before migrating; mediated devices block it. Every blocker is listed ' +
        '(libvirt itself stops at the first) with its alias on a running domain and its host source. ' +
        'Only host devices are checked: snapshots, block jobs and other run-time state are not visible in XML.',
    )
    .argument('<domain.xml...>', "domain XML file(s); '-' reads standard input");
  addDomainInputOptions(cmd)
    .option('--json', 'print one JSON document per file: {"file","domain","migratable","blockers":[{"element","alias","source","message"}]}')
    .addHelpText(
      'after',
      `
Examples:
  teamctl migrate-check vm.xml                          "vm.xml: migratable" or the blockers
  teamctl migrate-check --network-xml pool.xml vm.xml   resolve <interface type='network'> via pool.xml
  teamctl migrate-check --json *.xml | jq -r 'select(.migratable|not).file'

Exit status: 0 every domain is migratable, 1 a domain is not (or is not a valid domain), 2 usage or I/O error.`,
    )
    .action(async (files: string[], opts: MigrateCheckOptions) => {
      const { runMigrateCheck } = await import('./migrate-check-run.js');
      setExit(await runMigrateCheck(files, opts, out));
    });
}
