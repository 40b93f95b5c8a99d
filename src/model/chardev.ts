/**
 * Character devices (libvirt's virDomainChrDef and virDomainChrSourceDef):
 * <serial>, <parallel>, <console> and <channel>, and the host-side source
 * they share with the RNG egd backend.
 */
import type { DeviceInfo } from './address.js';

export const CHR_SOURCE_TYPES = [
  'null',
  'vc',
  'pty',
  'dev',
  'file',
  'pipe',
  'stdio',
  'udp',
  'tcp',
  'unix',
  'spicevmc',
  'spiceport',
  'nmdm',
  'qemu-vdagent',
  'dbus',
] as const;
export type ChrSourceType = (typeof CHR_SOURCE_TYPES)[number];

/** <log file='…' append='on|off'/>. */
export interface ChrLog {
  file?: string;
  append?: boolean;
}

/** <reconnect enabled='yes|no' timeout='N'/>. */
export interface ChrReconnect {
  enabled?: boolean;
  timeout?: number;
}

interface ChrSourceBase {
  log?: ChrLog;
}

/** Backends without settings of their own (spicevmc: the SPICE agent channel, vdagent). */
export interface ChrSimpleSource extends ChrSourceBase {
  type: 'null' | 'vc' | 'pty' | 'stdio' | 'spicevmc';
}

/** A named SPICE port (<source channel='…'/>). */
export interface ChrSpiceportSource extends ChrSourceBase {
  type: 'spiceport';
  channel?: string;
}

export interface ChrPathSource extends ChrSourceBase {
  type: 'dev' | 'pipe';
  path?: string;
}

export interface ChrFileSource extends ChrSourceBase {
  type: 'file';
  path?: string;
  append?: boolean;
}

export interface ChrUnixSource extends ChrSourceBase {
  type: 'unix';
  mode: 'connect' | 'bind';
  path?: string;
  reconnect?: ChrReconnect;
}

export interface ChrTcpSource extends ChrSourceBase {
  type: 'tcp';
  mode: 'connect' | 'bind';
  host?: string;
  service?: string;
  /** <protocol type='…'/>. */
  protocol?: 'raw' | 'telnet' | 'telnets' | 'tls';
  /** tls='yes|no'. */
  tls?: boolean;
  reconnect?: ChrReconnect;
}

export interface ChrUdpSource extends ChrSourceBase {
  type: 'udp';
  connectHost?: string;
  connectService?: string;
  bindHost?: string;
  bindService?: string;
}

export interface ChrVdagentSource extends ChrSourceBase {
  type: 'qemu-vdagent';
  /** <clipboard copypaste='yes|no'/>. */
  clipboard?: boolean;
  /** <mouse mode='client|server'/>. */
  mouse?: 'client' | 'server';
}

export type ChrSource =
  | ChrSimpleSource
  | ChrPathSource
  | ChrFileSource
  | ChrUnixSource
  | ChrTcpSource
  | ChrUdpSource
  | ChrVdagentSource
  | ChrSpiceportSource;

// ---------------------------------------------------------------- devices --

export const SERIAL_TARGET_TYPES = [
  'isa-serial',
  'usb-serial',
  'pci-serial',
  'spapr-vio-serial',
  'system-serial',
  'sclp-serial',
  'isa-debug',
] as const;
export type SerialTargetType = (typeof SERIAL_TARGET_TYPES)[number];

export const SERIAL_TARGET_MODELS = [
  'isa-serial',
  'usb-serial',
  'pci-serial',
  'spapr-vty',
  'pl011',
  'sclpconsole',
  'sclplmconsole',
  '16550a',
  'isa-debugcon',
] as const;
export type SerialTargetModel = (typeof SERIAL_TARGET_MODELS)[number];

export const CONSOLE_TARGET_TYPES = ['serial', 'xen', 'uml', 'virtio', 'lxc', 'openvz', 'sclp', 'sclplm'] as const;
export type ConsoleTargetType = (typeof CONSOLE_TARGET_TYPES)[number];

export const CHANNEL_TARGET_TYPES = ['guestfwd', 'virtio', 'xen'] as const;
export type ChannelTargetType = (typeof CHANNEL_TARGET_TYPES)[number];

interface ChrBase {
  source: ChrSource;
  info: DeviceInfo;
}

export interface SerialDef extends ChrBase {
  deviceType: 'serial';
  /** Absent type and model: libvirt picks them for the machine. */
  target: { type?: SerialTargetType; model?: SerialTargetModel; port?: number };
}

export interface ParallelDef extends ChrBase {
  deviceType: 'parallel';
  target: { port?: number };
}

export interface ConsoleDef extends ChrBase {
  deviceType: 'console';
  target: { type?: ConsoleTargetType; port?: number };
}

export interface VirtioChannelTarget {
  type: 'virtio' | 'xen';
  name?: string;
}

export interface GuestfwdChannelTarget {
  type: 'guestfwd';
  /** IPv4 address in dotted form. */
  address: string;
  port: number;
}

export interface ChannelDef extends ChrBase {
  deviceType: 'channel';
  target: VirtioChannelTarget | GuestfwdChannelTarget;
}

export type ChrDef = SerialDef | ParallelDef | ConsoleDef | ChannelDef;
