/**
 * Text renderings of a built command line: libvirt's `.args` golden layout
 * and the plain argv list. Property objects are serialized here, and only here,
 * with the syntax the capability set selects.
 */
import type { Caps } from '../caps/caps.js';
import type { ArgWord, CommandLine, PropsArg } from './command.js';
import { toJson, toLegacyOption } from './serialize.js';

export interface RenderedCommand {
  readonly env: ReadonlyArray<readonly [string, string]>;
  /** argv[0] is the binary. */
  readonly argv: readonly string[];
}

export function serializeProps(arg: PropsArg, caps: Caps): string {
  switch (arg.syntax) {
    case 'json':
      return toJson(arg.props);
    case 'device':
      return caps.has('device.json+hotplug') ? toJson(arg.props) : toLegacyOption(arg.props, 'driver', 'none');
    case 'netdev':
      return caps.has('netdev.json') ? toJson(arg.props) : toLegacyOption(arg.props, 'type', 'objects-str');
    case 'object':
      return caps.has('object.qapified') ? toJson(arg.props) : toLegacyOption(arg.props, 'qom-type', 'bitmap');
  }
}

function word(w: ArgWord, caps: Caps): string {
  return typeof w === 'string' ? w : serializeProps(w, caps);
}

export function renderCommand(cmd: CommandLine, caps: Caps): RenderedCommand {
  return { env: cmd.env, argv: [cmd.binary, ...cmd.args.map((w) => word(w, caps))] };
}

const SHELL_META = /[\r\t\n !"#$&'()*;<>?[\\\]^`{|}~]/;

/** libvirt's virBufferEscapeShell: quote only when a shell metacharacter is present. */
export function shellQuoteLikeLibvirt(s: string): string {
  if (s === '') return "''";
  if (!SHELL_META.test(s)) return s;
  return "'" + s.replace(/'/g, "'\\''") + "'";
}

/**
 * libvirt's test layout (virCommandToStringBuf with line breaks): each
 * environment assignment and each option on its own line ending in ` \`,
 * an option's value on the option's line.
 */
export function toArgsFile(cmd: RenderedCommand): string {
  let out = '';
  for (const [name, value] of cmd.env) out += `${name}=${shellQuoteLikeLibvirt(value)} \\\n`;
  const argv = cmd.argv;
  out += shellQuoteLikeLibvirt(argv[0] ?? '');
  let hadOption = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    out += ' ';
    let linebreak = true;
    if (!a.startsWith('-')) {
      // A value stays on its option's line as long as some option follows.
      if (hadOption) {
        for (let j = i - 1; j < argv.length; j++) {
          if (argv[j]!.startsWith('-')) {
            linebreak = false;
            break;
          }
        }
      }
    } else {
      hadOption = true;
    }
    if (linebreak) out += '\\\n';
    out += shellQuoteLikeLibvirt(a);
  }
  return out + '\n';
}
