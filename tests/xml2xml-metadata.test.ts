/**
 * <metadata> in xml2xml: libvirt's post-parse drops children without a
 * namespace and repeated namespaces (virXMLNodeSanitizeNamespaces), and
 * libxml2 re-indents what is left (virXMLFormatMetadata).
 */
import { xml2xml } from '../src/pipeline.js';

function domainWith(metadata: string, os = "<type arch='x86_64' machine='pc'>hvm</type>"): string {
  return `<domain type='qemu'><name>m</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>${metadata}
<memory unit='MiB'>64</memory><os>${os}</os><devices><memballoon model='none'/></devices></domain>`;
}

function metadataOf(xml: string): string {
  const out = xml2xml(domainWith(xml)).xml;
  return out.slice(out.indexOf('  <metadata'), out.indexOf('  <memory'));
}

describe('xml2xml <metadata>', () => {
  it('re-indents nested children two spaces per level, with double-quoted attributes, namespace first', () => {
    const md = `<metadata>
        <libosinfo:libosinfo xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>
                 <libosinfo:os id='http://fedoraproject.org/fedora/29' a='x"y&#10;z'/>
        </libosinfo:libosinfo>
      <app:note note='n' xmlns:app="http://app/">some <b xmlns="http://b/">bold</b> text</app:note>
    </metadata>`;
    expect(metadataOf(md)).toBe(
      [
        '  <metadata>',
        '    <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">',
        '      <libosinfo:os id="http://fedoraproject.org/fedora/29" a="x&quot;y&#10;z"/>',
        '    </libosinfo:libosinfo>',
        '    <app:note xmlns:app="http://app/" note="n">some <b xmlns="http://b/">bold</b> text</app:note>',
        '  </metadata>',
        '',
      ].join('\n'),
    );
  });

  it('drops children without a namespace and repeated namespaces, and says so', () => {
    const md = `<metadata><plain/><a:x xmlns:a="http://foo/">1</a:x><b:y xmlns:b="http://foo/">2</b:y><c:z xmlns:c="http://bar/"/></metadata>`;
    const r = xml2xml(domainWith(md));
    expect(r.xml).toContain('  <metadata>\n    <a:x xmlns:a="http://foo/">1</a:x>\n    <c:z xmlns:c="http://bar/"/>\n  </metadata>\n');
    expect(r.warnings).toEqual([
      '<metadata> child <plain> has no namespace: libvirt drops it',
      "<metadata> child <b:y> repeats namespace 'http://foo/': libvirt keeps only the first element of a namespace",
    ]);
  });

  it('formats its own output to the same bytes', () => {
    const once = xml2xml(domainWith(`<metadata>\n<a:x xmlns:a="http://foo/"><a:y/></a:x></metadata>`)).xml;
    expect(xml2xml(once).xml).toBe(once);
  });
});

describe('xml2xml <bootmenu>', () => {
  const os = (bootmenu: string) => `<type arch='x86_64' machine='pc'>hvm</type>${bootmenu}`;
  it('keeps the timeout of an enabled menu only, as libvirt reads it', () => {
    expect(xml2xml(domainWith('', os("<bootmenu enable='yes' timeout='3000'/>"))).xml).toContain("<bootmenu enable='yes' timeout='3000'/>");
    const off = xml2xml(domainWith('', os("<bootmenu enable='no' timeout='3000'/>")));
    expect(off.xml).toContain("<bootmenu enable='no'/>");
    expect(off.warnings).toEqual(["<bootmenu timeout='…'> is ignored, as libvirt ignores it, unless enable='yes'"]);
  });
});

describe('xml2xml <boot>', () => {
  it('keeps the first four boot devices, as libvirt does, and says the rest are ignored', () => {
    const boots = ['hd', 'cdrom', 'network', 'fd', 'hd'].map((d) => `<boot dev='${d}'/>`).join('');
    const r = xml2xml(domainWith('', `<type arch='x86_64' machine='pc'>hvm</type>${boots}`));
    expect(r.xml).toContain("<boot dev='hd'/>\n    <boot dev='cdrom'/>\n    <boot dev='network'/>\n    <boot dev='fd'/>\n  </os>");
    expect(r.warnings).toEqual(['only the first 4 <boot dev=…> elements count, as in libvirt; 1 ignored']);
  });
});
