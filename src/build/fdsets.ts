/**
 * File descriptors libvirt hands to QEMU in fd sets (`-add-fd set=N,…`).
 * Set numbers are per domain and count up in the order the command line is
 * built (libvirt's qemuDomainFDSetIDNew), whichever device asks.
 */

/** One descriptor in one fd set, and the path QEMU opens it by. */
export interface FdPass {
  readonly set: number;
  readonly fd: number;
  readonly opaque: string;
}

export class FdSets {
  private nextId = 0;

  /** The next set number. */
  allocate(): number {
    return this.nextId++;
  }

  /** A new fd set holding `fd`, labelled `opaque` (libvirt's qemuFDPassNew + qemuFDPassAddFD). */
  add(fd: number, opaque: string): FdPass {
    return { set: this.allocate(), fd, opaque };
  }
}

/** The path QEMU opens an fd set's descriptor by. */
export function fdSetPath(p: FdPass): string {
  return `/dev/fdset/${p.set}`;
}

/** `-add-fd set=N,fd=FD,opaque=LABEL` (qemuFDPassTransferCommand). */
export function addFdArg(p: FdPass): string {
  return `set=${p.set},fd=${p.fd},opaque=${p.opaque}`;
}
