// Bundles the CLI into one CommonJS file, dist/cli/teamctl.cjs, which bin/teamctl loads with V8's
// code cache (scripts/code-cache.mjs). One CommonJS file avoids the ES module loader's per-module
// work at start-up. Library users import the unbundled dist/index.js; both run the same code.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// Output names of earlier builds (ESM chunks, a stale cache): drop them.
for (const f of readdirSync('dist/cli')) if (/\.(mjs|cjs|cache)$/.test(f)) rmSync(`dist/cli/${f}`);

// xmldom's entity table also carries the 2,000+ HTML entities, frozen one by one at load time.
// teamctl only parses text/xml, where xmldom uses the five XML entities, so the bundle gets a
// table with just those (HTML parsing is never requested).
const xmlOnlyEntities = {
  name: 'xmldom-xml-entities',
  setup(b) {
    b.onLoad({ filter: /@xmldom[\\/]xmldom[\\/]lib[\\/]entities\.js$/ }, () => ({
      contents: `'use strict';
var XML = Object.freeze({ amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' });
exports.XML_ENTITIES = XML;
exports.HTML_ENTITIES = XML;
exports.entityMap = XML;`,
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/teamctl.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: process.env['TEAMCTL_BUNDLE_DEBUG'] !== '1',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [xmlOnlyEntities],
  // The sources are ES modules that find their data files next to themselves.
  define: { 'import.meta.url': '__teamctlModuleUrl' },
  banner: { js: "const __teamctlModuleUrl=require('node:url').pathToFileURL(__filename).href;" },
});
