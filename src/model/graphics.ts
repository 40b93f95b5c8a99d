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
  connected?: 'keep';
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

export type Graphics = VncGraphics | SdlGraphics | EglHeadlessGraphics;
