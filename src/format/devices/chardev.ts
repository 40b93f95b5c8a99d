/**
 * <serial>, <parallel>, <console> and <channel> (libvirt's virDomainChrDefFormat
 * and virDomainChrTargetDefFormat).
 */
import type { ChrDef, ConsoleDef, SerialDef } from '../../model/chardev.js';
import type { Domain } from '../../model/domain.js';
import type { DeviceFormatter } from '../context.js';
import { formatDeviceInfo } from '../device-info.js';
import type { XmlWriter } from '../xml-writer.js';
import { chrTypeAttr, formatChrSource } from './chardev-source.js';

export const formatChardev: DeviceFormatter<ChrDef> = (w, dev, ctx) => {
  const shown = dev.deviceType === 'console' ? consoleAsWritten(dev, ctx.domain) : dev;
  w.element(dev.deviceType, [chrTypeAttr(shown.source)], (c) => {
    formatChrSource(c, shown.source);
    formatTarget(c, dev, shown);
    formatDeviceInfo(c, shown.info);
  });
};

/**
 * On an HVM guest a serial console at position n stands for serials[n]: libvirt
 * writes that serial's source, port and device info under <console>, whatever
 * the console itself holds (the stub virDomainDefAddConsoleCompat left).
 */
function consoleAsWritten(con: ConsoleDef, d: Domain): ConsoleDef | SerialDef {
  const n = d.devices.consoles.indexOf(con);
  const serial = n >= 0 ? d.devices.serials[n] : undefined;
  const serialType = con.target.type === undefined || con.target.type === 'serial';
  return d.os.type === 'hvm' && serialType && serial !== undefined ? serial : con;
}

function formatTarget(w: XmlWriter, dev: ChrDef, shown: ChrDef): void {
  switch (dev.deviceType) {
    case 'channel': {
      const t = dev.target;
      if (t.type === 'guestfwd') w.element('target', [['type', t.type], ['address', t.address], ['port', t.port]]);
      else w.element('target', [['type', t.type], ['name', t.name]]);
      return;
    }
    case 'console': {
      const type = shown === dev ? (dev.target.type ?? 'none') : 'serial';
      const port = shown.deviceType === 'serial' || shown.deviceType === 'console' ? shown.target.port : undefined;
      w.element('target', [['type', type], ['port', port ?? 0]]);
      return;
    }
    case 'serial': {
      const t = dev.target;
      w.element('target', [['type', t.type], ['port', t.port ?? 0]], (m) => {
        if (t.model !== undefined) m.element('model', [['name', t.model]]);
      });
      return;
    }
    case 'parallel':
      w.element('target', [['port', dev.target.port ?? 0]]);
      return;
  }
}
