/**
 * fast-check arbitraries for <interface> (every type our parser models) and
 * for failover teams: a virtio persistent interface with a ua- alias and a
 * transient hostdev, network-pool or plain <hostdev> pointing at it — and
 * pairings that are broken on purpose.
 */
import fc from 'fast-check';
import { pciAddressArb } from './device-arbitrary.js';
import { el, opt, hex, type Node } from './xml-build.js';


/** The networks of qemuxml2argvdata/networks, and one nobody defined. */
export const NETWORKS = ['lan', 'host-bridge', 'macvtap-pool', 'vf-pool', 'nowhere'] as const;
const MODELS = ['virtio', 'virtio', 'virtio', 'e1000', 'e1000e', 'rtl8139', 'virtio-transitional', 'virtio-non-transitional', 'vmxnet3', 'igb', 'ne2k_pci', 'usb-net'];

const hostPci = (bus: number, slot: number, fn: number): Node => el('address', { type: 'pci', domain: '0x0000', bus: hex(bus, 2), slot: hex(slot, 2), function: hex(fn, 1) });
const hostPciArb = fc.record({ bus: fc.integer({ min: 1, max: 6 }), slot: fc.integer({ min: 0, max: 31 }), fn: fc.integer({ min: 0, max: 7 }) }).map(({ bus, slot, fn }) => hostPci(bus, slot, fn));

interface Typed {
  type: string;
  attrs?: Record<string, string>;
  source: Node[];
  /** Front-end model allowed (hostdev and vhost-user have their own rules). */
  model: boolean;
}

const typedArb: fc.Arbitrary<Typed> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Typed>({ type: 'user', source: [], model: true }) },
  { weight: 3, arbitrary: fc.constantFrom(...NETWORKS).map<Typed>((network) => ({ type: 'network', source: [el('source', { network })], model: true })) },
  { weight: 2, arbitrary: fc.constantFrom('br0', 'virbr1').map<Typed>((bridge) => ({ type: 'bridge', source: [el('source', { bridge })], model: true })) },
  { weight: 2, arbitrary: opt(fc.constantFrom('tap-fuzz0', 'mytap1')).map<Typed>((dev) => ({ type: 'ethernet', source: dev ? [el('target', { dev, managed: 'no' })] : [], model: true })) },
  {
    weight: 1,
    arbitrary: fc.record({ managed: opt(fc.constantFrom('yes', 'no')), addr: hostPciArb }).map<Typed>(({ managed, addr }) => ({ type: 'hostdev', ...(managed ? { attrs: { managed } } : {}), source: [el('source', {}, [addr])], model: false })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('server', 'client').map<Typed>((mode) => ({ type: 'vhostuser', source: [el('source', { type: 'unix', path: `/run/vhostuser/${mode}.sock`, mode })], model: false })),
  },
  { weight: 1, arbitrary: fc.constant<Typed>({ type: 'server', source: [el('source', { address: '192.168.0.1', port: '5558' })], model: true }) },
  { weight: 1, arbitrary: fc.constant<Typed>({ type: 'client', source: [el('source', { address: '192.168.0.1', port: '5558' })], model: true }) },
  { weight: 1, arbitrary: fc.constant<Typed>({ type: 'mcast', source: [el('source', { address: '230.0.0.1', port: '5560' })], model: true }) },
  { weight: 1, arbitrary: fc.constant<Typed>({ type: 'udp', source: [el('source', { address: '192.168.10.1', port: '5555' }, [el('local', { address: '127.0.0.1', port: '5556' })])], model: true }) },
);

const macArb = fc.integer({ min: 0, max: 0xffff }).map((n) => `52:54:00:aa:${hex(n >> 8, 2).slice(2)}:${hex(n & 0xff, 2).slice(2)}`);

export const interfaceArb: fc.Arbitrary<Node> = fc
  .record({
    t: typedArb,
    mac: opt(macArb),
    model: opt(fc.constantFrom(...MODELS), 4),
    queues: opt(fc.integer({ min: 1, max: 4 }), 5),
    mtu: opt(fc.constantFrom(1500, 9000), 10),
    link: opt(fc.constantFrom('up', 'down'), 5),
    boot: opt(fc.integer({ min: 1, max: 3 }), 30),
    addr: pciAddressArb,
  })
  .map(({ t, mac, model, queues, mtu, link, boot, addr }) => {
    const virtio = model === undefined || model.startsWith('virtio');
    return el('interface', { type: t.type, ...t.attrs }, [
      mac ? el('mac', { address: mac }) : undefined,
      ...t.source,
      t.model && model ? el('model', { type: model }) : undefined,
      t.model && virtio && queues ? el('driver', { name: 'vhost', queues }) : undefined,
      mtu ? el('mtu', { size: mtu }) : undefined,
      link ? el('link', { state: link }) : undefined,
      boot ? el('boot', { order: boot }) : undefined,
      addr,
    ]);
  });

// ---- failover teams -------------------------------------------------------

type Transient = 'interface-hostdev' | 'network-pool' | 'plain-hostdev';
/** How a pair is broken: not at all, or one of the mistakes lint and libvirt report. */
type Breakage = 'none' | 'none' | 'dangling' | 'not-virtio' | 'no-alias' | 'persistent-hostdev' | 'two-transients';

export const teamArb = (n: number): fc.Arbitrary<Node[]> =>
  fc
    .record({
      transient: fc.constantFrom<Transient>('interface-hostdev', 'network-pool', 'plain-hostdev'),
      broken: fc.constantFrom<Breakage>('none', 'none', 'none', 'none', 'none', 'none', 'none', 'none', 'dangling', 'not-virtio', 'no-alias', 'persistent-hostdev', 'two-transients'),
      persistentType: fc.constantFrom('user', 'bridge', 'network'),
      mac: macArb,
      host: hostPciArb,
    })
    .map(({ transient, broken, persistentType, mac, host }) => {
      const alias = `ua-team${n}`;
      const source = persistentType === 'bridge' ? [el('source', { bridge: 'br0' })] : persistentType === 'network' ? [el('source', { network: 'lan' })] : [];
      const persistent =
        broken === 'persistent-hostdev'
          ? el('interface', { type: 'hostdev', managed: 'yes' }, [el('source', {}, [host]), el('teaming', { type: 'persistent' }), el('alias', { name: alias })])
          : el('interface', { type: persistentType }, [
              el('mac', { address: mac }),
              ...source,
              el('model', { type: broken === 'not-virtio' ? 'e1000' : 'virtio' }),
              el('teaming', { type: 'persistent' }),
              broken === 'no-alias' ? undefined : el('alias', { name: alias }),
            ]);
      const target = broken === 'dangling' ? `ua-nothing${n}` : alias;
      const teaming = el('teaming', { type: 'transient', persistent: target });
      const transientNode = (): Node =>
        transient === 'interface-hostdev'
          ? el('interface', { type: 'hostdev', managed: 'yes' }, [el('mac', { address: mac }), el('source', {}, [host]), teaming])
          : transient === 'network-pool'
            ? el('interface', { type: 'network' }, [el('mac', { address: mac }), el('source', { network: 'vf-pool' }), teaming])
            : el('hostdev', { mode: 'subsystem', type: 'pci', managed: 'yes' }, [el('source', {}, [el('address', { domain: '0x0000', bus: host.attrs['bus'], slot: host.attrs['slot'], function: host.attrs['function'] })]), teaming]);
      return broken === 'two-transients' ? [persistent, transientNode(), transientNode()] : [persistent, transientNode()];
    });
