/**
 * File descriptors libvirt hands to QEMU in fd sets (`-add-fd set=N,…`).
 * Set numbers are per domain and count up in the order libvirt creates them.
 */

/** One descriptor in one fd set, and the path QEMU opens it by. */
export interface FdPass {
  readonly set: number;
  readonly fd: number;
  readonly opaque: string;
}

export class FdSets {
  private nextId = 0;

  /** A new fd set holding `fd`, labelled `opaque` (libvirt's qemuFDPassNew + qemuFDPassAddFD). */
  add(fd: number, opaque: string): FdPass {
    return { set: this.nextId++, fd, opaque };
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
