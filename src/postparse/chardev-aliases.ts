/** Aliases of character devices (libvirt's qemuAssignDeviceChrAlias). */
import type { ChrDef } from '../model/chardev.js';
import type { Domain } from '../model/domain.js';

/** `serialN`, `parallelN`, `channelN`, `consoleN` by position; console 0 of serial type shares serials[0]'s alias. */
export function assignChrAliases(d: Domain): void {
  const dev = d.devices;
  const byPosition = (list: ChrDef[]) => list.forEach((c, i) => (c.info.alias ??= `${c.deviceType}${i}`));
  byPosition(dev.parallels);
  byPosition(dev.serials);
  byPosition(dev.channels);
  dev.consoles.forEach((c, i) => {
    if (c.info.alias !== undefined) return;
    const serialAlias = dev.serials[0]?.info.alias;
    if (i === 0 && c.target.type === 'serial' && serialAlias !== undefined) c.info.alias = serialAlias;
    else c.info.alias = `console${i}`;
  });
}
