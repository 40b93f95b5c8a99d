/**
 * <video> rules with libvirt's messages: virDomainVideoDefValidate (generic),
 * qemuValidateDomainDeviceDefVideo (QEMU) and virDomainDefVideoValidate
 * (domain-wide).
 */
import type { Caps } from '../caps/caps.js';
import { internalError, TeamctlError, unsupported, xmlError } from '../errors.js';
import type { Domain } from '../model/domain.js';
import type { Video, VideoType } from '../model/video.js';
import type { VirtioOptions } from '../model/virtio.js';
import { roundUpPowerOfTwo } from '../postparse/video.js';

const UINT_MAX_KIB = Math.floor(0xffffffff / 1024);

/** virDomainVideoDefValidate. */
export function validateVideoGeneric(v: Video, d: Domain): void {
  const m = v.model;
  if (m.type === undefined) throw internalError('video.no-default', 'missing video model and cannot determine default');
  if (d.devices.videos.length > 1 && d.devices.videos.some((x) => x.model.type === 'none')) {
    throw unsupported('video.none-not-alone', "a 'none' video type must be the only video device defined for the domain");
  }
  if (v.driver?.name === 'vhostuser') {
    if (m.type !== 'virtio') throw unsupported('video.vhostuser-type', "'vhostuser' driver is only supported with 'virtio' device");
  } else if (m.acceleration?.rendernode !== undefined) {
    throw unsupported('video.rendernode', "unsupported rendernode accel attribute without 'vhostuser'");
  }
  if (m.resolution && (m.resolution.x === 0 || m.resolution.y === 0)) {
    throw unsupported('video.resolution-zero', 'video resolution values must be greater than 0');
  }
  if (m.type !== 'qxl') {
    if (m.ram) throw unsupported('video.ram-not-qxl', 'ram attribute only supported for video type qxl');
    if (m.vram64) throw unsupported('video.vram64-not-qxl', 'vram64 attribute only supported for video type qxl');
    if (m.vgamem) throw unsupported('video.vgamem-not-qxl', 'vgamem attribute only supported for video type qxl');
  }
  if (m.type === 'ramfb' && v.info.address !== undefined) {
    throw unsupported('video.ramfb-address', 'address not supported for video type ramfb');
  }
  if (m.type !== 'virtio') validateVirtioOptionsAbsent(v.driver);
  if (m.type !== 'virtio' && m.blob !== undefined) {
    throw unsupported('video.blob', `video type '${m.type}' does not support blob resources`);
  }
}

/** virDomainCheckVirtioOptionsAreAbsent. */
function validateVirtioOptionsAbsent(o: VirtioOptions | undefined): void {
  if (o?.iommu !== undefined) throw unsupported('virtio.iommu', 'iommu driver option is only supported for virtio devices');
  if (o?.ats !== undefined) throw unsupported('virtio.ats', 'ats driver option is only supported for virtio devices');
  if (o?.packed !== undefined) throw unsupported('virtio.packed', 'packed driver option is only supported for virtio devices');
  if (o?.page_per_vq !== undefined) throw unsupported('virtio.page-per-vq', 'page_per_vq option is only supported for virtio devices');
}

/** The video models QEMU offers (virQEMUCapsFillDomainDeviceVideoCaps). */
function videoTypeSupported(type: VideoType, caps: Caps): boolean {
  switch (type) {
    case 'none':
      return true;
    case 'vga':
      return caps.has('VGA');
    case 'cirrus':
      return caps.has('cirrus-vga');
    case 'vmvga':
      return caps.has('vmware-svga');
    case 'qxl':
      return caps.has('qxl');
    case 'virtio':
      return caps.has('virtio-gpu');
    case 'bochs':
      return caps.has('bochs-display');
    case 'ramfb':
      return caps.has('ramfb');
    default:
      return false;
  }
}

/** qemuValidateDomainDeviceDefVideo. */
export function validateVideoQemu(v: Video, caps: Caps): void {
  const m = v.model;
  const type = m.type!;
  if (type === 'none') return;
  if (!videoTypeSupported(type, caps)) {
    throw unsupported('video.model-unsupported', `domain configuration does not support video model '${type}'`);
  }
  if (type !== 'qxl' && type !== 'virtio') {
    if (!m.primary) throw unsupported('video.secondary', `video type '${type}' is only valid as primary video device`);
    if ((m.heads ?? 1) !== 1) throw unsupported('video.heads', `video type '${type}' doesn't support multiple 'heads'`);
  }
  if (m.acceleration?.accel2d === true) throw unsupported('video.accel2d', 'qemu does not support the accel2d setting');
  if (type === 'qxl') {
    if ((m.vram ?? 0) > UINT_MAX_KIB) throw overflow(`value for 'vram' must be less than '${UINT_MAX_KIB}'`);
    if ((m.ram ?? 0) > UINT_MAX_KIB) throw overflow(`value for 'ram' must be less than '${UINT_MAX_KIB}'`);
    if (m.vgamem) {
      if (m.vgamem < 1024) throw unsupported('video.vgamem-min', "value for 'vgamem' must be at least 1 MiB (1024 KiB)");
      if (m.vgamem !== roundUpPowerOfTwo(m.vgamem)) throw unsupported('video.vgamem-pow2', "value for 'vgamem' must be power of two");
    }
  }
  if (type !== 'vga' && type !== 'qxl' && type !== 'virtio' && type !== 'bochs' && m.resolution) {
    throw xmlError('video.resolution', 'model resolution is not supported');
  }
  if ((type === 'vga' || type === 'vmvga') && m.vram && m.vram < 1024) {
    throw unsupported('video.vram-min', "value for 'vram' must be at least 1 MiB (1024 KiB)");
  }
  if (v.driver?.name === 'vhostuser') {
    if (type === 'virtio' && !caps.has('vhost-user-gpu')) throw unsupported('video.vhostuser-caps', "this QEMU does not support 'vhost-user' video device");
  } else if (m.acceleration?.accel3d === true) {
    if (type !== 'virtio') throw unsupported('video.accel3d-type', "3d acceleration is supported only with 'virtio' video device");
    if (!(caps.has('virtio-gpu.virgl') || caps.has('virtio-gpu-gl-pci') || caps.has('virtio-vga-gl'))) {
      throw unsupported('video.accel3d-caps', '3d acceleration is not supported by this QEMU binary');
    }
  }
  if (type === 'virtio' && m.blob !== undefined) {
    if (!caps.has('virtio-gpu.blob')) throw unsupported('video.blob-caps', "this QEMU does not support 'blob' for virtio-gpu devices");
    // teamctl does not model <memoryBacking><source type='memfd'/>, so blob='on' can never have its backend.
    if (m.blob) throw unsupported('video.blob-memfd', "'blob' support for virtio-gpu devices requires a memfd memory backend");
  }
  if (type === 'ramfb' && v.info.address !== undefined) {
    throw unsupported('video.ramfb-address', "'address' is not supported for 'ramfb' video devices");
  }
}

/** virDomainDefVideoValidate: the parser put every primary first, so a second one is an error. */
export function validateVideosDomain(d: Domain): void {
  const [first, ...rest] = d.devices.videos;
  if (first?.model.primary && rest.some((v) => v.model.primary)) {
    throw unsupported('video.multiple-primary', 'Only one primary video device is supported');
  }
}

function overflow(message: string): TeamctlError {
  return new TeamctlError('overflow', 'video.overflow', message);
}
