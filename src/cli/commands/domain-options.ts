/** The options every command that converts a domain takes: which QEMU, and libvirt's networks. */
import type { Command } from 'commander';
import { collect } from './collect.js';

export interface DomainInputOptions {
  qemuVersion: string;
  caps?: string;
  networkXml: string[];
}

export function addDomainInputOptions(cmd: Command): Command {
  return cmd
    .option('--qemu-version <version>', "QEMU version whose capabilities to use, or 'latest'", 'latest')
    .option('--caps <file>', 'use a libvirt QEMU capabilities cache file (from /var/cache/libvirt/qemu/capabilities/) instead of a built-in version')
    .option('--network-xml <file>', "libvirt network definition for <interface type='network'> (repeatable)", collect, []);
}
