/**
 * The machine-wide part of the command line, in libvirt's order: name,
 * master key, machine, accelerator, CPU, memory, SMP, UUID, display,
 * monitor, clock, power management and boot options.
 */
import type { Caps } from '../caps/caps.js';
import { unsupported } from '../errors.js';
import type { Domain } from '../model/domain.js';
import { accelOf, isQ35 } from '../model/machine.js';
import type { CommandBuilder } from '../render/command.js';
import { Props } from '../render/props.js';
import { pcspkAudiodev } from './devices/audio.js';
import { escapeComma } from '../render/serialize.js';
import { domainLibDir, type Profile } from './profile.js';

export function buildName(cmd: CommandBuilder, d: Domain): void {
  cmd.arg('-name', `guest=${escapeComma(d.name)},debug-threads=on`);
}

export function buildMasterKey(cmd: CommandBuilder, d: Domain, profile: Profile): void {
  const props = new Props()
    .set('qom-type', 'secret')
    .set('id', 'masterKey0')
    .set('format', 'raw')
    .set('file', `${domainLibDir(profile, d.name)}/master-key.aes`);
  cmd.props('-object', 'object', props);
}

/** Whether QEMU reported the machine's ACPI support (undefined: it did not say). */
function machineAcpi(d: Domain, caps: Caps): boolean | undefined {
  return caps.machine(accelOf(d), d.os.machine!)?.acpi;
}

export function buildMachine(cmd: CommandBuilder, d: Domain, caps: Caps): void {
  const parts = [d.os.machine!, 'usb=off'];
  if (d.features.vmport !== undefined) parts.push(`vmport=${d.features.vmport ? 'on' : 'off'}`);
  parts.push('dump-guest-core=off');
  const ramId = caps.machine(accelOf(d), d.os.machine!)?.defaultRAMid;
  if (ramId !== undefined) parts.push(`memory-backend=${ramId}`);
  for (const t of d.clock.timers) {
    if (t.name === 'hpet' && caps.has('machine-hpet') && t.present !== undefined) parts.push(`hpet=${t.present ? 'on' : 'off'}`);
  }
  const pcspk = pcspkAudiodev(d);
  if (pcspk !== undefined) parts.push(pcspk);
  if (machineAcpi(d, caps) === true) parts.push(`acpi=${d.features.acpi ? 'on' : 'off'}`);
  cmd.arg('-machine', parts.join(','));
}

export function buildAccel(cmd: CommandBuilder, d: Domain): void {
  cmd.arg('-accel', d.type === 'kvm' ? 'kvm' : d.type === 'hvf' ? 'hvf' : 'tcg');
}

/** libvirt rounds the initial memory up to whole MiB before starting QEMU. */
export function alignedMemoryKiB(d: Domain): number {
  return Math.ceil(d.memory / 1024) * 1024;
}

export function buildMemory(cmd: CommandBuilder, d: Domain, caps: Caps): void {
  // Without memory hotplug the size is a whole number of 512 KiB blocks.
  const sizeKiB = alignedMemoryKiB(d) - (alignedMemoryKiB(d) % 512);
  cmd.arg('-m', `size=${sizeKiB}k`);
  const ramId = caps.machine(accelOf(d), d.os.machine!)?.defaultRAMid;
  if (ramId !== undefined) {
    const props = new Props()
      .set('qom-type', 'memory-backend-ram')
      .set('id', ramId)
      .set('size', BigInt(alignedMemoryKiB(d)) * 1024n);
    cmd.props('-object', 'object', props);
  }
  cmd.arg('-overcommit', `mem-lock=${d.memoryBacking?.locked ? 'on' : 'off'}`);
}

export function buildSmp(cmd: CommandBuilder, d: Domain, caps: Caps): void {
  const max = d.vcpu.count;
  const online = d.vcpu.current ?? max;
  let arg = `${online}`;
  if (online !== max) arg += `,maxcpus=${max}`;
  const topo = d.cpu?.topology;
  if (topo) {
    if (topo.dies !== 1 && !caps.has('smp-dies')) throw unsupported('build.smp-dies', 'Only 1 die per socket is supported');
    if (topo.clusters !== 1 && !caps.has('smp-clusters')) throw unsupported('build.smp-clusters', 'Only 1 cluster per die is supported');
    arg += `,sockets=${topo.sockets}`;
    if (caps.has('smp-dies')) arg += `,dies=${topo.dies}`;
    if (caps.has('smp-clusters')) arg += `,clusters=${topo.clusters}`;
    arg += `,cores=${topo.cores},threads=${topo.threads}`;
  } else {
    arg += `,sockets=${max},cores=1,threads=1`;
  }
  cmd.arg('-smp', arg);
}

/** The QMP monitor: a listening socket libvirt passes in, or one QEMU creates in the domain's libDir. */
export function buildMonitor(cmd: CommandBuilder, d: Domain, profile: Profile): void {
  const socket = profile.monitorFd !== undefined ? `fd=${profile.monitorFd}` : `path=${domainLibDir(profile, d.name)}/monitor.sock`;
  cmd.arg('-chardev', `socket,id=charmonitor,${socket},server=on,wait=off`);
  cmd.arg('-mon', 'chardev=charmonitor,id=monitor,mode=control');
}

export function buildClock(cmd: CommandBuilder, d: Domain, caps: Caps): void {
  let rtc = d.clock.offset === 'utc' ? 'base=utc' : 'base=localtime';
  const rtcTimer = d.clock.timers.find((t) => t.name === 'rtc');
  if (rtcTimer) {
    switch (rtcTimer.track) {
      case 'guest':
        rtc += ',clock=vm';
        break;
      case 'wall':
        rtc += ',clock=host';
        break;
      case 'realtime':
        rtc += ',clock=rt';
        break;
      case 'boot':
        throw unsupported('build.rtc-track', "unsupported rtc timer track 'boot'");
      default:
        break;
    }
    if (rtcTimer.tickpolicy === 'catchup') rtc += ',driftfix=slew';
    else if (rtcTimer.tickpolicy === 'merge' || rtcTimer.tickpolicy === 'discard') {
      throw unsupported('build.rtc-tickpolicy', `unsupported rtc timer tickpolicy '${rtcTimer.tickpolicy}'`);
    }
  }
  cmd.arg('-rtc', rtc);
  for (const t of d.clock.timers) {
    if (t.name === 'pit') {
      if ((t.tickpolicy === undefined || t.tickpolicy === 'delay') && caps.has('kvm-pit-lost-tick-policy')) {
        cmd.arg('-global', 'kvm-pit.lost_tick_policy=delay');
      } else if (t.tickpolicy === 'discard' && caps.has('kvm-pit-lost-tick-policy')) {
        cmd.arg('-global', 'kvm-pit.lost_tick_policy=discard');
      } else if (t.tickpolicy === 'merge') {
        throw unsupported('build.pit-merge', "unsupported pit tickpolicy 'merge'");
      }
    } else if (t.name === 'hpet' && t.present === false && !caps.has('machine-hpet')) {
      cmd.arg('-no-hpet');
    }
  }
}

export function buildPowerManagement(cmd: CommandBuilder, d: Domain, caps: Caps): void {
  if (caps.has('set-action')) {
    cmd.arg('-no-shutdown');
  } else {
    const onReboot = d.onReboot ?? 'restart';
    const onPoweroff = d.onPoweroff ?? 'destroy';
    const allowReboot = !(onReboot === 'destroy' && (onPoweroff === 'destroy' || onPoweroff === 'preserve'));
    cmd.arg(allowReboot ? '-no-shutdown' : '-no-reboot');
  }
  if (machineAcpi(d, caps) === undefined && !d.features.acpi) cmd.arg('-no-acpi');
  const pmObject = isQ35(d) ? 'ICH9-LPC' : 'PIIX4_PM';
  if (d.pm.suspendToMem !== undefined) cmd.arg('-global', `${pmObject}.disable_s3=${d.pm.suspendToMem ? 0 : 1}`);
  if (d.pm.suspendToDisk !== undefined) cmd.arg('-global', `${pmObject}.disable_s4=${d.pm.suspendToDisk ? 0 : 1}`);
}

export function buildBoot(cmd: CommandBuilder, d: Domain): void {
  let opts = '';
  const menu = d.os.bootmenu;
  if (menu?.enable !== undefined) opts += `menu=${menu.enable ? 'on' : 'off'},`;
  if (menu?.timeout !== undefined) opts += `splash-time=${menu.timeout},`;
  opts += 'strict=on';
  cmd.arg('-boot', opts);
}

export function buildSandbox(cmd: CommandBuilder, caps: Caps): void {
  if (caps.has('seccomp-sandbox')) cmd.arg('-sandbox', 'on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny');
}
