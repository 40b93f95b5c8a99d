/** teamctl as a library: libvirt domain XML in, QEMU command line out. */
export { xml2argv, xml2xml, defineDomain, loadNetwork, resolveCaps, type ConvertOptions, type ConvertResult, type Xml2xmlResult } from './pipeline.js';
export { Caps, type CapsData, type MachineType } from './caps/caps.js';
export { builtinCaps, builtinVersions, latestVersion } from './caps/table.js';
export { TeamctlError, EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_BUG } from './errors.js';
export { toArgsFile, renderCommand, type RenderedCommand } from './render/render.js';
export type { Domain } from './model/domain.js';
export { lintDomain, fixDomain, formatLintResult, type LintOptions, type LintResult, type FixResult, type Diagnostic, type LintCode } from './lint/index.js';
export { TEST_PROFILE, PROFILE_NAMES, type Profile, type ProfileName } from './build/profile.js';
export { hostProfile, type HostProfileOptions } from './build/host-profile.js';
