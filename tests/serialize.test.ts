import { Props } from '../src/render/props.js';
import { escapeComma, toJson, toKeyValue, toLegacyOption } from '../src/render/serialize.js';
import { shellQuoteLikeLibvirt, toArgsFile } from '../src/render/render.js';

describe('property serializer', () => {
  const props = () =>
    new Props()
      .set('driver', 'virtio-net-pci')
      .tristate('failover', true)
      .set('netdev', 'hostua-a,b')
      .set('port', 16)
      .tristate('multifunction', false)
      .set('size', 224395264n);

  it('renders compact JSON in insertion order', () => {
    expect(toJson(props())).toBe(
      '{"driver":"virtio-net-pci","failover":true,"netdev":"hostua-a,b","port":16,"multifunction":false,"size":224395264}',
    );
  });

  it('renders legacy key=value with the lead word, commas doubled and on/off', () => {
    expect(toLegacyOption(props(), 'driver', 'none')).toBe(
      'virtio-net-pci,failover=on,netdev=hostua-a,,b,port=16,multifunction=off,size=224395264',
    );
  });

  it('flattens nested objects with dotted keys', () => {
    const p = new Props().set('a', new Props().set('b', 1).set('c', 'x'));
    expect(toKeyValue(p, undefined, 'none')).toBe('a.b=1,a.c=x');
  });

  it('renders number arrays of -object as bitmap ranges', () => {
    const p = new Props().set('qom-type', 'x').set('host-nodes', [0, 1, 2, 5]);
    expect(toLegacyOption(p, 'qom-type', 'bitmap')).toBe('x,host-nodes=0-2,host-nodes=5');
  });

  it('refuses arrays on -device like libvirt', () => {
    const p = new Props().set('driver', 'x').set('list', ['a']);
    expect(() => toLegacyOption(p, 'driver', 'none')).toThrow(/array/);
  });

  it('escapes JSON strings like json-c without escaping slashes', () => {
    expect(toJson(new Props().set('file', '/a"b\\c\n'))).toBe('{"file":"/a\\"b\\\\c\\n"}');
  });

  it('doubles every comma', () => {
    expect(escapeComma('a,b,,c')).toBe('a,,b,,,,c');
  });
});

describe('.args layout', () => {
  it('quotes only strings with shell metacharacters', () => {
    expect(shellQuoteLikeLibvirt('plain,value=1')).toBe('plain,value=1');
    expect(shellQuoteLikeLibvirt('{"a":1}')).toBe('\'{"a":1}\'');
    expect(shellQuoteLikeLibvirt("it's")).toBe("'it'\\''s'");
    expect(shellQuoteLikeLibvirt('')).toBe("''");
  });

  it('puts each option on its own line with its value', () => {
    const text = toArgsFile({ env: [['LC_ALL', 'C']], argv: ['/usr/bin/qemu', '-name', 'guest=x', '-S', '-msg', 'timestamp=on'] });
    expect(text).toBe('LC_ALL=C \\\n/usr/bin/qemu \\\n-name guest=x \\\n-S \\\n-msg timestamp=on\n');
  });
});
