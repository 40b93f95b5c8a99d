/**
 * The built command line before it becomes text: environment, binary and an
 * ordered list of arguments. Property-object arguments stay structured until
 * rendering so the one serializer decides JSON versus legacy syntax.
 */
import type { Props } from './props.js';

/**
 * How a property object is spelled on the command line. `device`, `netdev`
 * and `object` switch between JSON and legacy syntax with a capability;
 * `json` is always JSON (-blockdev, -audiodev).
 */
export type PropsSyntax = 'device' | 'netdev' | 'object' | 'json';

export interface PropsArg {
  readonly syntax: PropsSyntax;
  readonly props: Props;
}

/** One word of argv: plain text, or a property object still to be serialized. */
export type ArgWord = string | PropsArg;

export interface CommandLine {
  /** Environment assignments in libvirt's order. */
  readonly env: ReadonlyArray<readonly [string, string]>;
  readonly binary: string;
  readonly args: readonly ArgWord[];
}

export class CommandBuilder {
  private readonly envList: Array<[string, string]> = [];
  private readonly argList: ArgWord[] = [];

  constructor(private readonly binary: string) {}

  env(name: string, value: string): this {
    this.envList.push([name, value]);
    return this;
  }

  arg(...words: ArgWord[]): this {
    for (const w of words) this.argList.push(w);
    return this;
  }

  /** `-device {...}` and friends: an option followed by a property object. */
  props(option: string, syntax: PropsSyntax, props: Props): this {
    this.argList.push(option, { syntax, props });
    return this;
  }

  build(): CommandLine {
    return { env: this.envList, binary: this.binary, args: this.argList };
  }
}
