/**
 * fast-check arbitrary for well-formed domain XML built from the vocabulary
 * our parser models (src/parse, src/model): domain type, machine, memory,
 * vcpu, os, features, cpu, clock and <devices>. Most domains are ones libvirt
 * accepts, so properties reach the builders; some are rejected on purpose
 * (colliding addresses, broken teams, IDE on q35, …).
 */
import fc from 'fast-check';
import {
  channelArb,
  consoleArb,
  controllersArb,
  disksArb,
  graphicsArb,
  hostdevArb,
  hubArb,
  inputArb,
  memballoonArb,
  parallelArb,
  rngArb,
  serialArb,
  videoArb,
  watchdogArb,
  type Chipset,
} from './device-arbitrary.js';
import { interfaceArb, teamArb } from './net-arbitrary.js';
import { el, opt, render, textEl, type Node } from './xml-build.js';

const few = <T>(arb: fc.Arbitrary<T>, max: number): fc.Arbitrary<T[]> => fc.array(arb, { maxLength: max, size: 'small' });

const PC_MACHINES = ['pc', 'pc', 'pc', 'pc', 'pc', 'pc-i440fx-4.2', 'pc-i440fx-6.2', 'pc-i440fx-2.12'];
const Q35_MACHINES = ['q35', 'q35', 'q35', 'q35', 'q35', 'pc-q35-4.2', 'pc-q35-6.2', 'pc-q35-5.2'];

const memoryArb: fc.Arbitrary<Node[]> = fc
  .record({
    amount: fc.constantFrom<[string | undefined, number]>([undefined, 524288], ['KiB', 1048576], ['MiB', 1024], ['MiB', 2048], ['GiB', 1], ['M', 512], ['G', 2], ['k', 262144]),
    current: fc.boolean(),
  })
  .map(({ amount: [unit, n], current }) => [textEl('memory', String(n), { unit }), current ? textEl('currentMemory', String(n), { unit }) : undefined].filter((x): x is Node => x !== undefined));

const osArb = (machine: string): fc.Arbitrary<Node> =>
  fc
    .record({ boots: few(fc.constantFrom('hd', 'cdrom', 'network', 'fd'), 2), bootmenu: opt(fc.constantFrom('yes', 'no'), 4), arch: fc.constantFrom('x86_64', 'x86_64', undefined) })
    .map(({ boots, bootmenu, arch }) =>
      el('os', {}, [textEl('type', 'hvm', { arch, machine }), ...[...new Set(boots)].map((dev) => el('boot', { dev })), bootmenu ? el('bootmenu', { enable: bootmenu }) : undefined]),
    );

const featuresArb: fc.Arbitrary<Node | undefined> = opt(
  fc.record({ acpi: fc.boolean(), apic: fc.boolean(), pae: fc.boolean(), vmport: opt(fc.constantFrom('on', 'off'), 3) }).map(({ acpi, apic, pae, vmport }) =>
    el('features', {}, [acpi ? el('acpi') : undefined, apic ? el('apic') : undefined, pae ? el('pae') : undefined, vmport ? el('vmport', { state: vmport }) : undefined]),
  ),
  2,
);

const cpuArb = (vcpus: number): fc.Arbitrary<Node | undefined> =>
  opt(
    fc
      .record({
        model: opt(fc.constantFrom('qemu64', 'Haswell', 'Skylake-Client', 'EPYC')),
        fallback: opt(fc.constantFrom('allow', 'forbid'), 3),
        topology: fc.constantFrom<[number, number, number]>([1, vcpus, 1], [vcpus, 1, 1], [1, 1, vcpus], [2, 2, 1]),
        withTopology: fc.boolean(),
      })
      .map(({ model, fallback, topology: [sockets, cores, threads], withTopology }) =>
        el('cpu', { mode: 'custom', match: 'exact' }, [model ? textEl('model', model, { fallback }) : undefined, withTopology ? el('topology', { sockets, cores, threads }) : undefined]),
      ),
    3,
  );

const clockArb: fc.Arbitrary<Node | undefined> = opt(
  fc
    .record({
      offset: fc.constantFrom('utc', 'localtime'),
      timers: few(
        fc.oneof(
          fc.constantFrom('delay', 'catchup').map((tickpolicy) => el('timer', { name: 'rtc', tickpolicy })),
          fc.constant(el('timer', { name: 'pit', tickpolicy: 'delay' })),
          fc.constantFrom('yes', 'no').map((present) => el('timer', { name: 'hpet', present })),
        ),
        2,
      ),
    })
    .map(({ offset, timers }) => el('clock', { offset }, [...new Map(timers.map((t) => [t.attrs['name'], t])).values()])),
  2,
);

const devicesArb = (c: Chipset): fc.Arbitrary<Node> =>
  fc
    .record({
      disks: disksArb(c),
      controllers: controllersArb(c),
      interfaces: few(interfaceArb, 3),
      teams: few(fc.constant(0), 1),
      hostdevs: few(hostdevArb, 2),
      serials: few(serialArb, 2),
      parallels: few(parallelArb, 1),
      consoles: few(consoleArb, 1),
      channels: few(channelArb, 2),
      inputs: few(inputArb, 2),
      graphics: few(graphicsArb, 1),
      videos: few(videoArb, 1),
      watchdog: opt(watchdogArb, 3),
      rngs: few(rngArb, 1),
      memballoon: memballoonArb,
      hubs: few(hubArb, 1),
    })
    .chain((d) =>
      (d.teams.length === 0 ? fc.constant<Node[][]>([]) : fc.tuple(...d.teams.map((_, i) => teamArb(i)))).map((teams) => {
        const teamNodes = teams.flat();
        return el('devices', {}, [
          textEl('emulator', '/usr/bin/qemu-system-x86_64'),
          ...d.disks,
          ...d.controllers,
          ...d.interfaces,
          ...teamNodes.filter((n) => n.name === 'interface'),
          ...d.serials,
          ...d.parallels,
          ...d.consoles,
          ...d.channels,
          ...d.inputs,
          ...d.graphics,
          ...d.videos,
          ...d.hostdevs,
          ...teamNodes.filter((n) => n.name === 'hostdev'),
          d.watchdog,
          ...d.rngs,
          d.memballoon,
          ...d.hubs,
        ]);
      }),
    );

/** A generated domain: its XML and the facts the generator chose, for reports. */
export interface GeneratedDomain {
  readonly xml: string;
  readonly q35: boolean;
}

export const domainArb: fc.Arbitrary<GeneratedDomain> = fc
  .record({ q35: fc.boolean(), type: fc.constantFrom('kvm', 'qemu'), vcpus: fc.constantFrom(1, 2, 4), placement: opt(fc.constantFrom('static', 'auto'), 3) })
  .chain(({ q35, type, vcpus, placement }) =>
    fc
      .record({
        machine: fc.constantFrom(...(q35 ? Q35_MACHINES : PC_MACHINES)),
        memory: memoryArb,
        features: featuresArb,
        cpu: cpuArb(vcpus),
        clock: clockArb,
        devices: devicesArb({ q35 }),
      })
      .chain((p) =>
        osArb(p.machine).map((os) => {
          const domain = el('domain', { type }, [
            textEl('name', 'fuzz'),
            textEl('uuid', 'c7a5fdbd-edaf-9455-926a-d65c16db1809'),
            ...p.memory,
            textEl('vcpu', String(vcpus), { placement }),
            os,
            p.features,
            p.cpu,
            p.clock,
            p.devices,
          ]);
          return { xml: render(domain), q35 };
        }),
      ),
  );
