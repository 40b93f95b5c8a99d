/** `teamctl xml2argv`: print the QEMU command line libvirt would build for each domain. */
import { Option, type Command } from 'commander';
import { FORMATS, type OutputFormat } from '../../render/formats.js';
import type { Output } from '../output.js';
import { collect } from './collect.js';
import { PROFILE_NAMES } from '../../build/profile.js';
import { DEFAULT_HOST_DOMAIN_ID, DEFAULT_STATE_DIR } from '../../build/host-profile.js';
import { addDomainInputOptions, type DomainInputOptions } from './domain-options.js';
import type { ProfileOptions } from './profile-options.js';

export interface Xml2argvOptions extends ProfileOptions, DomainInputOptions {
  format: OutputFormat;
  lint?: boolean;
}

export function registerXml2argv(program: Command, out: Output, setExit: (code: number) => void): void {
  const cmd = program
    .command('xml2argv')
    .summary('print the QEMU command line libvirt would build for a domain')
    .description(
      "Convert a libvirt domain XML into the exact QEMU command line libvirt's QEMU driver builds for it. " +
        'The default layout is that of libvirt\'s .args test files (environment, binary, one option per line). ' +
        'Errors are reported the way libvirt reports them (e.g. "unsupported configuration: …").',
    )
    .argument('<domain.xml...>', "domain XML file(s); '-' reads standard input");
  addDomainInputOptions(cmd)
    .addOption(
      new Option('--format <format>', 'output format: args (libvirt .args layout), argv (one word per line), json, shell (one quoted line), nul (NUL-separated words)')
        .choices(FORMATS)
        .default('args'),
    )
    .addOption(
      new Option('--profile <name>', "whose command line: 'test' (libvirt's test harness, as in libvirt's goldens) or 'host' (what libvirtd passes on a real host, runnable without it)")
        .choices(PROFILE_NAMES)
        .default('test'),
    )
    .option('--domain-id <n>', `host profile: libvirt's domain id N (default ${DEFAULT_HOST_DOMAIN_ID}); state lives in <state-dir>/domain-N-NAME`)
    .option('--state-dir <dir>', `host profile: libvirt's per-domain state directory (default ${DEFAULT_STATE_DIR})`)
    .option('--tap-fd <name=fd>', 'host profile: an opened tap for the interface with alias NAME (repeat per queue); without it QEMU opens the tap itself', collect, [])
    .option('--lint', "also report teaming mistakes (see 'teamctl lint') on standard error; errors make the exit status 1")
    .addHelpText(
      'after',
      `
Examples:
  teamctl xml2argv vm.xml                              libvirt's .args layout for the newest QEMU
  teamctl xml2argv --qemu-version 6.2.0 vm.xml         legacy key=value -device syntax of QEMU 6.2
  teamctl xml2argv --network-xml pool.xml vm.xml       resolve <interface type='network'> via pool.xml
  teamctl xml2argv --format shell vm.xml               one line to paste into a shell
  teamctl xml2argv --format nul vm.xml | xargs -0 ls   feed the words to another program
  teamctl xml2argv --format json a.xml b.xml           one JSON document per line, per file
  teamctl xml2argv --profile host --domain-id 7 vm.xml  what libvirtd would run for domain 7 on a real host
  teamctl xml2argv --profile host --tap-fd net0=3 vm.xml   net0's tap is already open on fd 3 of the QEMU to run

With several files each result is preceded by a '# FILE' line (args, argv, shell), separated by an
empty word (nul), or carries a "file" key (json). A file that fails does not stop the others.
The host profile puts the monitor on a unix socket (<state-dir>/domain-N-NAME/monitor.sock), lets QEMU
open taps itself (ifname=vnetN or <target dev>, script=no) unless --tap-fd gives them, and opens chardev
files, sockets and vDPA devices by path; host-side work it leaves to you is printed as warnings.
Exit status: 0 success, 1 a domain was rejected, 2 usage or I/O error.`,
    )
    .action(async (files: string[], opts: Xml2argvOptions) => {
      const { runXml2argv } = await import('./xml2argv-run.js');
      setExit(await runXml2argv(files, opts, out));
    });
}

