import { diskStorageNodes, effectiveCacheMode, needsFormatLayer } from '../src/build/devices/disk-storage.js';
import { builtinCaps } from '../src/caps/table.js';
import type { Disk } from '../src/model/devices.js';
import { toJson } from '../src/render/serialize.js';
import { xml2argv } from '../src/pipeline.js';

const latest = builtinCaps('latest');
const qemu62 = builtinCaps('6.2.0');

function disk(extra: Partial<Disk> = {}): Disk {
  return { type: 'file', device: 'disk', source: '/img', target: { dev: 'vda', bus: 'virtio' }, info: {}, ...extra };
}

describe('blockdev nodes (qemu_block.c)', () => {
  it('uses the storage node alone for raw images once QEMU can mask the protocol layer', () => {
    expect(needsFormatLayer(disk({ driver: { type: 'raw' } }), latest)).toBe(false);
    expect(needsFormatLayer(disk({ driver: { type: 'raw' } }), qemu62)).toBe(true);
    expect(needsFormatLayer(disk({ driver: { type: 'qcow2' } }), latest)).toBe(true);
  });

  it('puts the guest-visible settings on the topmost node only', () => {
    const nodes = diskStorageNodes(disk({ driver: { type: 'qcow2', discard: 'ignore', detect_zeroes: 'unmap' } }), latest, 7, false);
    expect(nodes.top).toBe('libvirt-7-format');
    expect(toJson(nodes.storage)).toBe('{"driver":"file","filename":"/img","node-name":"libvirt-7-storage","auto-read-only":true,"discard":"unmap"}');
    // detect_zeroes='unmap' needs discard='unmap'; otherwise libvirt asks for 'on'.
    expect(toJson(nodes.format!)).toBe('{"node-name":"libvirt-7-format","read-only":false,"discard":"ignore","detect-zeroes":"on","driver":"qcow2","file":"libvirt-7-storage"}');
  });

  it('defaults a shared writable disk to cache=none', () => {
    expect(effectiveCacheMode(disk({ shareable: true }))).toBe('none');
    expect(effectiveCacheMode(disk({ shareable: true, readonly: true }))).toBeUndefined();
    expect(effectiveCacheMode(disk({ shareable: true, driver: { cache: 'writeback' } }))).toBe('writeback');
  });
});

describe('storage node names', () => {
  const xml = `<domain type='qemu'><name>n</name><uuid>6a1d2c3e-0000-4d8e-9f21-5c6b7a8d9e00</uuid><memory>1048576</memory>
    <os><type arch='x86_64' machine='pc'>hvm</type></os><devices>
      <disk type='file' device='disk'><source file='/a'/><target dev='hda'/></disk>
      <disk type='file' device='cdrom'><target dev='hdc'/></disk>
      <disk type='file' device='disk'><source file='/b'/><target dev='hdb'/></disk>
      <memballoon model='none'/></devices></domain>`;

  it('numbers sources from the last disk (libvirt-1) to the first, empty drives included', () => {
    const args = xml2argv(xml).args;
    // Disk order after insertion: hda, hdb, hdc (empty).
    expect(args).toContain('"filename":"/a","node-name":"libvirt-3-storage"');
    expect(args).toContain('"filename":"/b","node-name":"libvirt-2-storage"');
    expect(args).not.toContain('libvirt-1-storage');
    expect(args).toContain('{"driver":"ide-cd","bus":"ide.1","unit":0,"id":"ide0-1-0"}');
  });
});
