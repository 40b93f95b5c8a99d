/**
 * libvirt's per-domain fdset counter (qemuDomainFDSetIDNew): every group of
 * file descriptors handed over with -add-fd gets the next id, in the order
 * the command line is built.
 */
export class FdSets {
  private nextId = 0;

  allocate(): number {
    return this.nextId++;
  }
}
