/** The parts of a libvirt <network> definition that decide what an interface becomes. */
import type { HostPciAddress } from './address.js';

export type ForwardMode = 'nat' | 'route' | 'open' | 'bridge' | 'private' | 'vepa' | 'passthrough' | 'hostdev' | 'none';

export interface NetworkDef {
  name: string;
  /** Where the definition came from, for messages. */
  source: string;
  forward: {
    mode: ForwardMode;
    managed?: boolean;
    driverName?: 'vfio' | 'kvm' | 'xen';
    /** The pool of VFs of a hostdev network, in the order written. */
    addresses: HostPciAddress[];
    /** <pf dev='…'/>: a pool defined by a physical function's VFs. */
    pf?: string;
  };
  bridge?: string;
}
