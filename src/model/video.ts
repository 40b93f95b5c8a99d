/** <video>: libvirt's virDomainVideoDef, as far as QEMU uses it. */
import type { DeviceInfo } from './address.js';
import type { VirtioOptions } from './virtio.js';

export const VIDEO_TYPES = ['vga', 'cirrus', 'vmvga', 'xen', 'vbox', 'qxl', 'parallels', 'virtio', 'gop', 'none', 'bochs', 'ramfb'] as const;
export type VideoType = (typeof VIDEO_TYPES)[number];

export interface VideoModel {
  /** Absent until post-parse picks the machine's default. */
  type?: VideoType;
  /** Sizes in KiB, as written; post-parse fills defaults and rounds up to powers of two. */
  ram?: number;
  vram?: number;
  vram64?: number;
  vgamem?: number;
  heads?: number;
  /** primary='yes' as written; post-parse also sets it on the first video. */
  primary?: boolean;
  blob?: boolean;
  acceleration?: { accel3d?: boolean; accel2d?: boolean; rendernode?: string };
  resolution?: { x: number; y: number };
}

export interface Video {
  model: VideoModel;
  /** <driver name='qemu|vhostuser' iommu=… ats=…/>; vhostuser runs the GPU in a vhost-user-gpu process. */
  driver?: { name?: 'qemu' | 'vhostuser' } & VirtioOptions;
  info: DeviceInfo;
}
