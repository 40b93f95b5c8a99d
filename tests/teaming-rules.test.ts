/** libvirt's teaming rules beyond the shared conformance cases. */
import { xml2argv } from '../src/pipeline.js';
import { parseNetworkXml } from '../src/parse/network.js';

function domain(devices: string, machine = 'q35'): string {
  return `<domain type='kvm'><name>t</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
  <memory unit='MiB'>512</memory><os><type arch='x86_64' machine='${machine}'>hvm</type></os>
  <devices>${devices}</devices></domain>`;
}

const persistent = `<interface type='user'><mac address='52:54:00:00:00:01'/><model type='virtio'/>
  <teaming type='persistent'/><alias name='ua-p'/></interface>`;

const pool = (addresses: string[]) =>
  parseNetworkXml(
    `<network><name>pool</name><forward mode='hostdev' managed='yes'>${addresses
      .map((a) => `<address type='pci' domain='0x0000' bus='0x05' slot='0x00' function='${a}'/>`)
      .join('')}</forward></network>`,
    'pool.xml',
  );
const viaPool = `<interface type='network'><mac address='52:54:00:00:00:01'/><source network='pool'/>
  <teaming type='transient' persistent='ua-p'/></interface>`;

describe('teaming', () => {
  it('puts failover on the persistent NIC and failover_pair_id on a pool VF', () => {
    const r = xml2argv(domain(persistent + viaPool), { networks: [pool(['0x1', '0x2'])] });
    expect(r.args).toContain('"driver":"virtio-net-pci","failover":true,"netdev":"hostua-p","id":"ua-p"');
    expect(r.args).toContain('"driver":"vfio-pci","host":"0000:05:00.1","id":"hostdev0","failover_pair_id":"ua-p"');
  });

  it('gives each pool interface the next free VF', () => {
    const second = viaPool.replace(':01', ':02').replace("persistent='ua-p'", "persistent='ua-q'");
    const p2 = persistent.replace('ua-p', 'ua-q').replace(':01', ':02');
    const r = xml2argv(domain(persistent + p2 + viaPool + second), { networks: [pool(['0x1', '0x2'])] });
    expect(r.args).toContain('"host":"0000:05:00.1"');
    expect(r.args).toContain('"host":"0000:05:00.2"');
  });

  it('reports an exhausted pool with libvirt’s message', () => {
    const second = viaPool.replace(':01', ':02');
    expect(() => xml2argv(domain(persistent + viaPool + second), { networks: [pool(['0x1'])] })).toThrow(
      "network 'pool' requires exclusive access to interfaces, but none are available",
    );
  });

  it('asks for the network definition it needs', () => {
    expect(() => xml2argv(domain(persistent + viaPool))).toThrow("network 'pool' is not defined: pass its libvirt network XML with --network-xml");
  });

  it('refuses a transient interface whose network is not a hostdev pool', () => {
    const nat = parseNetworkXml("<network><name>pool</name><forward mode='nat'/><bridge name='virbr0'/></network>", 'nat.xml');
    expect(() => xml2argv(domain(persistent + viaPool), { networks: [nat] })).toThrow(
      "interface 52:54:00:00:00:01 - teaming transient device must be type='hostdev', not 'bridge'",
    );
  });

  it('places the VF behind a hot-pluggable root port on q35, not on pcie.0', () => {
    const r = xml2argv(domain(persistent + viaPool), { networks: [pool(['0x1'])] });
    const vf = r.args.split('\n').find((l) => l.includes('vfio-pci'))!;
    expect(vf).toMatch(/"bus":"pci\.\d+","addr":"0x0"/);
  });
});
