/**
 * The host side of a character device as libvirt writes it
 * (virDomainChrAttrsDefFormat and virDomainChrSourceDefFormat), shared by
 * <serial>/<parallel>/<console>/<channel> and the egd <rng><backend>.
 */
import type { ChrReconnect, ChrSource } from '../../model/chardev.js';
import type { Attr, XmlWriter } from '../xml-writer.js';

const onOff = (b: boolean): string => (b ? 'on' : 'off');
const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** The `type='…'` attribute of the element holding the source. */
export function chrTypeAttr(source: ChrSource): Attr {
  return ['type', source.type];
}

/** <source>, <protocol> and <log> children, in libvirt's order, for an inactive definition. */
export function formatChrSource(w: XmlWriter, src: ChrSource): void {
  switch (src.type) {
    case 'null':
    case 'vc':
    case 'stdio':
    case 'pty':
    case 'spicevmc':
      // A pty's path is only known while the domain runs.
      break;
    case 'spiceport':
      w.optionalElement('source', [['channel', src.channel]]);
      break;
    case 'qemu-vdagent':
      w.optionalElement('source', [], (s) => {
        if (src.clipboard !== undefined) s.element('clipboard', [['copypaste', yesNo(src.clipboard)]]);
        if (src.mouse !== undefined) s.element('mouse', [['mode', src.mouse]]);
      });
      break;
    case 'dev':
    case 'pipe':
      w.optionalElement('source', [['path', src.path]]);
      break;
    case 'file':
      w.optionalElement('source', [
        ['path', src.path],
        ['append', src.append === undefined ? undefined : onOff(src.append)],
      ]);
      break;
    case 'udp':
      if (src.bindHost !== undefined || src.bindService !== undefined) {
        w.element('source', [['mode', 'bind'], ['host', src.bindHost], ['service', src.bindService]]);
      }
      if (src.connectHost !== undefined || src.connectService !== undefined) {
        w.element('source', [['mode', 'connect'], ['host', src.connectHost], ['service', src.connectService]]);
      }
      break;
    case 'tcp':
      w.element(
        'source',
        [
          ['mode', src.mode],
          ['host', src.host],
          ['service', src.service],
          ['tls', src.tls === undefined ? undefined : yesNo(src.tls)],
        ],
        (s) => formatReconnect(s, src.reconnect),
      );
      w.element('protocol', [['type', src.protocol ?? 'raw']]);
      break;
    case 'unix':
      // Without a path (libvirt generates one at start) nothing is written, not even the mode.
      if (src.path !== undefined) {
        w.element('source', [['mode', src.mode], ['path', src.path]], (s) => formatReconnect(s, src.reconnect));
      }
      break;
  }
  if (src.log?.file !== undefined) {
    w.element('log', [
      ['file', src.log.file],
      ['append', src.log.append === undefined ? undefined : onOff(src.log.append)],
    ]);
  }
}

function formatReconnect(w: XmlWriter, r: ChrReconnect | undefined): void {
  if (r?.enabled === undefined) return;
  w.element('reconnect', [
    ['enabled', yesNo(r.enabled)],
    ['timeout', r.enabled ? (r.timeout ?? 0) : undefined],
  ]);
}
