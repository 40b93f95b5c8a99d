// Runs the project's golden cases with the same command users run: `teamctl test`.
// TEAMCTL_REGENERATE=1 rewrites the expected files (review every changed line afterwards).
import { spawnSync } from 'node:child_process';

const args = ['bin/teamctl', 'test', '--quiet'];
if (process.env.TEAMCTL_REGENERATE === '1') args.push('--regenerate');
args.push('qemuxml2argvdata');
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
