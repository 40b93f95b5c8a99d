/** RNG devices: an optional egd chardev, the backend -object and the virtio-rng -device (qemuBuildRNGCommandLine). */
import type { Caps } from '../../caps/caps.js';
import type { Domain } from '../../model/domain.js';
import type { Rng } from '../../model/rng.js';
import type { CommandBuilder } from '../../render/command.js';
import { Props } from '../../render/props.js';
import { addressProps } from '../address.js';
import { buildChardev, chardevAlias, type ChardevContext } from './chardev-backend.js';
import { virtioDeviceProps, virtioPciDriver } from './virtio.js';

export function buildRngs(cmd: CommandBuilder, d: Domain, ctx: ChardevContext): void {
  for (const rng of d.devices.rngs) {
    const alias = rng.info.alias!;
    if (rng.backend.model === 'egd') buildChardev(cmd, rng.backend.source, chardevAlias(alias), ctx);
    cmd.props('-object', 'object', rngBackendProps(rng));
    cmd.props('-device', 'device', rngDeviceProps(d, rng, ctx.caps));
  }
}

/** qemuBuildRNGBackendProps. */
function rngBackendProps(rng: Rng): Props {
  const alias = rng.info.alias!;
  const b = rng.backend;
  switch (b.model) {
    case 'random':
      return new Props().set('qom-type', 'rng-random').set('id', `obj${alias}`).set('filename', b.file!);
    case 'egd':
      return new Props().set('qom-type', 'rng-egd').set('id', `obj${alias}`).set('chardev', chardevAlias(alias));
    case 'builtin':
      return new Props().set('qom-type', 'rng-builtin').set('id', `obj${alias}`);
  }
}

/** qemuBuildRNGDevProps: a rate without a period limits per second. */
function rngDeviceProps(d: Domain, rng: Rng, caps: Caps): Props {
  const bytes = rng.rate?.bytes ?? 0;
  const period = bytes > 0 ? rng.rate?.period || 1000 : 0;
  return virtioDeviceProps(virtioPciDriver('virtio-rng', rng.model, rng.info, caps), rng.driver)
    .set('rng', `obj${rng.info.alias}`)
    .set('id', rng.info.alias!)
    .positive('max-bytes', bytes)
    .positive('period', period)
    .extend(addressProps(d, rng.info));
}
