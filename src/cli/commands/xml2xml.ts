/** `teamctl xml2xml`: print the domain XML libvirt would store for a definition. */
import type { Command } from 'commander';
import type { Output } from '../output.js';
import { collect } from './collect.js';

export interface Xml2xmlOptions {
  qemuVersion: string;
  caps?: string;
  networkXml: string[];
}

export function registerXml2xml(program: Command, out: Output, setExit: (code: number) => void): void {
  program
    .command('xml2xml')
    .summary("print the domain XML libvirt stores after 'virsh define'")
    .description(
      "Print a domain XML the way libvirt formats its inactive definition: defaults filled in (machine, CPU,\n" +
        'implicit controllers, PS/2 inputs, <audio>, memballoon), every device with its <address>, and libvirt\'s\n' +
        'element order, attribute order and quoting. Nothing of a start (network allocation, aliases, USB ports)\n' +
        'is in it. The domain is checked as libvirt checks it at define time; errors are libvirt\'s messages.',
    )
    .argument('<domain.xml>', "domain XML file; '-' reads standard input")
    .option('--qemu-version <version>', "QEMU version whose capabilities decide the defaults, or 'latest'", 'latest')
    .option('--caps <file>', 'use a libvirt QEMU capabilities cache file instead of a built-in version')
    .option('--network-xml <file>', "libvirt network definition for <interface type='network'> (repeatable)", collect, [])
    .addHelpText(
      'after',
      `
Examples:
  teamctl xml2xml vm.xml                          the definition libvirt would store (newest QEMU)
  teamctl xml2xml --qemu-version 6.2.0 vm.xml     defaults of QEMU 6.2 (e.g. its default NIC model)
  teamctl xml2xml vm.xml > defined.xml && teamctl xml2argv defined.xml
                                                  the formatted XML gives the same command line
  cat vm.xml | teamctl xml2xml -                  read standard input

Exit status: 0 success, 1 the domain was rejected, 2 usage or I/O error.`,
    )
    .action(async (file: string, opts: Xml2xmlOptions) => {
      const { runXml2xml } = await import('./xml2xml-run.js');
      setExit(runXml2xml(file, opts, out));
    });
}
