/**
 * The formatters for disks, character devices, RNGs, watchdogs, videos,
 * graphics, sounds, audio backends and hubs: libvirt's rules on hand-checked domains, and stability
 * over every case we own (format → parse → post-parse → format gives the same
 * text). Byte-for-byte checks against libvirt's own output live in
 * scripts/compare-libvirt-format.mjs (libvirt's files are not in CI).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { builtinCaps } from '../src/caps/table.js';
import type { DeviceFormatter } from '../src/format/context.js';
import { formatDeviceInfo } from '../src/format/device-info.js';
import { formatAudio, formatSound } from '../src/format/devices/audio.js';
import { formatChardev } from '../src/format/devices/chardev.js';
import { formatDisk } from '../src/format/devices/disk.js';
import { formatGraphics } from '../src/format/devices/graphics.js';
import { formatHub } from '../src/format/devices/hub.js';
import { formatRng } from '../src/format/devices/rng.js';
import { formatVideo } from '../src/format/devices/video.js';
import { formatWatchdog } from '../src/format/devices/watchdog.js';
import { XmlWriter } from '../src/format/xml-writer.js';
import type { ChrSource } from '../src/model/chardev.js';
import type { Domain } from '../src/model/domain.js';
import { parseDomainXml } from '../src/parse/domain.js';
import { postParse } from '../src/postparse/index.js';

const caps = builtinCaps('latest');

/** Element name, the model's list, its formatter; in libvirt's <devices> order. */
const FAMILIES: ReadonlyArray<readonly [string, (d: Domain) => readonly unknown[], DeviceFormatter<never>]> = [
  ['disk', (d) => d.devices.disks, formatDisk],
  ['graphics', (d) => d.devices.graphics, formatGraphics],
  ['sound', (d) => d.devices.sounds, formatSound],
  ['audio', (d) => d.devices.audios, formatAudio],
  ['video', (d) => d.devices.videos, formatVideo],
  ['hub', (d) => d.devices.hubs, formatHub],
  ['serial', (d) => d.devices.serials, formatChardev],
  ['parallel', (d) => d.devices.parallels, formatChardev],
  ['console', (d) => d.devices.consoles, formatChardev],
  ['channel', (d) => d.devices.channels, formatChardev],
  ['watchdog', (d) => d.devices.watchdogs, formatWatchdog],
  ['rng', (d) => d.devices.rngs, formatRng],
];

function define(xml: string): Domain {
  return postParse(parseDomainXml(xml).domain, caps);
}

/** Every device of our families, formatted at the depth libvirt writes devices. */
function formatFamilies(d: Domain, names?: readonly string[]): string {
  const w = new XmlWriter(2);
  for (const [name, list, format] of FAMILIES) {
    if (names && !names.includes(name)) continue;
    for (const dev of list(d)) (format as DeviceFormatter<unknown>)(w, dev, { domain: d });
  }
  return w.toString();
}

/**
 * The model of our families' devices with the normalisations libvirt's
 * formatter itself makes, each one a libvirt rule (see the hand-checked tests).
 */
function familyModels(domain: Domain): unknown[] {
  const d = structuredClone(domain);
  const dev = d.devices;
  for (const c of [...dev.serials, ...dev.parallels, ...dev.consoles, ...dev.channels]) normaliseSource(c.source);
  for (const r of dev.rngs) if (r.backend.model === 'egd') normaliseSource(r.backend.source);
  for (const w of dev.watchdogs) w.action ??= 'reset';
  for (const disk of dev.disks) {
    if (disk.target.bus !== 'usb') delete disk.target.removable;
    if (disk.driver?.cache === 'default') delete disk.driver.cache;
  }
  // A serial console is written as the serial it stands for.
  dev.consoles = dev.consoles.map((c, n) => {
    const serial = dev.serials[n];
    if (c.target.type !== 'serial' || !serial) return c;
    return { deviceType: 'console', source: serial.source, target: { type: 'serial', port: serial.target.port! }, info: serial.info };
  });
  return FAMILIES.map(([, list]) => list(d));
}

function normaliseSource(src: ChrSource): void {
  if (src.type === 'tcp') src.protocol ??= 'raw';
}

function devicesXml(devices: string, machine = 'pc'): string {
  return `<domain type='kvm'><name>t</name><memory unit='MiB'>256</memory>
    <os><type arch='x86_64' machine='${machine}'>hvm</type></os><devices>${devices}</devices></domain>`;
}

/**
 * The controllers the definition ended up with, PCI addresses included: the
 * formatted devices' PCI addresses may sit on buses of controllers post-parse
 * added. (Only what address assignment needs; the controller formatter is not
 * part of these families.)
 */
function controllersXml(d: Domain): string {
  const w = new XmlWriter(2);
  for (const c of d.devices.controllers) {
    w.element('controller', [['type', c.type], ['index', c.index], ['model', c.model]], (cw) => formatDeviceInfo(cw, c.info));
  }
  return w.toString();
}

/** The case's XML with our families' elements replaced by `formatted` and its controllers by the defined ones. */
function withDevicesReplaced(xml: string, d: Domain, formatted: string): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const devices = doc.getElementsByTagName('devices')[0]!;
  const names = [...FAMILIES.map(([n]) => n), 'controller'];
  formatted = controllersXml(d) + formatted;
  for (const child of Array.from(devices.childNodes)) {
    if (child.nodeType === 1 && names.includes(child.nodeName)) devices.removeChild(child);
  }
  const fragment = new DOMParser().parseFromString(`<x>${formatted}</x>`, 'text/xml').documentElement!;
  for (const child of Array.from(fragment.childNodes)) devices.appendChild(doc.importNode(child, true));
  return new XMLSerializer().serializeToString(doc);
}

describe('format → parse → format is stable over our own cases', () => {
  const cases = readdirSync('qemuxml2argvdata')
    .filter((f) => f.endsWith('.xml'))
    .sort();
  const definable = cases.flatMap((f) => {
    const xml = readFileSync(`qemuxml2argvdata/${f}`, 'utf8');
    try {
      return [[f, xml, define(xml)] as const];
    } catch {
      return [];
    }
  });

  it('has cases to check', () => {
    expect(definable.length).toBeGreaterThan(50);
  });

  it.each(definable.map(([f, xml, d]) => [f, xml, d] as const))('%s', (_f, xml, d) => {
    const first = formatFamilies(d);
    const redefined = define(withDevicesReplaced(xml, d, first));
    expect(formatFamilies(redefined)).toBe(first);
    // Nothing the model holds is lost on the way (the format is not merely stable).
    expect(familyModels(redefined)).toEqual(familyModels(d));
  });
});

describe('character devices', () => {
  it('writes the compat console with the source and port of serials[0]', () => {
    const d = define(devicesXml("<serial type='file'><source path='/tmp/s.log' append='on'/><target port='0'/></serial>"));
    expect(formatFamilies(d, ['serial', 'console'])).toBe(
      [
        "    <serial type='file'>",
        "      <source path='/tmp/s.log' append='on'/>",
        "      <target type='isa-serial' port='0'>",
        "        <model name='isa-serial'/>",
        '      </target>',
        '    </serial>',
        "    <console type='file'>",
        "      <source path='/tmp/s.log' append='on'/>",
        "      <target type='serial' port='0'/>",
        '    </console>',
        '',
      ].join('\n'),
    );
  });

  it('turns a lone serial console into a serial and keeps a virtio console as written', () => {
    const d = define(devicesXml("<console type='pty'/><console type='pty'><target type='virtio'/></console>"));
    expect(formatFamilies(d, ['serial', 'console', 'channel'])).toBe(
      [
        "    <serial type='pty'>",
        "      <target type='isa-serial' port='0'>",
        "        <model name='isa-serial'/>",
        '      </target>',
        '    </serial>',
        "    <console type='pty'>",
        "      <target type='serial' port='0'/>",
        '    </console>',
        "    <console type='pty'>",
        "      <target type='virtio' port='1'/>",
        '    </console>',
        '',
      ].join('\n'),
    );
  });

  it('writes tcp protocol and reconnect, drops a generated unix path, and keeps udp bind before connect', () => {
    const d = define(
      devicesXml(
        "<channel type='tcp'><source mode='connect' host='h' service='9' tls='yes'><reconnect enabled='yes' timeout='5'/></source><target type='guestfwd' address='10.0.2.1' port='4600'/></channel>" +
          "<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>" +
          "<parallel type='udp'><source mode='connect' host='a' service='1'/><source mode='bind' host='b' service='2'/><log file='/l' append='off'/></parallel>",
      ),
    );
    expect(formatFamilies(d, ['parallel', 'channel'])).toBe(
      [
        "    <parallel type='udp'>",
        "      <source mode='bind' host='b' service='2'/>",
        "      <source mode='connect' host='a' service='1'/>",
        "      <log file='/l' append='off'/>",
        "      <target port='0'/>",
        '    </parallel>',
        "    <channel type='tcp'>",
        "      <source mode='connect' host='h' service='9' tls='yes'>",
        "        <reconnect enabled='yes' timeout='5'/>",
        '      </source>',
        "      <protocol type='raw'/>",
        "      <target type='guestfwd' address='10.0.2.1' port='4600'/>",
        '    </channel>',
        "    <channel type='unix'>",
        "      <target type='virtio' name='org.qemu.guest_agent.0'/>",
        "      <address type='virtio-serial' controller='0' bus='0' port='1'/>",
        '    </channel>',
        '',
      ].join('\n'),
    );
  });
});

describe('disks', () => {
  it('writes the define-time defaults: driver, bus, readonly cdrom, drive address', () => {
    const d = define(devicesXml("<disk type='file' device='cdrom'><source file='/x.iso'/><target dev='hdc' tray='open'/><boot order='1'/></disk>"));
    expect(formatFamilies(d, ['disk'])).toBe(
      [
        "    <disk type='file' device='cdrom'>",
        "      <driver name='qemu' type='raw'/>",
        "      <source file='/x.iso'/>",
        "      <target dev='hdc' bus='ide' tray='open'/>",
        '      <readonly/>',
        "      <boot order='1'/>",
        "      <address type='drive' controller='0' bus='1' target='0' unit='0'/>",
        '    </disk>',
        '',
      ].join('\n'),
    );
  });

  it("leaves out cache='default', an empty source, and removable= off the USB bus", () => {
    const d = define(
      devicesXml(
        "<disk type='file' device='floppy'><driver name='qemu' cache='default'/><target dev='fda'/></disk>" +
          "<disk type='block' device='disk'><source dev='/dev/sdz'/><target dev='sda' bus='scsi' removable='on'/><serial>a&amp;b</serial></disk>",
      ),
    );
    expect(formatFamilies(d, ['disk'])).toBe(
      [
        "    <disk type='file' device='floppy'>",
        "      <driver name='qemu' type='raw'/>",
        "      <target dev='fda' bus='fdc'/>",
        "      <address type='drive' controller='0' bus='0' target='0' unit='0'/>",
        '    </disk>',
        "    <disk type='block' device='disk'>",
        "      <driver name='qemu' type='raw'/>",
        "      <source dev='/dev/sdz'/>",
        "      <target dev='sda' bus='scsi'/>",
        '      <serial>a&amp;b</serial>',
        "      <address type='drive' controller='0' bus='0' target='0' unit='0'/>",
        '    </disk>',
        '',
      ].join('\n'),
    );
  });
});

describe('video and graphics', () => {
  it('adds the default video for graphics and writes its sizes, heads and primary', () => {
    const d = define(devicesXml("<graphics type='vnc' listen='0.0.0.0' keymap='de' passwd='pw' passwdValidTo='2010-4-9T15:51:0'/>"));
    expect(formatFamilies(d, ['graphics', 'video'])).toBe(
      [
        "    <graphics type='vnc' port='-1' autoport='yes' listen='0.0.0.0' keymap='de' passwd='pw' passwdValidTo='2010-04-09T15:51:00'>",
        "      <listen type='address' address='0.0.0.0'/>",
        '    </graphics>',
        '    <video>',
        "      <model type='cirrus' vram='16384' heads='1' primary='yes'/>",
        "      <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>",
        '    </video>',
        '',
      ].join('\n'),
    );
  });

  it('writes a fixed port, a network listen without listen=, and a socket listen as socket=', () => {
    const d = define(
      devicesXml(
        "<graphics type='vnc' port='5910' autoport='no' websocket='-1'><listen type='network' network='default'/></graphics>" +
          "<graphics type='vnc' socket='/tmp/vnc.sock'/>" +
          "<video><driver iommu='on' name='qemu'/><model type='virtio' heads='2'><acceleration accel3d='yes'/></model></video>",
        'q35',
      ),
    );
    expect(formatFamilies(d, ['graphics', 'video'])).toBe(
      [
        "    <graphics type='vnc' port='5910' autoport='no' websocket='-1'>",
        "      <listen type='network' network='default'/>",
        '    </graphics>',
        "    <graphics type='vnc' socket='/tmp/vnc.sock'>",
        "      <listen type='socket' socket='/tmp/vnc.sock'/>",
        '    </graphics>',
        '    <video>',
        "      <driver iommu='on' name='qemu'/>",
        "      <model type='virtio' heads='2' primary='yes'>",
        "        <acceleration accel3d='yes'/>",
        '      </model>',
        "      <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/>",
        '    </video>',
        '',
      ].join('\n'),
    );
  });

  it('forgets a VNC socket libvirt generated under its state directory', () => {
    const d = define(devicesXml("<graphics type='vnc' socket='/var/lib/libvirt/qemu/domain-1-t/vnc.sock'/>"));
    expect(formatFamilies(d, ['graphics'])).toBe(
      ["    <graphics type='vnc' port='-1' autoport='yes'>", "      <listen type='address'/>", '    </graphics>', ''].join('\n'),
    );
  });
});

describe('rng, watchdog, hub', () => {
  it('writes the backend, the default random file, rate and the empty egd backend as open/close tags', () => {
    const d = define(
      devicesXml(
        "<rng model='virtio'><rate bytes='1234'/><backend model='random'/></rng>" +
          "<rng model='virtio'><backend model='egd' type='pty'/><driver iommu='off'/></rng>" +
          "<watchdog model='i6300esb'/><hub type='usb'/>",
      ),
    );
    const text = formatFamilies(d, ['rng', 'watchdog', 'hub']);
    expect(text).toContain(
      ["    <rng model='virtio'>", "      <rate bytes='1234'/>", "      <backend model='random'>/dev/random</backend>"].join('\n'),
    );
    expect(text).toContain(["      <backend model='egd' type='pty'>", '      </backend>', "      <driver iommu='off'/>"].join('\n'));
    expect(text).toContain("    <watchdog model='i6300esb' action='reset'>");
    expect(text).toMatch(/^ {4}<hub type='usb'\/>$/m);
  });
});
