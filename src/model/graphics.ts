/** <graphics>: libvirt's virDomainGraphicsDef for the types teamctl builds. */

export type GraphicsListen =
  | { type: 'address'; address?: string }
  | { type: 'network'; network?: string; address?: string }
  | { type: 'socket'; socket?: string }
  | { type: 'none' };

export interface VncGraphics {
  type: 'vnc';
  /** The TCP port; libvirt's -1 (legacy autoport) is turned into autoport at parse time. */
  port?: number;
  autoport: boolean;
  /** websocket='N'; -1 asks libvirt to pick a port. */
  websocket?: number;
  sharePolicy?: 'allow-exclusive' | 'force-shared' | 'ignore';
  powerControl?: boolean;
  keymap?: string;
  /** passwd='…': only its presence reaches the command line (password=on). */
  passwd?: string;
  /** username=, passwdValidTo= (normalised to YYYY-MM-DDTHH:MM:SS, UTC) and connected=: kept only with a password. */
  username?: string;
  passwdValidTo?: string;
  connected?: 'fail' | 'disconnect' | 'keep'; // parse accepts only 'keep' for VNC
  /** <audio id='N'/>. */
  audioId?: number;
  listens: GraphicsListen[];
}

export interface SdlGraphics {
  type: 'sdl';
  display?: string;
  xauth?: string;
  fullscreen?: boolean;
  /** <gl enable='yes|no'/>. */
  gl?: boolean;
}

/** Off-screen OpenGL rendering for a display that has none (VNC). */
export interface EglHeadlessGraphics {
  type: 'egl-headless';
  /** <gl rendernode='…'/>; start-up picks the host's render node when absent. */
  rendernode?: string;
}

export const SPICE_CHANNEL_NAMES = ['main', 'display', 'inputs', 'cursor', 'playback', 'record', 'smartcard', 'usbredir'] as const;
export type SpiceChannelName = (typeof SPICE_CHANNEL_NAMES)[number];
export type SpiceChannelMode = 'any' | 'secure' | 'insecure';

export interface SpiceGraphics {
  type: 'spice';
  /** port=/tlsPort= as written; 0 when absent, -1 asks for allocation at start. */
  port: number;
  tlsPort: number;
  autoport: boolean;
  defaultMode?: 'secure' | 'insecure';
  keymap?: string;
  /** passwd='…': set over QMP after start; its presence alone turns ticketing on. */
  passwd?: string;
  username?: string;
  passwdValidTo?: string;
  connected?: 'fail' | 'disconnect' | 'keep';
  /** <channel name mode>, only modes other than 'any', in libvirt's channel order. */
  channels: Partial<Record<SpiceChannelName, 'secure' | 'insecure'>>;
  image?: 'auto_glz' | 'auto_lz' | 'quic' | 'glz' | 'lz' | 'off';
  jpeg?: 'auto' | 'never' | 'always';
  zlib?: 'auto' | 'never' | 'always';
  playback?: boolean;
  streaming?: 'filter' | 'all' | 'off';
  mouse?: 'server' | 'client';
  clipboard?: boolean;
  filetransfer?: boolean;
  /** <gl enable rendernode>. */
  gl?: boolean;
  rendernode?: string;
  listens: GraphicsListen[];
}

export type Graphics = VncGraphics | SdlGraphics | EglHeadlessGraphics | SpiceGraphics;
