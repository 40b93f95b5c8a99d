/** <devices>, in the order of libvirt's virDomainDefFormatInternal. */
import type { FormatContext } from './context.js';
import { formatAudio, formatSound } from './devices/audio.js';
import { formatChardev } from './devices/chardev.js';
import { formatController } from './devices/controller.js';
import { formatDisk } from './devices/disk.js';
import { formatGraphics } from './devices/graphics.js';
import { formatHostdev } from './devices/hostdev.js';
import { formatHub } from './devices/hub.js';
import { formatInput } from './devices/input.js';
import { formatInterface } from './devices/interface.js';
import { formatMemballoon } from './devices/memballoon.js';
import { formatRng } from './devices/rng.js';
import { formatVideo } from './devices/video.js';
import { formatWatchdog } from './devices/watchdog.js';
import type { XmlWriter } from './xml-writer.js';

export function formatDevices(w: XmlWriter, ctx: FormatContext): void {
  const d = ctx.domain.devices;
  w.element('devices', [], (b) => {
    if (d.emulator !== undefined) b.textElement('emulator', d.emulator);
    for (const x of d.disks) formatDisk(b, x, ctx);
    for (const x of d.controllers) formatController(b, x, ctx);
    for (const x of d.interfaces) formatInterface(b, x, ctx);
    for (const x of d.serials) formatChardev(b, x, ctx);
    for (const x of d.parallels) formatChardev(b, x, ctx);
    // The console compatibility rules (a serial console printed from its serial) belong to formatChardev.
    for (const x of d.consoles) formatChardev(b, x, ctx);
    for (const x of d.channels) formatChardev(b, x, ctx);
    for (const x of d.inputs) formatInput(b, x, ctx);
    for (const x of d.graphics) formatGraphics(b, x, ctx);
    for (const x of d.sounds) formatSound(b, x, ctx);
    for (const x of d.audios) formatAudio(b, x, ctx);
    for (const x of d.videos) formatVideo(b, x, ctx);
    for (const x of d.hostdevs) formatHostdev(b, x, ctx);
    for (const x of d.hubs) formatHub(b, x, ctx);
    for (const x of d.watchdogs) formatWatchdog(b, x, ctx);
    if (d.memballoon) formatMemballoon(b, d.memballoon, ctx);
    for (const x of d.rngs) formatRng(b, x, ctx);
  });
}
