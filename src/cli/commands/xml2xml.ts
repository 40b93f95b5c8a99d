/** `teamctl xml2xml`: print the domain XML libvirt would store for a definition. */
import type { Command } from 'commander';
import type { Output } from '../output.js';
import { addDomainInputOptions, type DomainInputOptions } from './domain-options.js';

export type Xml2xmlOptions = DomainInputOptions;

export function registerXml2xml(program: Command, out: Output, setExit: (code: number) => void): void {
  const cmd = program
    .command('xml2xml')
    .summary("print the domain XML libvirt stores after 'virsh define'")
    .description(
      "Print a domain XML the way libvirt formats its inactive definition: defaults filled in (machine, CPU, " +
        'implicit controllers, PS/2 inputs, <audio>, memballoon), every device with its <address>, and libvirt\'s ' +
        'element order, attribute order and quoting. Nothing of a start (network allocation, aliases, USB ports) ' +
        'is in it. The domain is checked as libvirt checks it at define time; errors are libvirt\'s messages.',
    )
    .argument('<domain.xml>', "domain XML file; '-' reads standard input");
  addDomainInputOptions(cmd)
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
