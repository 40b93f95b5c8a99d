/** `--profile` and the flags that only the host profile takes, mapped to a Profile. */
import { hostProfile } from '../../build/host-profile.js';
import { TEST_PROFILE, type Profile, type ProfileName } from '../../build/profile.js';
import { usageError } from '../../errors.js';

export interface ProfileOptions {
  profile: ProfileName;
  domainId?: string;
  stateDir?: string;
  tapFd: string[];
}

const NON_NEGATIVE_INT = /^(0|[1-9][0-9]*)$/;

function parseNonNegative(flag: string, value: string): number {
  const n = Number(value);
  if (!NON_NEGATIVE_INT.test(value) || !Number.isSafeInteger(n)) throw usageError(`cli.${flag}`, `--${flag} must be a non-negative integer, got '${value}'`);
  return n;
}

/** `--tap-fd NAME=FD`, repeatable; repeating NAME gives a multiqueue interface one fd per queue, in order. */
function parseTapFds(values: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw usageError('cli.tap-fd', `--tap-fd expects NAME=FD (an interface alias and a file descriptor), got '${v}'`);
    const name = v.slice(0, eq);
    const fd = v.slice(eq + 1);
    if (!NON_NEGATIVE_INT.test(fd) || !Number.isSafeInteger(Number(fd))) {
      throw usageError('cli.tap-fd', `--tap-fd ${name}: the file descriptor must be a non-negative integer, got '${fd}'`);
    }
    out.set(name, [...(out.get(name) ?? []), Number(fd)]);
  }
  return out;
}

export function profileFromOptions(opts: ProfileOptions): Profile {
  if (opts.profile !== 'host') {
    const hostOnly = [
      opts.domainId !== undefined ? '--domain-id' : undefined,
      opts.stateDir !== undefined ? '--state-dir' : undefined,
      opts.tapFd.length > 0 ? '--tap-fd' : undefined,
    ].filter((f) => f !== undefined);
    if (hostOnly.length > 0) {
      throw usageError('cli.host-only', `${hostOnly.join(', ')} ${hostOnly.length > 1 ? 'apply' : 'applies'} only with --profile host`);
    }
    return TEST_PROFILE;
  }
  return hostProfile({
    ...(opts.domainId !== undefined ? { domainId: parseNonNegative('domain-id', opts.domainId) } : {}),
    ...(opts.stateDir !== undefined ? { stateDir: opts.stateDir } : {}),
    tapFds: parseTapFds(opts.tapFd),
  });
}
