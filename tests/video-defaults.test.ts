/** Video post-parse: default models, memory sizes and the primary device. */
import { defineDomain } from '../src/pipeline.js';
import { roundUpPowerOfTwo } from '../src/postparse/video.js';

function videos(devicesXml: string, qemuVersion = 'latest') {
  const xml = `<domain type='kvm'><name>t</name><memory unit='MiB'>256</memory>
    <os><type arch='x86_64' machine='pc'>hvm</type></os><devices>${devicesXml}</devices></domain>`;
  return defineDomain(xml, { qemuVersion }).domain.devices.videos;
}

describe('roundUpPowerOfTwo', () => {
  it("matches libvirt's VIR_ROUND_UP_POWER_OF_TWO", () => {
    expect([0, 1, 2, 3, 1000, 1024, 1025].map(roundUpPowerOfTwo)).toEqual([0, 1, 2, 4, 1024, 1024, 2048]);
    expect(roundUpPowerOfTwo(2 ** 31)).toBe(2 ** 31);
    expect(roundUpPowerOfTwo(2 ** 31 + 1)).toBe(0);
  });
});

describe('videoDefaults', () => {
  it('adds a cirrus video for graphics without one', () => {
    const [v] = videos("<graphics type='vnc'/>");
    expect(v!.model).toEqual({ type: 'cirrus', heads: 1, vram: 16384, primary: true });
  });

  it('fills qxl sizes and rounds them up to powers of two', () => {
    const [v] = videos("<video><model type='qxl' ram='40000' vram='3000'/></video>");
    expect(v!.model).toMatchObject({ type: 'qxl', ram: 65536, vram: 4096, vgamem: 16384, heads: 1, primary: true });
  });

  it('puts the primary video first and leaves virtio memory alone', () => {
    const list = videos("<video><model type='virtio'/></video><video><model type='vga' primary='yes'/></video>");
    expect(list.map((v) => [v.model.type, v.model.primary === true, v.model.vram])).toEqual([
      ['vga', true, 16384],
      ['virtio', false, undefined],
    ]);
  });

  it("clears everything but a user alias from a 'none' video", () => {
    const [v] = videos("<video><model type='none' vram='1024'/><alias name='ua-v'/></video>");
    expect(v).toEqual({ model: { type: 'none' }, info: { alias: 'ua-v' } });
  });
});
