// Bundles the CLI into dist/cli/ so `teamctl` starts in one file read instead of ~80 module loads.
// Library users import the unbundled dist/index.js; the CLI and the library run the same code.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names change with their content: drop the previous build's.
for (const f of readdirSync('dist/cli')) if (f.endsWith('.mjs')) rmSync(`dist/cli/${f}`);

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
  entryPoints: { teamctl: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env["TEAMCTL_BUNDLE_DEBUG"] !== "1",
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [xmlOnlyEntities],
  // CommonJS dependencies (commander, xmldom, xpath) call require() at run time.
  banner: { js: "import{createRequire as __teamctlRequire}from'node:module';const require=__teamctlRequire(import.meta.url);" },
});
