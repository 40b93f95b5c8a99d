/** `teamctl lint`: report (and with --fix, repair) teaming mistakes libvirt and QEMU let through. */
import type { Command } from 'commander';
import type { Output } from '../output.js';
import { collect } from './collect.js';

export interface LintCliOptions {
  qemuVersion: string;
  networkXml: string[];
  json?: boolean;
  strict?: boolean;
  fix?: boolean;
}

export function registerLint(program: Command, out: Output, setExit: (code: number) => void): void {
  program
    .command('lint')
    .summary('report teaming mistakes that libvirt and QEMU let through')
    .description(
      "Check a domain's <teaming> (virtio-net failover) the way libvirt and QEMU meet it at run time: pairing of " +
        'transient VFs with persistent virtio NICs, MAC addresses, the VF\'s PCI placement (hot-plug, PCI Express, ' +
        'own slot), hostdev network pools and the QEMU version.\n\n' +
        'One line per diagnostic: SOURCE: SEVERITY: CODE: DEVICE: what goes wrong; how to fix it.',
    )
    .argument('<domain.xml...>', "domain XML file(s); '-' reads standard input")
    .option('--qemu-version <version>', "QEMU version whose capabilities to use, or 'latest'", 'latest')
    .option('--network-xml <file>', "libvirt network definition used by <interface type='network'> (repeatable)", collect, [])
    .option('--json', 'print the diagnostics as JSON')
    .option('--strict', 'treat warnings as errors')
    .option('--fix', 'print the domain with the safe fixes applied (one file); changes and what is left go to standard error')
    .addHelpText(
      'after',
      `
Examples:
  teamctl lint domain.xml
  teamctl lint --network-xml vf-pool.xml --qemu-version 7.2.0 domain.xml
  teamctl lint --fix domain.xml > fixed.xml

Exit status: 0 no errors, 1 errors found (or the domain is rejected), 2 usage or I/O error.
The codes are documented in the README ("teamctl lint").`,
    )
    .action(async (files: string[], opts: LintCliOptions) => {
      const { runLint } = await import('./lint-run.js');
      setExit(runLint(files, opts, out));
    });
}

