/**
 * The host side of a character device (libvirt's virDomainChrSourceDefParseXML):
 * the <source>, <log> and <protocol> children of a <serial>, <parallel>,
 * <console>, <channel> or of an egd <rng><backend>.
 */
import { unsupported, xmlError } from '../../errors.js';
import {
  CHR_SOURCE_TYPES,
  type ChrLog,
  type ChrReconnect,
  type ChrSource,
  type ChrSourceType,
  type ChrUdpSource,
  type ChrVdagentSource,
} from '../../model/chardev.js';
import type { ParseContext } from '../common.js';
import type { El } from '../xml.js';

const SOURCE_MODES = ['connect', 'bind'] as const;
const TCP_PROTOCOLS = ['raw', 'telnet', 'telnets', 'tls'] as const;

/** The chardev type attribute (virDomainChrTypeFromString). */
export function chrSourceType(raw: string): ChrSourceType {
  if (!(CHR_SOURCE_TYPES as readonly string[]).includes(raw)) {
    throw unsupported('parse.chr-type', `unknown type presented to host for character device: ${raw}`);
  }
  return raw as ChrSourceType;
}

/** Marks an attribute libvirt reads but ignores in a definition, and tells the user. */
function ignoreAttr(el: El, name: string, ctx: ParseContext, why: string): void {
  const v = el.attr(name);
  if (v !== undefined) ctx.warnings.push(`${name}='${v}' of <${el.name}> (${el.path}) is ignored: ${why}`);
}

function parseReconnect(source: El): ChrReconnect | undefined {
  const el = source.child('reconnect');
  if (!el) return undefined;
  const enabled = el.yesNoAttr('enabled');
  const r: ChrReconnect = {};
  if (enabled !== undefined) r.enabled = enabled;
  if (enabled === true) {
    const timeout = el.uintAttr('timeout');
    if (timeout === undefined) throw xmlError('xml.attr-missing', `Missing required attribute 'timeout' in element 'reconnect'`);
    r.timeout = timeout;
  } else {
    // libvirt only reads the timeout of an enabled reconnect.
    el.attr('timeout');
  }
  el.finish();
  return r;
}

function parseMode(source: El): 'connect' | 'bind' {
  return source.enumAttr('mode', SOURCE_MODES) ?? 'connect';
}

function parseLog(parent: El): ChrLog | undefined {
  const logs = parent.children('log');
  if (logs.length > 1) throw xmlError('xml.chr-log', 'only one log element is allowed for character device');
  const el = logs[0];
  if (!el) return undefined;
  const file = el.attr('file');
  const append = el.onOffAttr('append');
  el.finish();
  return { ...(file !== undefined ? { file } : {}), ...(append !== undefined ? { append } : {}) };
}

/**
 * Parses the source of a character device of the given type. `parent` is the
 * element holding <source>, <log> and <protocol>.
 */
export function parseChrSource(parent: El, type: ChrSourceType, ctx: ParseContext): ChrSource {
  const sources = parent.children('source');
  if (sources.length > 1 && type !== 'udp') throw xmlError('xml.chr-source', 'only one source element is allowed for character device');
  if (sources.length > 2) throw xmlError('xml.chr-source', 'only two source elements are allowed for character device');
  const first = sources[0];
  let src: ChrSource;
  switch (type) {
    case 'null':
    case 'vc':
    case 'stdio':
    case 'spicevmc':
      src = { type };
      break;
    case 'spiceport': {
      const channel = first?.attr('channel');
      src = { type, ...(channel !== undefined ? { channel } : {}) };
      break;
    }
    case 'pty':
      src = { type };
      if (first) ignoreAttr(first, 'path', ctx, 'libvirt reads the pty path only from a running domain');
      break;
    case 'dev':
    case 'pipe': {
      const path = first?.attr('path');
      src = { type, ...(path !== undefined ? { path } : {}) };
      break;
    }
    case 'file': {
      const path = first?.attr('path');
      const append = first?.onOffAttr('append');
      src = { type, ...(path !== undefined ? { path } : {}), ...(append !== undefined ? { append } : {}) };
      break;
    }
    case 'unix': {
      const mode = first ? parseMode(first) : 'connect';
      const path = first?.attr('path');
      const reconnect = first ? parseReconnect(first) : undefined;
      src = { type, mode, ...(path !== undefined ? { path } : {}), ...(reconnect !== undefined ? { reconnect } : {}) };
      break;
    }
    case 'tcp': {
      const mode = first ? parseMode(first) : 'connect';
      const host = first?.attr('host');
      const service = first?.attr('service');
      const tls = first?.yesNoAttr('tls');
      const reconnect = first ? parseReconnect(first) : undefined;
      src = {
        type,
        mode,
        ...(host !== undefined ? { host } : {}),
        ...(service !== undefined ? { service } : {}),
        ...(tls !== undefined ? { tls } : {}),
        ...(reconnect !== undefined ? { reconnect } : {}),
      };
      break;
    }
    case 'udp':
      src = parseUdp(sources, ctx);
      break;
    case 'qemu-vdagent': {
      const vd: ChrVdagentSource = { type };
      src = vd;
      if (first) {
        const clip = first.child('clipboard');
        if (clip) {
          const copypaste = clip.yesNoAttr('copypaste');
          if (copypaste === undefined) throw xmlError('xml.attr-missing', `Missing required attribute 'copypaste' in element 'clipboard'`);
          vd.clipboard = copypaste;
          clip.finish();
        }
        const mouse = first.child('mouse');
        if (mouse) {
          const mode = mouse.enumAttr('mode', ['client', 'server'] as const);
          if (mode === undefined) throw xmlError('xml.attr-missing', `Missing required attribute 'mode' in element 'mouse'`);
          vd.mouse = mode;
          mouse.finish();
        }
      }
      break;
    }
    case 'nmdm':
      // nmdm is a bhyve device; libvirt's QEMU driver refuses it when it builds the command line.
      throw unsupported('parse.chr-nmdm', `unsupported chardev 'nmdm'`);
    case 'dbus':
      throw unsupported('parse.chr-type-unsupported', `character device type '${type}' is not supported by teamctl yet`);
  }
  for (const s of sources) {
    ignoreOtherTypesSettings(s, type, ctx);
    s.finish();
  }

  const log = parseLog(parent);
  if (log) src.log = log;

  const protocols = parent.children('protocol');
  if (protocols.length > 1) throw xmlError('xml.chr-protocol', 'only one protocol element is allowed for character device');
  const proto = protocols[0];
  if (proto) {
    if (src.type === 'tcp') {
      const p = proto.enumAttr('type', TCP_PROTOCOLS);
      if (p !== undefined) src.protocol = p;
    } else {
      ignoreAttr(proto, 'type', ctx, `libvirt uses <protocol> only for tcp character devices`);
    }
    proto.finish();
  }
  return src;
}

/** What libvirt reads from <source> for each type; the rest of its vocabulary it ignores. */
const SOURCE_ATTRS: Record<ChrSourceType, readonly string[]> = {
  null: [],
  vc: [],
  pty: ['path'],
  dev: ['path'],
  file: ['path', 'append'],
  pipe: ['path'],
  stdio: [],
  udp: ['mode', 'host', 'service'],
  tcp: ['mode', 'host', 'service', 'tls'],
  unix: ['mode', 'path'],
  spicevmc: [],
  spiceport: ['channel'],
  nmdm: ['master', 'slave'],
  'qemu-vdagent': [],
  dbus: ['channel'],
};
const ALL_SOURCE_ATTRS = ['path', 'append', 'mode', 'host', 'service', 'tls', 'channel', 'master', 'slave'];
const SOURCE_CHILDREN: Record<string, readonly ChrSourceType[]> = {
  reconnect: ['unix', 'tcp'],
  clipboard: ['qemu-vdagent'],
  mouse: ['qemu-vdagent'],
};

/**
 * libvirt silently ignores <source> settings that belong to other chardev
 * types (a unix source with host='…' is a unix source without a path);
 * teamctl ignores them too, but says so.
 */
function ignoreOtherTypesSettings(source: El, type: ChrSourceType, ctx: ParseContext): void {
  const why = `libvirt ignores it for a character device of type '${type}'`;
  for (const name of ALL_SOURCE_ATTRS) {
    if (!SOURCE_ATTRS[type].includes(name)) ignoreAttr(source, name, ctx, why);
  }
  for (const [name, types] of Object.entries(SOURCE_CHILDREN)) {
    if (types.includes(type)) continue;
    const child = source.child(name);
    if (!child) continue;
    child.consumeAll();
    ctx.warnings.push(`<${name}> in <source> (${source.path}) is ignored: ${why}`);
  }
}

/** A udp chardev takes one <source mode='connect'> and optionally one <source mode='bind'>. */
function parseUdp(sources: El[], ctx: ParseContext): ChrUdpSource {
  const src: ChrUdpSource = { type: 'udp' };
  for (const s of sources) {
    const mode = parseMode(s);
    if (mode === 'connect' && src.connectHost === undefined && src.connectService === undefined) {
      const host = s.attr('host');
      const service = s.attr('service');
      if (host !== undefined) src.connectHost = host;
      if (service !== undefined) src.connectService = service;
    } else if (mode === 'bind' && src.bindHost === undefined && src.bindService === undefined) {
      const host = s.attr('host');
      const service = s.attr('service');
      if (host !== undefined) src.bindHost = host;
      if (service !== undefined) src.bindService = service;
    } else {
      ignoreAttr(s, 'host', ctx, `libvirt uses only the first <source mode='${mode}'> of a udp character device`);
      ignoreAttr(s, 'service', ctx, `libvirt uses only the first <source mode='${mode}'> of a udp character device`);
    }
  }
  return src;
}
