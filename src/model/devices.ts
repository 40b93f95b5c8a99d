/**
 * Device types, spelled as libvirt's domain XML spells them. Optional fields
 * are absent when the XML did not say (post-parse fills libvirt's defaults).
 */
import type { DeviceInfo, HostPciAddress } from './address.js';
import type { VirtioOptions } from './virtio.js';

// ---------------------------------------------------------------- teaming --

/** <teaming type='persistent'/> or <teaming type='transient' persistent='ALIAS'/>. */
export interface Teaming {
  type: 'persistent' | 'transient';
  /** Alias of the persistent partner (required for transient; validated, not parsed). */
  persistent?: string;
}

// -------------------------------------------------------------- interface --

export const INTERFACE_TYPES = [
  'user',
  'ethernet',
  'vhostuser',
  'server',
  'client',
  'mcast',
  'network',
  'bridge',
  'internal',
  'direct',
  'hostdev',
  'udp',
  'vdpa',
  'null',
  'vds',
] as const;
export type InterfaceType = (typeof INTERFACE_TYPES)[number];

/** <driver> of an interface (virtio options live here). */
export interface NetDriver extends VirtioOptions {
  name?: 'qemu' | 'vhost' | 'vfio' | 'kvm' | 'xen';
  txmode?: 'iothread' | 'timer';
  ioeventfd?: boolean;
  event_idx?: boolean;
  queues?: number;
  rx_queue_size?: number;
  tx_queue_size?: number;
  rss?: boolean;
  rss_hash_report?: boolean;
  host?: NetOffloads;
  guest?: NetOffloads;
}

export interface NetOffloads {
  csum?: boolean;
  gso?: boolean;
  tso4?: boolean;
  tso6?: boolean;
  ecn?: boolean;
  ufo?: boolean;
  mrg_rxbuf?: boolean;
}

/** One <ip> of an interface (guest side) or of its <source> (host side). */
export interface NetIp {
  /** The address in libvirt's printed (canonical) form. */
  address: string;
  family: 'ipv4' | 'ipv6';
  prefix?: number;
  peer?: string;
}

/** One <route> (libvirt's virNetDevIPRoute); addresses in canonical form. */
export interface NetRoute {
  family?: string;
  address: string;
  netmask?: string;
  prefix?: number;
  gateway: string;
  metric?: number;
}

/** <ip>/<route> children of an element. */
export interface NetIpInfo {
  ips: NetIp[];
  routes: NetRoute[];
}

/** <portForward> (passt backend only). */
export interface NetPortForward {
  proto: 'tcp' | 'udp';
  address?: string;
  dev?: string;
  ranges: Array<{ start?: number; end?: number; to?: number; exclude?: boolean }>;
}

/** <backend type= tap= vhost= logFile=>. */
export interface NetBackend {
  type?: 'default' | 'passt';
  /** Custom tap device path. */
  tap?: string;
  /** Custom vhost-net device path (kept only for virtio models). */
  vhost?: string;
  logFile?: string;
}

interface InterfaceBase {
  info: DeviceInfo;
  /** <mac address='..'/> in canonical lower-case form. */
  mac?: string;
  /** <mac type='generated|static' check='yes|no'/>. */
  macType?: 'generated' | 'static';
  macCheck?: boolean;
  /**
   * <model type='..'/>: libvirt's own model names in their canonical
   * spelling (matched case-insensitively), any other name as written.
   */
  model?: string;
  teaming?: Teaming;
  driver?: NetDriver;
  backend?: NetBackend;
  /** <target dev='..' managed='no'/>. */
  target?: { dev?: string; managed?: boolean };
  /** <mtu size='..'/>. */
  mtu?: number;
  /** <link state='up|down'/>. */
  linkState?: 'up' | 'down';
  trustGuestRxFilters?: boolean;
  /** <script path=..>/<downscript path=..>: run on the host when the tap comes up / goes down. */
  script?: string;
  downscript?: string;
  /** <source><ip/><route/></source>: host side of the connection (type='ethernet' only). */
  hostIp?: NetIpInfo;
  /** <ip/>/<route/> directly in <interface>: what the guest should get. */
  guestIp?: NetIpInfo;
  portForwards?: NetPortForward[];
  /** <tune><sndbuf>N</sndbuf></tune>. */
  sndbuf?: number;
  /** <coalesce><rx><frames max='N'/></rx></coalesce>. */
  coalesce?: { rxMaxFrames: number };
  /** <port isolated='yes|no'/>. */
  isolatedPort?: boolean;
  /** Presence and kind of the host-side elements validation looks at (their XML is in hostSideXml). */
  vlan?: boolean;
  virtualportType?: string;
  filterref?: string;
  bandwidth?: boolean;
  /**
   * Elements that configure the host side only and never reach QEMU's
   * command line (vlan, virtualport, bandwidth, ...), kept verbatim so
   * xml2xml can print them again.
   */
  hostSideXml?: string[];
}

export interface UserInterface extends InterfaceBase {
  type: 'user';
}

export interface HostdevInterface extends InterfaceBase {
  type: 'hostdev';
  managed?: boolean;
  source: { address: HostPciAddress };
}

export interface NetworkInterface extends InterfaceBase {
  type: 'network';
  source: { network: string; portgroup?: string };
}

export interface EthernetInterface extends InterfaceBase {
  type: 'ethernet';
}

export interface BridgeInterface extends InterfaceBase {
  type: 'bridge';
  source: { bridge: string };
}

/** QEMU's own socket backends: a TCP listener or client, a multicast group, a UDP tunnel. */
export interface SocketInterface extends InterfaceBase {
  type: 'server' | 'client' | 'mcast' | 'udp';
  source: { address?: string; port: number; local?: { address: string; port: number } };
}

export interface VhostuserInterface extends InterfaceBase {
  type: 'vhostuser';
  source: {
    /** The UNIX socket (required unless a passt backend provides it). */
    path?: string;
    mode?: 'client' | 'server';
    reconnect?: { enabled: boolean; timeout?: number };
  };
}

export interface VdpaInterface extends InterfaceBase {
  type: 'vdpa';
  source: { dev: string };
}

export interface InternalInterface extends InterfaceBase {
  type: 'internal';
  source: { name: string };
}

export interface NullInterface extends InterfaceBase {
  type: 'null';
}

/** Interface types teamctl does not model yet still parse to this shape and are rejected later. */
export interface OtherInterface extends InterfaceBase {
  type: Exclude<
    InterfaceType,
    'user' | 'hostdev' | 'network' | 'ethernet' | 'bridge' | 'server' | 'client' | 'mcast' | 'udp' | 'vhostuser' | 'vdpa' | 'internal' | 'null'
  >;
}

export type Interface =
  | UserInterface
  | HostdevInterface
  | NetworkInterface
  | EthernetInterface
  | BridgeInterface
  | SocketInterface
  | VhostuserInterface
  | VdpaInterface
  | InternalInterface
  | NullInterface
  | OtherInterface;

// ---------------------------------------------------------------- hostdev --

export interface PciHostdev {
  mode: 'subsystem';
  type: 'pci';
  managed?: boolean;
  /** display='on|off': the device's display is exposed through the guest's graphics. */
  display?: boolean;
  /** ramfb='on|off': a ramfb boot display for the device. */
  ramfb?: boolean;
  source: { address: HostPciAddress; writeFiltering?: boolean };
  /** `model` names the host driver variant to bind (vfio-pci-igb, ...); it never reaches QEMU. */
  driver?: { name?: 'kvm' | 'vfio' | 'xen' | 'default'; model?: string };
  teaming?: Teaming;
  info: DeviceInfo;
}

export type UsbGuestReset = 'off' | 'uninitialized' | 'on';

export interface UsbHostdev {
  mode: 'subsystem';
  type: 'usb';
  managed?: boolean;
  source: {
    vendor?: number;
    product?: number;
    address?: { bus: number; device: number };
    startupPolicy?: 'mandatory' | 'requisite' | 'optional';
    guestReset?: UsbGuestReset;
  };
  teaming?: Teaming;
  info: DeviceInfo;
}

/** A mediated device (a slice of a host GPU or crypto card), named by its UUID. */
export interface MdevHostdev {
  mode: 'subsystem';
  type: 'mdev';
  model: 'vfio-pci' | 'vfio-ccw' | 'vfio-ap';
  managed?: boolean;
  display?: boolean;
  ramfb?: boolean;
  source: { address: { uuid: string } };
  teaming?: Teaming;
  info: DeviceInfo;
}

export type Hostdev = PciHostdev | UsbHostdev | MdevHostdev;

/**
 * A PCI device assigned to the guest, whichever element asked for it: a plain
 * <hostdev>, an <interface type='hostdev'>, or an <interface type='network'>
 * whose network hands out VFs. libvirt keeps all of them in one list.
 */
export interface AssignedPciDevice {
  readonly origin: 'hostdev' | 'interface' | 'network';
  /** The element the device came from; its info is shared. */
  readonly owner: PciHostdev | HostdevInterface | NetworkInterface;
  readonly address: HostPciAddress;
  readonly teaming?: Teaming;
}

// ------------------------------------------------------------------- disk --

export type DiskBus = 'ide' | 'fdc' | 'scsi' | 'virtio' | 'xen' | 'usb' | 'uml' | 'sata' | 'sd';

export const DISK_CACHE_MODES = ['default', 'none', 'writethrough', 'writeback', 'directsync', 'unsafe'] as const;
export type DiskCache = (typeof DISK_CACHE_MODES)[number];

/** <driver> of a disk. */
export interface DiskDriver {
  name?: string;
  /** The image format: raw, qcow2, ... */
  type?: string;
  cache?: DiskCache;
  discard?: 'ignore' | 'unmap';
  detect_zeroes?: 'off' | 'on' | 'unmap';
}

export interface Disk {
  type: 'file' | 'block';
  device: 'disk' | 'cdrom' | 'floppy' | 'lun';
  driver?: DiskDriver;
  /** The image path (source file= or dev=); absent for an empty cdrom/floppy. */
  source?: string;
  /** An empty <backingStore/>: the image has no backing chain (libvirt then tells QEMU so). */
  backingStoreTerminated?: boolean;
  /** <target removable='on|off'/> applies to usb and scsi disks; tray= to cdroms and floppies. */
  target: { dev: string; bus?: DiskBus; removable?: boolean; tray?: 'open' | 'closed' };
  readonly?: boolean;
  shareable?: boolean;
  serial?: string;
  /** <wwn>: 16 hex digits, optionally 0x-prefixed (ide and scsi disks). */
  wwn?: string;
  /** <vendor> (scsi disks). */
  vendor?: string;
  /** <product> (ide, sata and scsi disks). */
  product?: string;
  info: DeviceInfo;
}

// ------------------------------------------------------------- controller --

export type ControllerType = 'ide' | 'fdc' | 'scsi' | 'sata' | 'virtio-serial' | 'ccid' | 'usb' | 'pci' | 'xenbus' | 'isa';

export interface Controller {
  type: ControllerType;
  index: number;
  model?: string;
  /** <controller type='usb' ports='N'>. */
  ports?: number;
  /** <controller type='virtio-serial' ports='N' vectors='N'>. */
  vectors?: number;
  /** <target chassis= port= busNr= index= .../> of PCI controllers. */
  target?: { chassisNr?: number; chassis?: number; port?: number; busNr?: number; index?: number; hotplug?: boolean; memReserve?: number };
  /** <model name='...'/> of PCI controllers (the QEMU device). */
  modelName?: string;
  /** <master startport='N'/> of a USB companion controller. */
  master?: { startport: number };
  /** <driver queues= cmd_per_lun= max_sectors= ioeventfd=> of SCSI (and virtio-serial) controllers. */
  driver?: { queues?: number; cmd_per_lun?: number; max_sectors?: number; ioeventfd?: boolean };
  info: DeviceInfo;
}

// -------------------------------------------------------------- the rest --

export type InputType = 'mouse' | 'tablet' | 'keyboard' | 'passthrough' | 'evdev';
export type InputBus = 'ps2' | 'usb' | 'xen' | 'parallels' | 'virtio' | 'none';

export interface Input {
  type: InputType;
  bus?: InputBus;
  model?: 'virtio' | 'virtio-transitional' | 'virtio-non-transitional';
  /** <source evdev='…'> (passthrough) or <source dev='…' grab= grabToggle= repeat=> (evdev). */
  source?: InputSource;
  /** <driver>'s virtio options (used by virtio inputs only). */
  driver?: VirtioOptions;
  info: DeviceInfo;
}

export interface InputSource {
  evdev?: string;
  grab?: 'all';
  grabToggle?: 'ctrl-ctrl' | 'alt-alt' | 'shift-shift' | 'meta-meta' | 'scrolllock' | 'ctrl-scrolllock';
  repeat?: boolean;
}

/** <hub type='usb'>. */
export interface Hub {
  type: 'usb';
  info: DeviceInfo;
}

export type AudioType = 'none' | 'alsa' | 'coreaudio' | 'jack' | 'oss' | 'pulseaudio' | 'sdl' | 'spice' | 'file' | 'dbus' | 'pipewire';
export type AudioFormat = 'u8' | 's8' | 'u16' | 's16' | 'u32' | 's32' | 'f32';
export type AudioSdlDriver = 'esd' | 'alsa' | 'arts' | 'pulseaudio';

/**
 * <input>/<output> of an <audio>: the settings every backend shares
 * (libvirt's virDomainAudioIOCommon) plus the per-direction attributes of the
 * backend; the parser reads only those the audio's type has.
 */
export interface AudioIO {
  mixingEngine?: boolean;
  fixedSettings?: boolean;
  voices?: number;
  bufferLength?: number;
  /** <settings>: only with fixedSettings='yes'. */
  frequency?: number;
  channels?: number;
  format?: AudioFormat;
  /** alsa, oss. */
  dev?: string;
  /** coreaudio, oss, sdl. */
  bufferCount?: number;
  /** jack. */
  serverName?: string;
  clientName?: string;
  connectPorts?: string;
  exactName?: boolean;
  /** oss. */
  tryPoll?: boolean;
  /** pulseaudio, pipewire. */
  name?: string;
  streamName?: string;
  latency?: number;
}

export interface Audio {
  id: number;
  type: AudioType;
  timerPeriod?: number;
  input?: AudioIO;
  output?: AudioIO;
  /** oss. */
  tryMMap?: boolean;
  exclusive?: boolean;
  dspPolicy?: number;
  /** pulseaudio. */
  serverName?: string;
  /** sdl. */
  driver?: AudioSdlDriver;
  /** file. */
  path?: string;
  /** pipewire. */
  runtimeDir?: string;
}

export type SoundModel = 'sb16' | 'es1370' | 'pcspk' | 'ac97' | 'ich6' | 'ich9' | 'usb' | 'ich7' | 'virtio';
export type SoundCodecType = 'duplex' | 'micro' | 'output';

export interface Sound {
  model: SoundModel;
  /** <codec type>, ich6 and ich9 only; the codec address (cad) is the position. */
  codecs: SoundCodecType[];
  /** usb only. */
  multichannel?: boolean;
  /** <audio id='N'/>: the audio backend; absent = the first one. */
  audioId?: number;
  info: DeviceInfo;
}

export interface Memballoon {
  model: 'virtio' | 'xen' | 'none' | 'virtio-transitional' | 'virtio-non-transitional';
  autodeflate?: boolean;
  freePageReporting?: boolean;
  /** <stats period='N'/>. */
  period?: number;
  info: DeviceInfo;
}

export interface Watchdog {
  model: 'i6300esb' | 'ib700' | 'diag288' | 'itco';
  action?: 'reset' | 'shutdown' | 'poweroff' | 'pause' | 'none' | 'dump' | 'inject-nmi';
  info: DeviceInfo;
}
