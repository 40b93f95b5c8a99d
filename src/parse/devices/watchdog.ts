/** <watchdog> (libvirt's virDomainWatchdogDefParseXML). */
import type { Watchdog } from '../../model/devices.js';
import { parseDeviceInfo, type ParseContext } from '../common.js';
import type { El } from '../xml.js';

const WATCHDOG_MODELS = ['i6300esb', 'ib700', 'diag288', 'itco'] as const;
const WATCHDOG_ACTIONS = ['reset', 'shutdown', 'poweroff', 'pause', 'dump', 'none', 'inject-nmi'] as const;

export function parseWatchdog(el: El, ctx: ParseContext): Watchdog {
  const model = el.requiredEnumAttr('model', WATCHDOG_MODELS);
  const action = el.enumAttr('action', WATCHDOG_ACTIONS);
  const info = parseDeviceInfo(el, ctx);
  el.finish();
  return { model, ...(action !== undefined ? { action } : {}), info };
}
