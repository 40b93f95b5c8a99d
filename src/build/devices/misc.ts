/** Small device builders: watchdogs, memory balloon. */
import type { Domain } from '../../model/domain.js';
import type { CommandBuilder } from '../../render/command.js';
import { Props } from '../../render/props.js';
import { addressProps } from '../address.js';

export function buildWatchdogs(cmd: CommandBuilder, d: Domain): void {
  const list = d.devices.watchdogs;
  if (list.length === 0) return;
  let itco = false;
  for (const w of list) {
    if (w.model === 'itco') {
      itco = true;
      continue;
    }
    cmd.props('-device', 'device', Props.of('driver', w.model).set('id', w.info.alias!).extend(addressProps(d, w.info)));
  }
  if (itco) cmd.arg('-global', 'ICH9-LPC.noreboot=off');
  const last = list[list.length - 1]!;
  const action = last.action === 'dump' ? 'pause' : (last.action ?? 'reset');
  cmd.arg('-watchdog-action', action);
}

export function buildMemballoon(cmd: CommandBuilder, d: Domain): void {
  const b = d.devices.memballoon;
  if (!b || b.model === 'none') return;
  const driver = b.model === 'virtio-transitional' ? 'virtio-balloon-pci-transitional' : b.model === 'virtio-non-transitional' ? 'virtio-balloon-pci-non-transitional' : 'virtio-balloon-pci';
  const p = Props.of('driver', driver)
    .set('id', b.info.alias!)
    .tristate('deflate-on-oom', b.autodeflate)
    .tristate('free-page-reporting', b.freePageReporting)
    .extend(addressProps(d, b.info));
  cmd.props('-device', 'device', p);
}
