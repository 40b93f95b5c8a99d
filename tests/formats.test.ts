/** xml2argv output formats; the shell format must survive a round trip through sh. */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { formatCommand, shellQuote } from '../src/render/formats.js';
import type { RenderedCommand } from '../src/render/render.js';

const cmd: RenderedCommand = {
  env: [
    ['LC_ALL', 'C'],
    ['HOME', '/var/lib/x y'],
  ],
  argv: ['/usr/bin/qemu-system-x86_64', '-name', 'guest=a,debug-threads=on', '-device', '{"driver":"x"}'],
};

describe('output formats', () => {
  it('argv: one word per line, no environment', () => {
    expect(formatCommand(cmd, 'argv')).toBe('/usr/bin/qemu-system-x86_64\n-name\nguest=a,debug-threads=on\n-device\n{"driver":"x"}\n');
  });

  it('json: env object and argv array', () => {
    expect(JSON.parse(formatCommand(cmd, 'json'))).toEqual({ env: { LC_ALL: 'C', HOME: '/var/lib/x y' }, argv: cmd.argv });
  });

  it('nul: NUL-terminated words', () => {
    expect(formatCommand(cmd, 'nul').split('\0')).toEqual([...cmd.argv, '']);
  });

  it('shell: one line with environment assignments first', () => {
    expect(formatCommand(cmd, 'shell')).toBe(
      "LC_ALL=C HOME='/var/lib/x y' /usr/bin/qemu-system-x86_64 -name guest=a,debug-threads=on -device '{\"driver\":\"x\"}'\n",
    );
  });

  it('shell: a first word with = is not taken for an assignment', () => {
    const line = formatCommand({ env: [], argv: ['/bin/a=b', 'x'] }, 'shell');
    expect(line.startsWith("'/bin/a=b'")).toBe(true);
  });

  it('quotes the empty word', () => {
    expect(shellQuote('')).toBe("''");
  });

  it('shell: sh -c reproduces any argv exactly', () => {
    // Arguments cannot contain NUL; everything else (quotes, $, `, newlines, non-ASCII) must survive.
    const word = fc.string({ unit: 'binary', maxLength: 24 }).filter((s) => !s.includes('\0'));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.array(word, { maxLength: 2 }), (args, envValues) => {
        const env = envValues.map((v, i) => [`TEAMCTL_T${i}`, v] as const);
        // printf repeats its format per argument; the marker keeps an empty list visible.
        const line = formatCommand({ env, argv: ['/usr/bin/printf', '%s\\0', 'marker', ...args] }, 'shell');
        const r = spawnSync('/bin/sh', ['-c', line], { encoding: 'buffer' });
        expect(r.status).toBe(0);
        const got = r.stdout.toString('utf8').split('\0').slice(1, -1);
        expect(got).toEqual(args);
      }),
      { numRuns: 150 },
    );
  });
});
