/**
 * Domain XML → model. Only the shape is checked here (libvirt's parser
 * errors); defaults and derived values are the post-parse stage's job.
 */
import { TeamctlError, unsupported, xmlError } from '../errors.js';
import type { ChannelDef, ConsoleDef, ParallelDef, SerialDef } from '../model/chardev.js';
import type { Audio, Controller, Disk, Hostdev, Hub, Input, Interface, Memballoon } from '../model/devices.js';
import { emptyDevices, type BootDevice, type Clock, type Domain, type Features, type LifecycleAction, type Os, type Timer, type VirtType } from '../model/domain.js';
import type { Video } from '../model/video.js';
import { parseMemoryKiB, type ParseContext } from './common.js';
import { parseCpu } from './cpu.js';
import { parseChr } from './devices/chardev.js';
import { insertDisk, parseDisk } from './devices/disk.js';
import { parseGraphics } from './devices/graphics.js';
import { parseHostdev } from './devices/hostdev.js';
import { parseHub, parseInput } from './devices/input.js';
import { parseInterface } from './devices/interface.js';
import { parseRng } from './devices/rng.js';
import { parseController, parseMemballoon } from './devices/simple.js';
import { parseAudio, parseSound } from './devices/audio.js';
import { parseVideo } from './devices/video.js';
import { parseWatchdog } from './devices/watchdog.js';
import { serializeElement } from './raw.js';
import { El, parseXmlDocument } from './xml.js';

export interface ParsedDomain {
  readonly domain: Domain;
  /** Things libvirt silently ignores that the user may want to know about. */
  readonly warnings: string[];
}

const VIRT_TYPES = ['qemu', 'kqemu', 'kvm', 'xen', 'lxc', 'uml', 'openvz', 'test', 'vmware', 'hyperv', 'vbox', 'phyp', 'parallels', 'bhyve', 'vz', 'none', 'hvf'] as const;
const LIFECYCLE = ['destroy', 'restart', 'rename-restart', 'preserve', 'coredump-destroy', 'coredump-restart'] as const;

export function parseDomainXml(text: string): ParsedDomain {
  const doc = parseXmlDocument(text);
  const rootNode = doc.documentElement!;
  if (rootNode.nodeName !== 'domain') {
    throw xmlError('xml.root', `unexpected root element <${rootNode.nodeName}>, expecting <domain>`);
  }
  const ctx: ParseContext = { warnings: [] };
  const root = new El(rootNode, 'domain');
  const domain = parseDomainElement(root, ctx);
  return { domain, warnings: ctx.warnings };
}

function parseDomainElement(root: El, ctx: ParseContext): Domain {
  const type = root.requiredEnumAttr('type', VIRT_TYPES);
  if (type !== 'qemu' && type !== 'kvm' && type !== 'hvf') {
    throw unsupported('parse.virt-type', `domain type '${type}' is not a QEMU domain; teamctl builds QEMU command lines`);
  }
  if (root.attr('id') !== undefined) ctx.warnings.push(`the domain 'id' attribute is ignored, as libvirt ignores it in a definition`);

  const name = root.childText('name');
  if (name === undefined || name === '') throw xmlError('xml.name', 'missing domain name information');
  const uuid = root.childText('uuid')?.trim();
  if (uuid !== undefined && !/^[0-9a-fA-F]{32}$/.test(uuid.replace(/-/g, ''))) {
    throw xmlError('xml.uuid', 'malformed uuid element');
  }
  const title = root.childText('title');
  const description = root.childText('description');
  const metadataEl = root.child('metadata');
  let metadataXml: string | undefined;
  if (metadataEl) {
    metadataXml = serializeElement(metadataEl.node);
    metadataEl.consumeAll();
  }

  const memEl = root.child('memory');
  if (memEl?.attr('dumpCore') !== undefined) throw unsupported('parse.memory-dumpcore', `<memory dumpCore=…> is not supported by teamctl yet`);
  const memory = memEl ? parseMemoryKiB(memEl, './memory[1]') : undefined;
  memEl?.finish();
  if (!memory) throw xmlError('xml.memory', 'Memory size must be specified via <memory> or in the <numa> configuration');
  const curEl = root.child('currentMemory');
  let currentMemory: number | undefined;
  if (curEl) {
    currentMemory = parseMemoryKiB(curEl, './currentMemory[1]');
    curEl.finish();
  }

  const vcpu = parseVcpu(root.child('vcpu'));
  const os = parseOs(root.child('os'), ctx);
  const features = parseFeatures(root.child('features'));
  const cpuEl = root.child('cpu');
  const cpu = cpuEl ? parseCpu(cpuEl) : undefined;
  const clock = parseClock(root.child('clock'));
  const onPoweroff = lifecycle(root, 'on_poweroff');
  const onReboot = lifecycle(root, 'on_reboot');
  const onCrash = lifecycle(root, 'on_crash');
  const pm = parsePm(root.child('pm'));

  const devicesEl = root.child('devices');
  const domain: Domain = {
    type: type as VirtType,
    name,
    ...(uuid !== undefined ? { uuid: formatUuid(uuid) } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(metadataXml !== undefined ? { metadataXml } : {}),
    memory,
    ...(currentMemory !== undefined ? { currentMemory } : {}),
    vcpu,
    os,
    features,
    ...(cpu !== undefined ? { cpu } : {}),
    clock,
    ...(onPoweroff !== undefined ? { onPoweroff } : {}),
    ...(onReboot !== undefined ? { onReboot } : {}),
    ...(onCrash !== undefined ? { onCrash } : {}),
    pm,
    devices: parseDevices(devicesEl, ctx),
  };
  devicesEl?.finish();
  root.finish();
  return domain;
}

function formatUuid(u: string): string {
  const h = u.replace(/-/g, '').toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function lifecycle(root: El, name: string): LifecycleAction | undefined {
  const el = root.child(name);
  if (!el) return undefined;
  const text = el.text().trim();
  el.finish();
  if (!(LIFECYCLE as readonly string[]).includes(text)) {
    throw xmlError('xml.lifecycle', `Invalid value for element '${name}': '${text}'`);
  }
  return text as LifecycleAction;
}

function parseVcpu(el: El | undefined): Domain['vcpu'] {
  if (!el) return { count: 1 };
  const text = el.text().trim();
  if (!/^[0-9]+$/.test(text) || Number(text) === 0) throw xmlError('xml.vcpu', 'maximum vcpus count must be an integer');
  const count = Number(text);
  const placement = el.enumAttr('placement', ['static', 'auto'] as const);
  const cpuset = el.attr('cpuset');
  const current = el.uintAttr('current');
  el.finish();
  if (current !== undefined && current > count) {
    throw unsupported('xml.vcpu-current', `requested vcpu count is greater than the count of enabled vcpus in the domain: ${current} > ${count}`);
  }
  return {
    count,
    ...(placement !== undefined ? { placement } : {}),
    ...(cpuset !== undefined ? { cpuset } : {}),
    ...(current !== undefined ? { current } : {}),
  };
}

const BOOT_DEVICES = ['fd', 'cdrom', 'hd', 'network'] as const;

function parseOs(el: El | undefined, ctx: ParseContext): Os {
  if (!el) throw xmlError('xml.os', 'an os <type> must be specified');
  const typeEl = el.child('type');
  if (!typeEl) throw xmlError('xml.os', 'an os <type> must be specified');
  const osType = typeEl.text().trim();
  const arch = typeEl.attr('arch');
  const machine = typeEl.attr('machine');
  typeEl.finish();
  if (osType !== 'hvm') throw unsupported('parse.os-type', `os type '${osType}' is not supported by teamctl (QEMU domains use 'hvm')`);
  const boot: BootDevice[] = [];
  const bootEls = el.children('boot');
  // libvirt reads the first four (VIR_DOMAIN_BOOT_LAST) and ignores the rest.
  if (bootEls.length > 4) ctx.warnings.push(`only the first 4 <boot dev=…> elements count, as in libvirt; ${bootEls.length - 4} ignored`);
  for (const b of bootEls.slice(0, 4)) {
    const dev = b.requiredAttr('dev');
    if (!(BOOT_DEVICES as readonly string[]).includes(dev)) throw unsupported('xml.boot-dev', `unknown boot device '${dev}'`);
    b.finish();
    boot.push(dev as BootDevice);
  }
  const os: Os = { type: 'hvm', boot, ...(arch !== undefined ? { arch } : {}), ...(machine !== undefined ? { machine } : {}) };
  const bm = el.child('bootmenu');
  if (bm) {
    const enable = bm.yesNoAttr('enable');
    // libvirt reads the timeout only of an enabled menu.
    let timeout: number | undefined;
    if (enable === true) timeout = bm.uintAttr('timeout', { max: 65535 });
    else if (bm.attr('timeout') !== undefined) ctx.warnings.push(`<bootmenu timeout='…'> is ignored, as libvirt ignores it, unless enable='yes'`);
    bm.finish();
    os.bootmenu = { ...(enable !== undefined ? { enable } : {}), ...(timeout !== undefined ? { timeout } : {}) };
  }
  el.finish();
  return os;
}

function parseFeatures(el: El | undefined): Features {
  const f: Features = {};
  if (!el) return f;
  for (const c of el.allChildren()) {
    switch (c.name) {
      case 'acpi':
        f.acpi = true;
        break;
      case 'apic': {
        if (c.attr('eoi') !== undefined) throw unsupported('parse.apic-eoi', `<apic eoi=…> is not supported by teamctl yet`);
        f.apic = true;
        break;
      }
      case 'pae':
        f.pae = true;
        break;
      case 'vmport': {
        const state = c.onOffAttr('state');
        if (state !== undefined) f.vmport = state;
        break;
      }
      default:
        throw unsupported('parse.feature', `feature <${c.name}> is not supported by teamctl yet`);
    }
    c.finish();
  }
  el.finish();
  return f;
}

const TIMER_NAMES = ['platform', 'pit', 'rtc', 'hpet', 'tsc', 'kvmclock', 'hypervclock', 'armvtimer'] as const;

function parseClock(el: El | undefined): Clock {
  if (!el) return { offset: 'utc', timers: [] };
  const offset = el.enumAttr('offset', ['utc', 'localtime', 'timezone', 'variable', 'absolute'] as const) ?? 'utc';
  if (offset !== 'utc' && offset !== 'localtime') throw unsupported('parse.clock-offset', `clock offset '${offset}' is not supported by teamctl yet`);
  const timers: Timer[] = [];
  for (const t of el.children('timer')) {
    const name = t.requiredEnumAttr('name', TIMER_NAMES);
    const present = t.yesNoAttr('present');
    const tickpolicy = t.enumAttr('tickpolicy', ['delay', 'catchup', 'merge', 'discard'] as const);
    const track = t.enumAttr('track', ['boot', 'guest', 'wall', 'realtime'] as const);
    if (t.has('catchup')) throw unsupported('parse.timer-catchup', `<timer><catchup> is not supported by teamctl yet`);
    t.finish();
    timers.push({
      name,
      ...(present !== undefined ? { present } : {}),
      ...(tickpolicy !== undefined ? { tickpolicy } : {}),
      ...(track !== undefined ? { track } : {}),
    });
  }
  el.finish();
  return { offset, timers };
}

function parsePm(el: El | undefined): Domain['pm'] {
  if (!el) return {};
  const pm: Domain['pm'] = {};
  const mem = el.child('suspend-to-mem');
  if (mem) {
    const v = mem.yesNoAttr('enabled');
    if (v !== undefined) pm.suspendToMem = v;
    mem.finish();
  }
  const disk = el.child('suspend-to-disk');
  if (disk) {
    const v = disk.yesNoAttr('enabled');
    if (v !== undefined) pm.suspendToDisk = v;
    disk.finish();
  }
  el.finish();
  return pm;
}

/** Device elements teamctl models. */
const KNOWN_DEVICES: ReadonlySet<string> = new Set([
  'emulator', 'disk', 'controller', 'interface', 'input', 'graphics', 'sound', 'audio', 'video', 'hostdev',
  'memballoon', 'hub', 'serial', 'parallel', 'console', 'channel', 'watchdog', 'rng',
]);

/** Device kinds teamctl models, parsed per kind in libvirt's order. */
function parseDevices(el: El | undefined, ctx: ParseContext): Domain['devices'] {
  if (!el) return emptyDevices();
  for (const c of el.allChildren()) {
    if (!KNOWN_DEVICES.has(c.name)) throw unsupported('parse.device', `device <${c.name}> is not supported by teamctl yet`);
  }
  const emulator = el.childText('emulator')?.trim();
  const disks: Disk[] = [];
  for (const d of el.children('disk')) insertDisk(disks, parseDisk(d, ctx));
  const controllers: Controller[] = [];
  for (const c of el.children('controller')) insertController(controllers, parseController(c, ctx));
  checkUsbControllers(controllers);
  const interfaces: Interface[] = el.children('interface').map((i) => parseInterface(i, ctx));
  const parallels = el.children('parallel').map((c) => parseChr(c, ctx) as ParallelDef);
  const serials = el.children('serial').map((c) => parseChr(c, ctx) as SerialDef);
  const consoles = el.children('console').map((c) => parseChr(c, ctx) as ConsoleDef);
  const channels = el.children('channel').map((c) => parseChr(c, ctx) as ChannelDef);
  const usbDisabled = controllers.some((c) => c.type === 'usb' && c.model === 'none');
  const inputs: Input[] = el.children('input').map((i) => parseInput(i, ctx, usbDisabled));
  const graphics = el.children('graphics').map((g) => parseGraphics(g));
  const sounds = el.children('sound').map((s) => parseSound(s, ctx));
  const audios: Audio[] = el.children('audio').map((a) => parseAudio(a));
  const videos = parseVideos(el, ctx);
  const hostdevs: Hostdev[] = el.children('hostdev').map((h) => parseHostdev(h, ctx, usbDisabled));
  const watchdogs = el.children('watchdog').map((w) => parseWatchdog(w, ctx));
  const balloons = el.children('memballoon');
  if (balloons.length > 1) throw unsupported('xml.memballoon', 'only a single memory balloon device is supported');
  const memballoon: Memballoon | undefined = balloons[0] ? parseMemballoon(balloons[0], ctx) : undefined;
  const rngs = el.children('rng').map((r) => parseRng(r, ctx));
  const hubs: Hub[] = el.children('hub').map((h) => parseHub(h, ctx, usbDisabled));
  return {
    ...(emulator !== undefined ? { emulator } : {}),
    disks,
    controllers,
    interfaces,
    inputs,
    graphics,
    sounds,
    audios,
    videos,
    hostdevs,
    serials,
    parallels,
    consoles,
    channels,
    watchdogs,
    ...(memballoon !== undefined ? { memballoon } : {}),
    rngs,
    hubs,
  };
}

/** A video marked primary='yes' goes first, as libvirt's parser puts it. */
function parseVideos(el: El, ctx: ParseContext): Video[] {
  const videos: Video[] = [];
  for (const v of el.children('video')) {
    const video = parseVideo(v, ctx);
    if (video.model.primary === true) videos.unshift(video);
    else videos.push(video);
  }
  return videos;
}

/**
 * virDomainDefControllersParse's USB rules: model='none' excludes every other
 * USB controller, and companions need a master.
 */
function checkUsbControllers(controllers: Controller[]): void {
  const usb = controllers.filter((c) => c.type === 'usb');
  const none = usb.filter((c) => c.model === 'none');
  if (none.length > 1 || (none.length === 1 && usb.length > 1)) {
    throw new TeamctlError('detail', 'xml.usb-none', "Can't add another USB controller: USB is disabled for this domain");
  }
  if (none.length === 0 && usb.length > 0 && usb.every((c) => c.master !== undefined)) {
    throw new TeamctlError('detail', 'xml.usb-master', 'No master USB controller specified');
  }
}

/**
 * libvirt's virDomainControllerInsertPreAlloced: controllers of one type stay
 * together, ordered by index; a controller of a new type goes last.
 */
export function insertController(list: Controller[], c: Controller): void {
  let insertAt = -1;
  for (let i = list.length - 1; i >= 0; i--) {
    const cur = list[i]!;
    if (cur.type !== c.type) continue;
    if (c.index === -1) {
      insertAt = i + 1;
      break;
    }
    if (cur.index > c.index) insertAt = i;
    // A USB master goes before the companions of its index.
    else if (c.master === undefined && cur.master !== undefined && cur.index === c.index) insertAt = i;
    else if (insertAt === -1) insertAt = i + 1;
  }
  if (insertAt === -1) list.push(c);
  else list.splice(insertAt, 0, c);
}
