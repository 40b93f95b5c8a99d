/**
 * The command-line builder: one call per part, in the order libvirt's
 * qemuBuildCommandLine uses. The order comes from this list, never from the XML.
 */
import type { Caps } from '../caps/caps.js';
import { unsupported } from '../errors.js';
import type { Prepared } from '../postparse/index.js';
import { CommandBuilder, type CommandLine } from '../render/command.js';
import { effectiveBootIndexes } from './bootindex.js';
import { prepareChardevFds, type ChardevContext } from './devices/chardev-backend.js';
import { buildChannels, buildConsoles, buildParallels, buildSerials } from './devices/chardevs.js';
import { buildControllers } from './devices/controllers.js';
import { buildDisks } from './devices/disks.js';
import { buildHostdevs } from './devices/hostdevs.js';
import { buildHubs, buildInputs } from './devices/input.js';
import { buildAudio, buildSounds } from './devices/audio.js';
import { buildMemballoon, buildWatchdogs } from './devices/misc.js';
import { buildNets } from './devices/net.js';
import { buildRngs } from './devices/rng.js';
import { FdSets } from './fdsets.js';
import { buildVideos } from './devices/video.js';
import { buildCpu } from './cpu.js';
import { buildGraphics } from './graphics.js';
import { domainLibDir, TEST_PROFILE, type HostSide, type Profile } from './profile.js';
import {
  buildAccel,
  buildBoot,
  buildClock,
  buildMachine,
  buildMasterKey,
  buildMemory,
  buildMonitor,
  buildName,
  buildPowerManagement,
  buildSandbox,
  buildSmp,
} from './system.js';

export function buildCommandLine(
  prepared: Prepared,
  caps: Caps,
  profile: Profile = TEST_PROFILE,
  host: HostSide = profile.prepareHost(prepared),
): CommandLine {
  const { domain: d, actual } = prepared;
  if (!caps.has('blockdev')) {
    throw unsupported(
      'build.qemu-too-old',
      `QEMU ${caps.versionString} is older than 4.2.0, the oldest QEMU libvirt builds command lines for; teamctl can validate the domain for it but not build its command line`,
    );
  }
  const cmd = new CommandBuilder(d.devices.emulator!);
  const libDir = domainLibDir(profile, d.name);
  cmd.env('LC_ALL', 'C');
  for (const [k, v] of profile.passEnv.slice(0, 1)) cmd.env(k, v);
  cmd.env('HOME', libDir);
  for (const [k, v] of profile.passEnv.slice(1)) cmd.env(k, v);
  cmd.env('XDG_DATA_HOME', `${libDir}/.local/share`);
  cmd.env('XDG_CACHE_HOME', `${libDir}/.cache`);
  cmd.env('XDG_CONFIG_HOME', `${libDir}/.config`);

  const bootIndex = effectiveBootIndexes(d, actual);
  const fdsets = new FdSets();
  // libvirt opens the chardev files and sockets before it builds the command line.
  const chr: ChardevContext = { caps, profile, fds: prepareChardevFds(d, fdsets, profile) };
  buildName(cmd, d);
  cmd.arg('-S');
  buildMasterKey(cmd, d, profile);
  buildMachine(cmd, d, caps);
  buildAccel(cmd, d);
  buildCpu(cmd, d, caps);
  buildMemory(cmd, d, caps);
  buildSmp(cmd, d, caps);
  cmd.arg('-uuid', d.uuid!);
  // Without graphics QEMU must not open a window of its own.
  if (d.devices.graphics.length === 0) cmd.arg('-display', 'none');
  cmd.arg('-no-user-config', '-nodefaults');
  buildMonitor(cmd, d, profile);
  buildClock(cmd, d, caps);
  buildPowerManagement(cmd, d, caps);
  buildBoot(cmd, d);
  buildControllers(cmd, d, caps);
  buildHubs(cmd, d);
  buildDisks(cmd, d, caps, bootIndex, profile);
  buildNets(cmd, d, caps, { actual, bootIndex, fds: host.netFds, fdsets });
  buildSerials(cmd, d, chr);
  buildParallels(cmd, d, chr);
  buildChannels(cmd, d, chr);
  buildConsoles(cmd, d, chr);
  buildInputs(cmd, d);
  buildAudio(cmd, d, profile);
  buildGraphics(cmd, d, caps, profile);
  buildVideos(cmd, d, caps, profile);
  buildSounds(cmd, d);
  buildWatchdogs(cmd, d);
  buildHostdevs(cmd, d, actual, bootIndex, caps);
  buildMemballoon(cmd, d);
  buildRngs(cmd, d, chr);
  buildSandbox(cmd, caps);
  cmd.arg('-msg', 'timestamp=on');
  return cmd.build();
}
