/** Inputs the fuzzers found that once crashed teamctl: each is now a one-line refusal or a command line. */
import { isTeamctlError } from '../src/errors.js';
import { parseDomainXml } from '../src/parse/domain.js';
import { xml2argv } from '../src/pipeline.js';

const domain = (inner: string, memory = "<memory unit='MiB'>256</memory>") =>
  `<domain type='qemu'><name>r</name>${memory}<os><type arch='x86_64' machine='pc'>hvm</type></os>${inner}</domain>`;

function refusal(xml: string): string {
  try {
    xml2argv(xml);
  } catch (e) {
    if (isTeamctlError(e)) return e.text;
    throw e;
  }
  throw new Error('accepted');
}

describe('fuzz regressions', () => {
  it('a memory unit named like an Object.prototype member is an unknown suffix', () => {
    expect(refusal(domain('', "<memory unit='constructor'>1</memory>"))).toBe("invalid argument: unknown suffix 'constructor'");
    expect(refusal(domain('', "<memory unit='__proto__'>1</memory>"))).toBe("invalid argument: unknown suffix '__proto__'");
  });

  it('memory units follow virScaleInteger (byte, KB, kiB) and libvirt overflow rules', () => {
    const kib = (memory: string) => parseDomainXml(domain('', memory)).domain.memory;
    expect(kib("<memory unit='byte'>1048577</memory>")).toBe(1025);
    expect(kib("<memory unit='KB'>1024</memory>")).toBe(1000);
    expect(kib("<memory unit='kiB'>7</memory>")).toBe(7);
    expect(kib("<memory unit='m'> +2</memory>")).toBe(2048);
    expect(refusal(domain('', "<memory unit='EiB'>8</memory>"))).toBe('numerical overflow: value too large: 8EiB');
    expect(refusal(domain('', '<memory>-1</memory>'))).toBe("XML error: Invalid value '-1' for element or attribute './memory[1]'");
    expect(refusal(domain('', '<memory></memory>'))).toBe('XML error: Memory size must be specified via <memory> or in the <numa> configuration');
  });

  it('an architecture named like an Object.prototype member is unsupported', () => {
    const xml = "<domain type='qemu'><name>r</name><memory>1024</memory><os><type arch='toString'>hvm</type></os></domain>";
    expect(refusal(xml)).toMatch(/^unsupported configuration: architecture 'toString'/);
  });

  it('line breaks a user wrote stay inside one line of the message', () => {
    const text = refusal(domain('', '<memory>1\n2</memory>'));
    expect(text).toBe("XML error: Invalid value '1\\n2' for element or attribute './memory[1]'");
  });

  it('a huge drive controller index is refused quickly instead of adding millions of controllers', () => {
    const disk = (controller: string) =>
      domain(`<devices><disk type='file' device='disk'><source file='/a'/><target dev='hda' bus='ide'/><address type='drive' controller='${controller}' bus='0' target='0' unit='0'/></disk></devices>`);
    const started = Date.now();
    expect(refusal(disk('100000'))).toMatch(/^unsupported configuration: drive address controller='100000'/);
    expect(Date.now() - started).toBeLessThan(1000);
    // libvirt reads the index as an int: 2^31 and above add no controller at all.
    expect(refusal(disk('2147483648'))).toBe('internal error: Only 1 IDE controller is supported');
  });
});

describe('XML 1.0 line ends', () => {
  it('keeps U+0085 and U+2028 in text as libxml2 does', () => {
    const xml = "<domain type='qemu'><name>a\u2028b\u0085c</name><memory>262144</memory><os><type arch='x86_64' machine='pc'>hvm</type></os></domain>";
    expect(xml2argv(xml).rendered.argv).toContain('guest=a\u2028b\u0085c,debug-threads=on');
  });
});

describe('coalesce', () => {
  it('a rx frame count past UINT32_MAX is a numerical overflow, as in libvirt', () => {
    const xml = (v: string) =>
      `<domain type='qemu'><name>r</name><memory>262144</memory><os><type arch='x86_64' machine='pc'>hvm</type></os><devices><interface type='user'><mac address='52:54:00:00:00:01'/><model type='virtio'/><coalesce><rx><frames max='${v}'/></rx></coalesce></interface></devices></domain>`;
    expect(refusal(xml('4294967296'))).toBe("numerical overflow: value '4294967296' is too big for coalesce parameter, maximum is '4294967295'");
    expect(refusal(xml('18446744073709551616'))).toBe("XML error: cannot parse value '18446744073709551616' for coalesce parameter");
  });
});
