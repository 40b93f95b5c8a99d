/**
 * fast-check arbitraries for the <devices> our parser models: disks,
 * controllers, hostdevs, character devices, video, graphics, inputs,
 * watchdog, rng, memballoon and hubs. Values come from the parser's own
 * vocabulary, weighted towards what libvirt accepts on the chosen chipset.
 */
import fc from 'fast-check';
import { el, opt, hex, textEl, type Node } from './xml-build.js';

export interface Chipset {
  readonly q35: boolean;
}


/** An explicit PCI address on bus 0, sometimes; slots collide now and then on purpose. */
export const pciAddressArb: fc.Arbitrary<Node | undefined> = opt(
  fc.record({ slot: fc.integer({ min: 2, max: 0x1f }), fn: fc.constantFrom(0, 0, 0, 1) }).map(({ slot, fn }) =>
    el('address', { type: 'pci', domain: '0x0000', bus: '0x00', slot: hex(slot, 2), function: hex(fn, 1) }),
  ),
  4,
);

const usbAddressArb: fc.Arbitrary<Node | undefined> = opt(
  fc.constantFrom('1', '2', '3', '4', '1.2').map((port) => el('address', { type: 'usb', bus: '0', port })),
  4,
);

// ---- disks ---------------------------------------------------------------

type DiskKind = 'disk' | 'cdrom' | 'floppy';
const PREFIX: Readonly<Record<string, string>> = { ide: 'hd', sata: 'sd', scsi: 'sd', usb: 'sd', virtio: 'vd', fdc: 'fd' };

interface DiskSpec {
  kind: DiskKind;
  bus: string;
  block: boolean;
  format: string | undefined;
  cache: string | undefined;
  discard: string | undefined;
  detectZeroes: string | undefined;
  readonly: boolean;
  empty: boolean;
  unit: number | undefined;
  pci: Node | undefined;
  serial: string | undefined;
}

function diskSpecArb(c: Chipset): fc.Arbitrary<DiskSpec> {
  const kind = fc.constantFrom<DiskKind>('disk', 'disk', 'disk', 'cdrom', 'floppy');
  return kind.chain((k) =>
    fc.record({
      kind: fc.constant(k),
      bus:
        k === 'floppy'
          ? fc.constant('fdc')
          : k === 'cdrom'
            ? fc.constantFrom(...(c.q35 ? ['sata', 'sata', 'scsi', 'usb'] : ['ide', 'ide', 'scsi', 'sata', 'usb']))
            : fc.constantFrom(...(c.q35 ? ['virtio', 'virtio', 'sata', 'scsi', 'usb'] : ['virtio', 'virtio', 'ide', 'scsi', 'sata', 'usb'])),
      block: fc.boolean(),
      format: opt(fc.constantFrom('raw', 'qcow2')),
      cache: opt(fc.constantFrom('none', 'writeback', 'writethrough', 'directsync', 'unsafe', 'default'), 3),
      discard: opt(fc.constantFrom('unmap', 'ignore'), 4),
      detectZeroes: opt(fc.constantFrom('off', 'on', 'unmap'), 4),
      readonly: fc.constant(k === 'cdrom'),
      empty: k === 'disk' ? fc.constant(false) : fc.constantFrom(false, false, true),
      unit: opt(fc.integer({ min: 0, max: 3 }), 5),
      pci: pciAddressArb,
      serial: opt(fc.constantFrom('SN-1', 'disk_serial', 'abc.def'), 5),
    }),
  );
}

function diskNode(d: DiskSpec, name: string): Node {
  const path = d.block ? `/dev/sd${name}` : `/var/lib/libvirt/images/${name}.img`;
  const drive = d.unit !== undefined && d.bus !== 'virtio' && d.bus !== 'usb';
  const address = d.bus === 'virtio' ? d.pci : drive ? el('address', { type: 'drive', controller: '0', bus: '0', target: '0', unit: String(d.unit) }) : undefined;
  return el('disk', { type: d.block ? 'block' : 'file', device: d.kind }, [
    d.format || d.cache || d.discard || d.detectZeroes ? el('driver', { name: 'qemu', type: d.format, cache: d.cache, discard: d.discard, detect_zeroes: d.detectZeroes }) : undefined,
    d.empty ? undefined : el('source', d.block ? { dev: path } : { file: path }),
    el('target', { dev: name, bus: d.bus }),
    d.readonly ? el('readonly') : undefined,
    d.serial !== undefined ? textEl('serial', d.serial) : undefined,
    address,
  ]);
}

/** Disks with target names that match their bus, numbered per name prefix. */
export function disksArb(c: Chipset): fc.Arbitrary<Node[]> {
  return fc.array(diskSpecArb(c), { maxLength: 4 }).map((specs) => {
    const used = new Map<string, number>();
    return specs.map((d) => {
      const prefix = d.kind === 'floppy' && d.bus === 'fdc' ? 'fd' : (PREFIX[d.bus] ?? 'sd');
      const n = used.get(prefix) ?? 0;
      used.set(prefix, n + 1);
      return diskNode(d, `${prefix}${String.fromCharCode(97 + n)}`);
    });
  });
}

// ---- controllers ----------------------------------------------------------

export function controllersArb(c: Chipset): fc.Arbitrary<Node[]> {
  const usb = opt(
    fc.record({
      model: fc.constantFrom('qemu-xhci', 'qemu-xhci', 'qemu-xhci', 'nec-xhci', 'piix3-uhci', 'ich9-ehci1', 'pci-ohci', 'qemu-xhci', 'nec-xhci', 'none'),
      ports: opt(fc.integer({ min: 1, max: 15 }), 3),
      address: pciAddressArb,
    }).map(({ model, ports, address }) => el('controller', { type: 'usb', index: '0', model, ports: model.endsWith('xhci') ? ports : undefined }, [model === 'none' ? undefined : address])),
  );
  const pciModels = c.q35 ? ['pcie-root-port', 'pcie-root-port', 'dmi-to-pci-bridge'] : ['pci-bridge'];
  // libvirt gives an unindexed controller the lowest free index, 0 for the first PCI one: write them.
  const pci = fc
    .array(fc.record({ model: fc.constantFrom(...pciModels), hotplug: opt(fc.constantFrom('on', 'off'), 4) }), { maxLength: 3 })
    .map((list) =>
      list.map(({ model, hotplug }, i) => el('controller', { type: 'pci', index: i + 1, model }, [model === 'pcie-root-port' && hotplug !== undefined ? el('target', { hotplug }) : undefined])),
    );
  const scsi = opt(
    fc.record({ model: fc.constantFrom('virtio-scsi', 'virtio-scsi', 'lsilogic', 'virtio-non-transitional'), queues: opt(fc.integer({ min: 1, max: 4 }), 3), address: pciAddressArb }).map(
      ({ model, queues, address }) => el('controller', { type: 'scsi', index: '0', model }, [model.startsWith('virtio') && queues ? el('driver', { queues }) : undefined, address]),
    ),
  );
  const vserial = opt(
    fc.record({ ports: opt(fc.integer({ min: 1, max: 31 })), vectors: opt(fc.integer({ min: 1, max: 8 }), 4) }).map(({ ports, vectors }) => el('controller', { type: 'virtio-serial', index: '0', ports, vectors })),
    3,
  );
  const sata = c.q35 ? opt(fc.constant(el('controller', { type: 'sata', index: '0' })), 3) : opt(fc.constant(el('controller', { type: 'sata', index: '0' })), 8);
  return fc.tuple(usb, pci, scsi, vserial, sata).map(([u, p, sc, v, sa]) => [u, ...p, sc, v, sa].filter((n): n is Node => n !== undefined));
}

// ---- hostdevs -------------------------------------------------------------

const hostPci = (bus: number, slot: number, fn: number): Node => el('address', { domain: '0x0000', bus: hex(bus, 2), slot: hex(slot, 2), function: hex(fn, 1) });

export const hostdevArb: fc.Arbitrary<Node> = fc.oneof(
  fc.record({ bus: fc.integer({ min: 1, max: 8 }), slot: fc.integer({ min: 0, max: 31 }), fn: fc.integer({ min: 0, max: 7 }), managed: opt(fc.constantFrom('yes', 'no')), addr: pciAddressArb, rom: opt(fc.constantFrom('on', 'off'), 4) }).map(
    ({ bus, slot, fn, managed, addr, rom }) =>
      el('hostdev', { mode: 'subsystem', type: 'pci', managed }, [el('source', {}, [hostPci(bus, slot, fn)]), rom ? el('rom', { bar: rom }) : undefined, addr]),
  ),
  fc.record({ vendor: fc.constantFrom('0x1234', '0x046d'), product: fc.constantFrom('0xbeef', '0xc077'), byAddress: fc.constantFrom(true, true, false), addr: usbAddressArb }).map(({ vendor, product, byAddress, addr }) =>
    el('hostdev', { mode: 'subsystem', type: 'usb' }, [
      el('source', {}, byAddress ? [el('address', { bus: '1', device: '3' })] : [el('vendor', { id: vendor }), el('product', { id: product })]),
      addr,
    ]),
  ),
  fc.record({ n: fc.integer({ min: 0, max: 255 }), display: opt(fc.constantFrom('on', 'off'), 3), addr: pciAddressArb }).map(({ n, display, addr }) =>
    el('hostdev', { mode: 'subsystem', type: 'mdev', model: 'vfio-pci', display }, [el('source', {}, [el('address', { uuid: `c0ffee00-1234-4abc-8def-0011223344${n.toString(16).padStart(2, '0')}` })]), addr]),
  ),
);

// ---- character devices ----------------------------------------------------

const chrSourceArb: fc.Arbitrary<{ type: string; source: Node[] }> = fc.oneof(
  fc.constantFrom('pty', 'null', 'vc', 'stdio').map((type) => ({ type, source: [] })),
  fc.constantFrom('file', 'pipe', 'dev').map((type) => ({ type, source: [el('source', { path: type === 'dev' ? '/dev/ttyS0' : `/var/log/guests/${type}.out` })] })),
  fc.record({ mode: fc.constantFrom('bind', 'connect'), withPath: fc.constantFrom(true, true, true, true, true, false) }).map(({ mode, withPath }) => ({
    type: 'unix',
    source: [el('source', { mode, path: withPath ? `/run/guests/${mode}.sock` : undefined })],
  })),
  fc.record({ mode: fc.constantFrom('bind', 'connect'), tls: opt(fc.constantFrom('yes', 'no'), 3), telnet: fc.boolean() }).map(({ mode, tls, telnet }) => ({
    type: 'tcp',
    source: [el('source', { mode, host: mode === 'bind' ? '0.0.0.0' : '192.0.2.7', service: '4555', tls }), telnet ? el('protocol', { type: 'telnet' }) : undefined].filter((n): n is Node => n !== undefined),
  })),
  fc.boolean().map((bind) => ({
    type: 'udp',
    source: bind ? [el('source', { mode: 'bind', host: '0.0.0.0', service: '5001' }), el('source', { mode: 'connect', service: '5002' })] : [el('source', { mode: 'connect', host: '192.0.2.30', service: '5000' })],
  })),
);

export const serialArb: fc.Arbitrary<Node> = fc
  .record({ src: chrSourceArb, target: opt(fc.constantFrom('isa-serial', 'isa-serial', 'pci-serial')), port: opt(fc.integer({ min: 0, max: 4 }), 4) })
  .map(({ src, target, port }) => el('serial', { type: src.type }, [...src.source, target || port !== undefined ? el('target', { type: target, port }) : undefined]));

export const parallelArb: fc.Arbitrary<Node> = chrSourceArb.map((src) => el('parallel', { type: src.type }, [...src.source]));

export const consoleArb: fc.Arbitrary<Node> = fc
  .record({ src: chrSourceArb, target: opt(fc.constantFrom('serial', 'virtio')) })
  .map(({ src, target }) => el('console', { type: src.type }, [...src.source, target ? el('target', { type: target }) : undefined]));

const CHANNEL_NAMES = ['org.qemu.guest_agent.0', 'org.example.one', 'org.example.two', 'com.redhat.spice.0'];
export const channelArb: fc.Arbitrary<Node> = fc.oneof(
  fc.record({ src: chrSourceArb, name: fc.constantFrom(...CHANNEL_NAMES), port: opt(fc.integer({ min: 1, max: 4 }), 3) }).map(({ src, name, port }) =>
    el('channel', { type: src.type }, [...src.source, el('target', { type: 'virtio', name }), port !== undefined ? el('address', { type: 'virtio-serial', controller: '0', bus: '0', port }) : undefined]),
  ),
  fc.constant(el('channel', { type: 'qemu-vdagent' }, [el('target', { type: 'virtio', name: 'com.redhat.spice.0' })])),
  fc.constant(el('channel', { type: 'pty' }, [el('target', { type: 'guestfwd', address: '10.0.2.1', port: '4600' })])),
);

// ---- the rest ---------------------------------------------------------------

export const videoArb: fc.Arbitrary<Node> = fc
  .record({ type: fc.constantFrom('vga', 'cirrus', 'qxl', 'virtio', 'bochs', 'ramfb', 'none', 'vga'), vram: opt(fc.constantFrom(8192, 16384, 65536), 3), heads: opt(fc.constantFrom(1, 2), 4), addr: pciAddressArb })
  .map(({ type, vram, heads, addr }) => el('video', {}, [el('model', { type, vram: type === 'none' ? undefined : vram, heads: type === 'none' ? undefined : heads }), type === 'none' ? undefined : addr]));

export const graphicsArb: fc.Arbitrary<Node> = fc.oneof(
  fc.constant(el('graphics', { type: 'vnc', port: '-1', autoport: 'yes' })),
  fc.constantFrom('127.0.0.1', '0.0.0.0', '::1').map((address) => el('graphics', { type: 'vnc', port: '5905', autoport: 'no' }, [el('listen', { type: 'address', address })])),
  fc.constant(el('graphics', { type: 'vnc' }, [el('listen', { type: 'socket', socket: '/run/guests/vnc.sock' })])),
  fc.constant(el('graphics', { type: 'sdl', display: ':0' })),
);

export const inputArb: fc.Arbitrary<Node> = fc
  .record({ type: fc.constantFrom('mouse', 'tablet', 'keyboard'), bus: fc.constantFrom('usb', 'usb', 'usb', 'virtio'), addr: usbAddressArb })
  .map(({ type, bus, addr }) => el('input', { type, bus }, [bus === 'usb' ? addr : undefined]));

export const watchdogArb: fc.Arbitrary<Node> = fc
  .record({ model: fc.constant('i6300esb'), action: opt(fc.constantFrom('reset', 'poweroff', 'pause', 'none', 'inject-nmi', 'dump')) })
  .map(({ model, action }) => el('watchdog', { model, action }));

export const rngArb: fc.Arbitrary<Node> = fc
  .record({ model: fc.constantFrom('virtio', 'virtio', 'virtio-transitional'), backend: fc.constantFrom('random', 'builtin', 'egd'), rate: fc.boolean(), addr: pciAddressArb })
  .map(({ model, backend, rate, addr }) =>
    el('rng', { model }, [
      rate ? el('rate', { bytes: '1024', period: '1000' }) : undefined,
      backend === 'egd'
        ? el('backend', { model: 'egd', type: 'unix' }, [el('source', { mode: 'connect', path: '/run/guests/egd.sock' })])
        : backend === 'random'
          ? textEl('backend', '/dev/urandom', { model: 'random' })
          : el('backend', { model: 'builtin' }),
      addr,
    ]),
  );

export const memballoonArb: fc.Arbitrary<Node | undefined> = opt(
  fc.record({ model: fc.constantFrom('virtio', 'none', 'virtio-non-transitional'), period: opt(fc.constantFrom(5, 10)), addr: pciAddressArb }).map(({ model, period, addr }) =>
    el('memballoon', { model }, model === 'none' ? [] : [period !== undefined ? el('stats', { period }) : undefined, addr]),
  ),
  2,
);

export const hubArb: fc.Arbitrary<Node> = usbAddressArb.map((addr) => el('hub', { type: 'usb' }, [addr]));
