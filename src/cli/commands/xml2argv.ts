/** `teamctl xml2argv`: print the QEMU command line libvirt would build for each domain. */
import { Option, type Command } from 'commander';
import { isTeamctlError, usageError } from '../../errors.js';
import { capsFromCacheFile } from '../../caps/cache-file.js';
import { builtinCaps } from '../../caps/table.js';
import { loadNetwork, xml2argv } from '../../pipeline.js';
import { FORMATS, formatCommand, type OutputFormat } from '../../render/formats.js';
import { readInput } from '../io.js';
import type { Output } from '../output.js';
import { reportLint } from './lint.js';

export interface Xml2argvOptions {
  qemuVersion: string;
  caps?: string;
  networkXml: string[];
  format: OutputFormat;
  lint?: boolean;
}

export function registerXml2argv(program: Command, out: Output, setExit: (code: number) => void): void {
  program
    .command('xml2argv')
    .summary('print the QEMU command line libvirt would build for a domain')
    .description(
      "Convert a libvirt domain XML into the exact QEMU command line libvirt's QEMU driver builds for it.\n" +
        'The default layout is that of libvirt\'s .args test files (environment, binary, one option per line).\n' +
        'Errors are reported the way libvirt reports them (e.g. "unsupported configuration: …").',
    )
    .argument('<domain.xml...>', "domain XML file(s); '-' reads standard input")
    .option('--qemu-version <version>', "QEMU version whose capabilities to use, or 'latest'", 'latest')
    .option('--caps <file>', 'use a libvirt QEMU capabilities cache file (from /var/cache/libvirt/qemu/capabilities/) instead of a built-in version')
    .option('--network-xml <file>', "libvirt network definition for <interface type='network'> (repeatable)", collect, [])
    .addOption(
      new Option('--format <format>', 'output format: args (libvirt .args layout), argv (one word per line), json, shell (one quoted line), nul (NUL-separated words)')
        .choices(FORMATS)
        .default('args'),
    )
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

With several files each result is preceded by a '# FILE' line (args, argv, shell), separated by an
empty word (nul), or carries a "file" key (json). A file that fails does not stop the others.
Exit status: 0 success, 1 a domain was rejected, 2 usage or I/O error.`,
    )
    .action((files: string[], opts: Xml2argvOptions) => {
      setExit(runXml2argv(files, opts, out));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function runXml2argv(files: string[], opts: Xml2argvOptions, out: Output): number {
  if (files.filter((f) => f === '-').length > 1) throw usageError('cli.stdin-twice', "standard input ('-') can be read only once");
  const networks = opts.networkXml.map((f) => loadNetwork(readInput(f), f));
  const caps = opts.caps !== undefined ? capsFromCacheFile(readInput(opts.caps), opts.caps) : builtinCaps(opts.qemuVersion);
  const many = files.length > 1;
  let worst = 0;
  files.forEach((file, i) => {
    try {
      const text = readInput(file);
      if (opts.lint) worst = Math.max(worst, reportLint(text, file, { caps }, networks, out));
      const result = xml2argv(text, { caps, networks, source: file });
      for (const w of result.warnings) out.warn(`${file}: ${w}`);
      out.out(frame(formatCommand(result.rendered, opts.format), file, opts.format, many, i));
    } catch (e) {
      if (!isTeamctlError(e) || e.category === 'usage') throw e;
      out.error(`${file === '-' ? 'stdin' : file}: ${e.text}`);
      worst = Math.max(worst, e.exitCode);
    }
  });
  return worst;
}

/** How one file's result is marked when several files are converted at once. */
function frame(text: string, file: string, format: OutputFormat, many: boolean, index: number): string {
  switch (format) {
    case 'json': {
      const doc = JSON.parse(text) as object;
      return JSON.stringify(many ? { file, ...doc } : doc) + '\n';
    }
    case 'nul':
      return many && index > 0 ? `\0${text}` : text;
    default:
      return many ? `# ${file}\n${text}` : text;
  }
}
