/**
 * Video defaults: libvirt's qemuDomainDeviceVideoDefPostParse and
 * virDomainVideoDefPostParse per device, then virDomainDefAddImplicitVideo
 * and virDomainDefPostParseVideo for the domain.
 */
import type { Caps } from '../caps/caps.js';
import type { Domain } from '../model/domain.js';
import type { Video, VideoType } from '../model/video.js';

/** QEMU's default VGA memory for qxl, in KiB. */
const QXL_VGAMEM_DEFAULT_KIB = 16 * 1024;

export function videoDefaults(d: Domain, caps: Caps): void {
  for (const v of d.devices.videos) videoDeviceDefaults(v, caps);
  // A domain with graphics but no <video> gets the default video device.
  if (d.devices.graphics.length > 0 && d.devices.videos.length === 0) {
    const implicit: Video = { model: {}, info: {} };
    videoDeviceDefaults(implicit, caps);
    d.devices.videos.push(implicit);
  }
  const first = d.devices.videos[0];
  if (!first) return;
  if (first.model.type === 'none') {
    // libvirt clears whatever it filled in so the XML shows <model type='none'/>; only a user alias survives.
    first.model = { type: 'none' };
    first.info = first.info.alias !== undefined ? { alias: first.info.alias } : {};
    delete first.driver;
  } else {
    first.model.primary = true;
  }
}

function videoDeviceDefaults(v: Video, caps: Caps): void {
  const m = v.model;
  if (m.type === undefined) {
    const type = defaultVideoType(caps);
    if (type !== undefined) m.type = type;
  }
  m.heads ??= 1;
  if (m.type === 'qxl' && !m.vgamem) m.vgamem = QXL_VGAMEM_DEFAULT_KIB;
  if (!m.ram && m.type === 'qxl') m.ram = defaultVideoRamKiB(m.type);
  if (!m.vram) m.vram = defaultVideoRamKiB(m.type);
  setRounded(m, 'ram');
  setRounded(m, 'vram');
}

/** qemuDomainDefaultVideoDevice for x86: cirrus when QEMU has it, else VGA. */
function defaultVideoType(caps: Caps): VideoType | undefined {
  if (caps.has('cirrus-vga')) return 'cirrus';
  if (caps.has('VGA')) return 'vga';
  return undefined;
}

/** virDomainVideoDefaultRAM for QEMU domains, in KiB (0: no default). */
function defaultVideoRamKiB(type: VideoType | undefined): number {
  switch (type) {
    case 'vga':
    case 'cirrus':
    case 'vmvga':
    case 'bochs':
      return 16 * 1024;
    case 'xen':
      return 4 * 1024;
    case 'qxl':
      return 64 * 1024;
    default:
      return 0;
  }
}

function setRounded(m: Video['model'], key: 'ram' | 'vram'): void {
  const rounded = roundUpPowerOfTwo(m[key] ?? 0);
  if (rounded === 0) delete m[key];
  else m[key] = rounded;
}

/** libvirt's VIR_ROUND_UP_POWER_OF_TWO for an unsigned int: 0 for 0 and for values past 2^31. */
export function roundUpPowerOfTwo(value: number): number {
  if (value <= 0 || value > 2 ** 31) return 0;
  let p = 1;
  while (p < value) p *= 2;
  return p;
}
