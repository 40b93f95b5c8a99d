/**
 * The CLI: commander declarations, one handler that owns exit codes.
 * Expected errors print one line; anything else is a bug and prints a stack.
 */
import { Command, CommanderError } from 'commander';
import { EXIT_BUG, EXIT_OK, EXIT_USAGE, isTeamctlError } from '../errors.js';
import { registerCaps } from './commands/caps.js';
import { registerLint } from './commands/lint.js';
import { registerMigrateCheck } from './commands/migrate-check.js';
import { registerTest } from './commands/test.js';
import { registerXml2argv } from './commands/xml2argv.js';
import { registerXml2xml } from './commands/xml2xml.js';
import { streamOutput, type Output, type Writer } from './output.js';
import { VERSION } from './version.js';

export interface MainIo {
  stdout: Writer;
  stderr: Writer;
}

export async function main(argv: string[], io: MainIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const out = streamOutput(io.stdout, io.stderr);
  let code = EXIT_OK;
  const program = buildProgram(out, (c) => (code = c));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    return handleError(e, out);
  }
}

function buildProgram(out: Output, setExit: (code: number) => void): Command {
  const program = new Command('teamctl');
  program
    .description("Build the QEMU command line libvirt's QEMU driver would build for a domain XML, without a libvirt daemon.")
    .version(VERSION, '-V, --version', 'print the teamctl version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => out.out(s),
      writeErr: (s) => out.err(s),
    })
    .addHelpText(
      'after',
      `
Examples:
  teamctl xml2argv domain.xml                       the command line for the newest QEMU teamctl knows
  teamctl xml2argv --qemu-version 7.2.0 domain.xml  … for QEMU 7.2.0
  teamctl xml2xml domain.xml                        the domain XML libvirt stores after 'virsh define'
  teamctl lint domain.xml                           report teaming mistakes libvirt and QEMU let through
  teamctl migrate-check domain.xml                  would libvirt let it migrate, given its host devices?
  teamctl help xml2argv                             options of one command`,
    );
  registerXml2argv(program, out, setExit);
  registerXml2xml(program, out, setExit);
  registerLint(program, out, setExit);
  registerMigrateCheck(program, out, setExit);
  registerTest(program, out, setExit);
  registerCaps(program, out);
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: (s) => out.out(s), writeErr: (s) => out.err(s) });
  return program;
}

function handleError(e: unknown, out: Output): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
    return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (isTeamctlError(e)) {
    out.error(e.text);
    return e.exitCode;
  }
  const stack = e instanceof Error ? (e.stack ?? e.message) : String(e);
  out.err(`teamctl: internal error (a bug in teamctl, please report it):\n${stack}\n`);
  return EXIT_BUG;
}
