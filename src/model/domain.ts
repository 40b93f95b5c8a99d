/** The domain: libvirt's virDomainDef, as far as teamctl models it. */
import type { ChannelDef, ConsoleDef, ParallelDef, SerialDef } from './chardev.js';
import type { Audio, Controller, Sound, Disk, Hostdev, Hub, Input, Interface, Memballoon, Watchdog } from './devices.js';
import type { Graphics } from './graphics.js';
import type { Rng } from './rng.js';
import type { Video } from './video.js';

export type VirtType = 'qemu' | 'kvm' | 'hvf';

export type BootDevice = 'fd' | 'cdrom' | 'hd' | 'network';

export interface Os {
  type: 'hvm';
  arch?: string;
  machine?: string;
  boot: BootDevice[];
  bootmenu?: { enable?: boolean; timeout?: number };
}

export interface CpuDef {
  mode?: 'custom' | 'host-model' | 'host-passthrough' | 'maximum';
  match?: 'minimum' | 'exact' | 'strict';
  check?: 'none' | 'partial' | 'full';
  /** Only for host-passthrough and maximum CPUs (libvirt's virTristateSwitch). */
  migratable?: boolean;
  model?: { name: string; fallback?: 'allow' | 'forbid' };
  /** <model vendor_id='…'>: the 12-character CPUID vendor string the guest sees. */
  vendorId?: string;
  /** <vendor>: the vendor the model must come from. */
  vendor?: string;
  topology?: { sockets: number; dies: number; clusters: number; cores: number; threads: number };
  cache?: CpuCache;
  features?: CpuFeature[];
}

export type CpuFeaturePolicy = 'force' | 'require' | 'optional' | 'disable' | 'forbid';

export interface CpuFeature {
  name: string;
  policy: CpuFeaturePolicy;
}

export interface CpuCache {
  /** 1–3; absent means "every level". */
  level?: number;
  mode: 'emulate' | 'passthrough' | 'disable';
}

export interface Timer {
  name: 'platform' | 'pit' | 'rtc' | 'hpet' | 'tsc' | 'kvmclock' | 'hypervclock' | 'armvtimer';
  present?: boolean;
  tickpolicy?: 'delay' | 'catchup' | 'merge' | 'discard';
  track?: 'boot' | 'guest' | 'wall' | 'realtime';
}

export interface Clock {
  offset: 'utc' | 'localtime' | 'timezone' | 'variable' | 'absolute';
  timers: Timer[];
}

export type LifecycleAction = 'destroy' | 'restart' | 'rename-restart' | 'preserve' | 'coredump-destroy' | 'coredump-restart';

export interface Features {
  acpi?: boolean;
  apic?: boolean;
  pae?: boolean;
  vmport?: boolean;
}

export interface Devices {
  emulator?: string;
  disks: Disk[];
  controllers: Controller[];
  interfaces: Interface[];
  inputs: Input[];
  graphics: Graphics[];
  sounds: Sound[];
  audios: Audio[];
  videos: Video[];
  hostdevs: Hostdev[];
  serials: SerialDef[];
  parallels: ParallelDef[];
  consoles: ConsoleDef[];
  channels: ChannelDef[];
  watchdogs: Watchdog[];
  memballoon?: Memballoon;
  rngs: Rng[];
  hubs: Hub[];
}

/** A domain without devices. */
export function emptyDevices(): Devices {
  return {
    disks: [],
    controllers: [],
    interfaces: [],
    inputs: [],
    graphics: [],
    sounds: [],
    audios: [],
    videos: [],
    hostdevs: [],
    serials: [],
    parallels: [],
    consoles: [],
    channels: [],
    watchdogs: [],
    rngs: [],
    hubs: [],
  };
}

export interface Domain {
  type: VirtType;
  name: string;
  uuid?: string;
  title?: string;
  description?: string;
  /** <metadata> kept verbatim. */
  metadataXml?: string;
  /** <memory> in KiB. */
  memory: number;
  /** <currentMemory> in KiB. */
  currentMemory?: number;
  vcpu: { count: number; placement?: 'static' | 'auto'; cpuset?: string; current?: number };
  os: Os;
  features: Features;
  cpu?: CpuDef;
  clock: Clock;
  onPoweroff?: LifecycleAction;
  onReboot?: LifecycleAction;
  onCrash?: LifecycleAction;
  pm: { suspendToMem?: boolean; suspendToDisk?: boolean };
  /** <memoryBacking> details teamctl models. */
  memoryBacking?: { locked?: boolean };
  devices: Devices;
}
