/**
 * The UNIX socket chardev a vhost-user interface talks through (libvirt's
 * qemuInterfaceVhostuserConnect). -chardev is always in legacy syntax.
 */
import type { Caps } from '../../caps/caps.js';
import type { VhostuserInterface } from '../../model/devices.js';
import { Props } from '../../render/props.js';
import { toKeyValue } from '../../render/serialize.js';

export function vhostuserChardevAlias(net: VhostuserInterface): string {
  return `char${net.info.alias}`;
}

export function vhostuserChardevArg(net: VhostuserInterface, caps: Caps): string {
  const s = net.source;
  const listen = s.mode === 'server';
  // A freshly started domain waits for the peer on its vhost-user sockets,
  // so 'wait' stays unset; network sockets are never passed as fds.
  const p = new Props().set('path', s.path ?? '').tristate('server', listen ? true : undefined);
  const reconnect = s.reconnect === undefined ? undefined : s.reconnect.enabled ? (s.reconnect.timeout ?? 0) : 0;
  if (reconnect !== undefined) {
    if (caps.has('chardev-reconnect-miliseconds')) p.set('reconnect-ms', reconnect * 1000);
    else p.set('reconnect', reconnect);
  }
  return `socket,id=${vhostuserChardevAlias(net)},${toKeyValue(p, undefined, 'none')}`;
}
