/** <teaming>, shared by <interface> and <hostdev> (virDomainNetTeamingInfoFormat). */
import type { Teaming } from '../../model/devices.js';
import type { XmlWriter } from '../xml-writer.js';

export function formatTeaming(w: XmlWriter, teaming: Teaming | undefined): void {
  if (!teaming) return;
  w.element('teaming', [
    ['type', teaming.type],
    ['persistent', teaming.persistent],
  ]);
}
