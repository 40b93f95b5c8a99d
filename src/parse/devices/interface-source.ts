/** <source> of an <interface>, per interface type (the type switch of libvirt's virDomainNetDefParseXML). */
import { unsupported, xmlError } from '../../errors.js';
import type { SocketInterface, VhostuserInterface } from '../../model/devices.js';
import type { ParseContext } from '../common.js';
import type { El } from '../xml.js';

/** virDomainNetDefParseXMLRequireSource. */
export function requireSource(source: El | undefined, type: string): El {
  if (!source) throw xmlError('xml.net-source', `interface type='${type}' requires a 'source' element`);
  return source;
}

/** virXMLPropInt with base 10 (a signed int). */
function intAttr(el: El, name: string, required: boolean): number | undefined {
  const raw = el.attr(name);
  if (raw === undefined) {
    if (required) throw xmlError('xml.attr-missing', `Missing required attribute '${name}' in element '${el.name}'`);
    return undefined;
  }
  const n = /^\s*[+-]?[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < -0x80000000 || n > 0x7fffffff) {
    throw xmlError('xml.attr-invalid', `Invalid value for attribute '${name}' in element '${el.name}': '${raw}'. Expected integer value`);
  }
  return n;
}

/** client, server, mcast and udp: address:port, and for udp the <local> end too. */
export function parseSocketSource(source: El, type: SocketInterface['type']): SocketInterface['source'] {
  const address = type === 'server' ? source.attr('address') : source.requiredAttr('address');
  const port = intAttr(source, 'port', true)!;
  let local: { address: string; port: number } | undefined;
  if (type === 'udp') {
    const localEl = source.child('local');
    if (!localEl) throw xmlError('xml.net-udp-local', `'<local>' element missing for 'udp' socket interface`);
    const localAddress = localEl.requiredAttr('address');
    const localPort = intAttr(localEl, 'port', true)!;
    localEl.finish();
    local = { address: localAddress, port: localPort };
  }
  return { ...(address !== undefined ? { address } : {}), port, ...(local !== undefined ? { local } : {}) };
}

/** vhostuser: a UNIX socket, in client or server mode, with optional reconnect. */
export function parseVhostuserSource(source: El | undefined, ctx: ParseContext): VhostuserInterface['source'] {
  if (!source) return {};
  const type = source.attr('type');
  if (type !== undefined && type !== 'unix') {
    throw unsupported('xml.vhostuser-type', `Type='${type}' unsupported for <interface type='vhostuser'>`);
  }
  const path = source.attr('path');
  const mode = source.enumAttr('mode', ['client', 'server'] as const);
  const out: VhostuserInterface['source'] = {
    ...(path !== undefined ? { path } : {}),
    ...(mode !== undefined ? { mode } : {}),
  };
  const reconnectEl = source.child('reconnect');
  if (reconnectEl) {
    const enabled = reconnectEl.yesNoAttr('enabled');
    if (enabled === true) {
      const timeout = reconnectEl.uintAttr('timeout');
      if (timeout === undefined) throw xmlError('xml.attr-missing', `Missing required attribute 'timeout' in element 'reconnect'`);
      out.reconnect = { enabled, timeout };
    } else {
      if (reconnectEl.attr('timeout') !== undefined) {
        ctx.warnings.push(`<reconnect timeout='…'> of ${reconnectEl.path} is ignored: libvirt reads it only with enabled='yes'`);
      }
      if (enabled === false) out.reconnect = { enabled };
    }
    reconnectEl.finish();
  }
  return out;
}
