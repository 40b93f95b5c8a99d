// Writes dist/cli/teamctl.cjs.cache: V8's code cache for the bundle, taken after converting the
// shipped examples and golden domains, so the functions a conversion needs are already compiled
// when bin/teamctl starts. V8 checks the cache against the bundle and its own version and ignores
// it when they differ (teamctl then compiles as usual, only slower).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const domains = [
  ...readdirSync('examples').filter((f) => f.endsWith('.xml')).map((f) => `examples/${f}`),
  ...readdirSync('qemuxml2argvdata').filter((f) => f.endsWith('.xml')).map((f) => `qemuxml2argvdata/${f}`),
];
const networks = existsSync('qemuxml2argvdata/networks')
  ? readdirSync('qemuxml2argvdata/networks').flatMap((f) => ['--network-xml', `qemuxml2argvdata/networks/${f}`])
  : [];
const r = spawnSync(process.execPath, ['bin/teamctl', 'xml2argv', ...networks, ...domains], {
  env: { ...process.env, TEAMCTL_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'ignore'],
});
if (!existsSync('dist/cli/teamctl.cjs.cache')) {
  console.error(`code-cache: no cache written (teamctl exited ${r.status}); teamctl works without it, only starts slower`);
}
