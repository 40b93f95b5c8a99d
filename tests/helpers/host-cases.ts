/**
 * The host-profile golden cases (hostprofiledata/): each XML with the
 * host-profile options it is converted with. Shared by the golden test and
 * the real-QEMU test.
 */
import type { HostProfileOptions } from '../../src/build/host-profile.js';

export interface HostCase {
  readonly name: string;
  readonly options: HostProfileOptions;
}

export const HOST_CASES: readonly HostCase[] = [
  { name: 'tap-networking', options: { domainId: 12, stateDir: '/srv/libvirt/qemu' } },
  { name: 'tap-fds', options: { tapFds: new Map([['net0', [20]], ['ua-uplink', [21, 22]]]) } },
  { name: 'chardevs', options: {} },
];
