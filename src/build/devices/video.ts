/** Video devices (libvirt's qemuBuildVideoCommandLine and qemuBuildDeviceVideoCmd). */
import type { Caps } from '../../caps/caps.js';
import { internalError, usageError } from '../../errors.js';
import type { Domain } from '../../model/domain.js';
import type { Video } from '../../model/video.js';
import type { CommandBuilder } from '../../render/command.js';
import { Props } from '../../render/props.js';
import { addressProps } from '../address.js';
import type { Profile } from '../profile.js';
import { virtioOptionProps } from '../virtio-options.js';

export function buildVideos(cmd: CommandBuilder, d: Domain, caps: Caps, profile: Profile): void {
  for (const v of d.devices.videos) {
    if (v.model.type === 'none') continue;
    // The vhost-user-gpu process talks to QEMU over a socket libvirt passes in.
    if (isVhostUser(v)) {
      if (profile.passedSocketFd === undefined) {
        throw usageError(
          'profile.vhost-user-gpu',
          `video ${v.info.alias ?? ''}: <driver name='vhostuser'> needs the socket of the vhost-user-gpu process libvirt starts and passes to QEMU; --profile ${profile.name} cannot provide it`,
        );
      }
      cmd.arg('-chardev', `socket,id=${vhostUserChardev(v)},fd=${profile.passedSocketFd}`);
    }
    cmd.props('-device', 'device', videoProps(d, v, caps));
  }
}

function isVhostUser(v: Video): boolean {
  return v.driver?.name === 'vhostuser';
}

function vhostUserChardev(v: Video): string {
  return `chr-vu-${v.info.alias!}`;
}

/** The primary video uses the model with VGA compatibility, when QEMU has one (qemuDomainSupportsVideoVga). */
function usesVgaModel(v: Video, caps: Caps): boolean {
  if (!v.model.primary) return false;
  if (v.model.type !== 'virtio') return true;
  return caps.has(isVhostUser(v) ? 'vhost-user-vga' : 'virtio-vga');
}

/**
 * qemuDeviceVideoGetModel: the QEMU device, whether it is a virtio device
 * (which takes the virtio options) and whether its name gets a bus suffix.
 */
function videoDevice(v: Video, caps: Caps): { driver: string; virtio?: true; busSuffix: boolean } {
  const accel3d = v.model.acceleration?.accel3d === true;
  const type = v.model.type;
  if (isVhostUser(v)) {
    return usesVgaModel(v, caps) ? { driver: 'vhost-user-vga', busSuffix: false } : { driver: 'vhost-user-gpu', virtio: true, busSuffix: true };
  }
  if (usesVgaModel(v, caps)) {
    switch (type) {
      case 'vga':
        return { driver: 'VGA', busSuffix: false };
      case 'cirrus':
        return { driver: 'cirrus-vga', busSuffix: false };
      case 'vmvga':
        return { driver: 'vmware-svga', busSuffix: false };
      case 'qxl':
        return { driver: 'qxl-vga', busSuffix: false };
      case 'virtio':
        return { driver: caps.has('virtio-vga-gl') && accel3d ? 'virtio-vga-gl' : 'virtio-vga', virtio: true, busSuffix: false };
      case 'bochs':
        return { driver: 'bochs-display', busSuffix: false };
      case 'ramfb':
        return { driver: 'ramfb', busSuffix: false };
      default:
        break;
    }
  } else if (type === 'qxl') {
    return { driver: 'qxl', busSuffix: false };
  } else if (type === 'virtio') {
    return { driver: caps.has('virtio-gpu-gl-pci') && accel3d ? 'virtio-gpu-gl' : 'virtio-gpu', virtio: true, busSuffix: true };
  }
  throw internalError('build.video-model', `invalid model for video type '${type ?? 'default'}'`);
}

function videoProps(d: Domain, v: Video, caps: Caps): Props {
  const m = v.model;
  const { driver, virtio, busSuffix } = videoDevice(v, caps);
  let name = driver;
  if (busSuffix) {
    // qemuBuildVirtioDevProps names the device after its bus; x86 video is always PCI.
    if (v.info.address?.type !== 'pci') throw internalError('build.video-address', `Unexpected address type for '${driver}'`);
    name += '-pci';
  }
  const virgl = m.type === 'virtio' && !isVhostUser(v) && caps.has('virtio-gpu.virgl') ? m.acceleration?.accel3d : undefined;
  const p = Props.of('driver', name)
    .extend(virtioOptionProps(virtio ? v.driver : undefined))
    .set('id', v.info.alias!)
    .tristate('virgl', virgl)
    .positive('max_outputs', m.type === 'qxl' || m.type === 'virtio' ? m.heads : undefined);
  if (isVhostUser(v)) p.set('chardev', vhostUserChardev(v));
  else switch (m.type) {
    case 'qxl':
      p.positive('ram_size', (m.ram ?? 0) * 1024).positive('vram_size', (m.vram ?? 0) * 1024);
      if (caps.has('qxl.vram64_size_mb')) p.set('vram64_size_mb', Math.floor((m.vram64 ?? 0) / 1024));
      if (caps.has('qxl.vgamem_mb')) p.set('vgamem_mb', Math.floor((m.vgamem ?? 0) / 1024));
      break;
    case 'vga':
    case 'vmvga':
      if (caps.has(m.type === 'vga' ? 'VGA.vgamem_mb' : 'vmware-svga.vgamem_mb')) p.positive('vgamem_mb', Math.floor((m.vram ?? 0) / 1024));
      break;
    case 'bochs':
      p.positive('vgamem', (m.vram ?? 0) * 1024);
      break;
    case 'virtio':
      p.tristate('blob', m.blob);
      break;
    default:
      break;
  }
  if (m.resolution) p.positive('xres', m.resolution.x).positive('yres', m.resolution.y);
  return p.extend(addressProps(d, v.info));
}
