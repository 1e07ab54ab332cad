// Copies what the front end uses from node_modules (pinned by
// package-lock.json) into ui/vendor/, which git ignores. Nothing is fetched at
// run time: the app ships these files. Run by scripts/setup.sh after npm ci.

import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nm = (...p) => path.join(root, 'node_modules', ...p);
const out = (...p) => path.join(root, 'ui', 'vendor', ...p);

// UMD builds, in dependency order; each extends the global `d3` (or `topojson`).
export const SCRIPTS = [
  ['d3-array', 'dist/d3-array.min.js'],
  ['d3-geo', 'dist/d3-geo.min.js'],
  ['d3-dispatch', 'dist/d3-dispatch.min.js'],
  ['d3-selection', 'dist/d3-selection.min.js'],
  ['d3-color', 'dist/d3-color.min.js'],
  ['d3-interpolate', 'dist/d3-interpolate.min.js'],
  ['d3-ease', 'dist/d3-ease.min.js'],
  ['d3-timer', 'dist/d3-timer.min.js'],
  ['d3-transition', 'dist/d3-transition.min.js'],
  ['d3-drag', 'dist/d3-drag.min.js'],
  ['d3-zoom', 'dist/d3-zoom.min.js'],
  ['topojson-client', 'dist/topojson-client.min.js'],
];

rmSync(out(), { recursive: true, force: true });
mkdirSync(out('js'), { recursive: true });
mkdirSync(out('flags'), { recursive: true });
mkdirSync(out('licenses'), { recursive: true });

for (const [pkg, file] of SCRIPTS) {
  copyFileSync(nm(pkg, file), out('js', `${pkg}.min.js`));
  copyFileSync(nm(pkg, 'LICENSE'), out('licenses', `${pkg}.txt`));
}

// Natural Earth 1:50m via world-atlas: 50m keeps Bahrain, Singapore and the Cook Islands.
const world = JSON.parse(readFileSync(nm('world-atlas', 'countries-50m.json'), 'utf8'));
writeFileSync(out('countries-50m.json'), JSON.stringify(world));
copyFileSync(nm('world-atlas', 'LICENSE'), out('licenses', 'world-atlas.txt'));

// ISO 3166-1 numeric (zero-padded text, as world-atlas ids) to alpha-3, for every country.
const codes = JSON.parse(readFileSync(nm('i18n-iso-countries', 'codes.json'), 'utf8'));
const numericToAlpha3 = Object.fromEntries(codes.map(([, alpha3, numeric]) => [numeric, alpha3]));
writeFileSync(out('iso-numeric.json'), JSON.stringify(numericToAlpha3));
copyFileSync(nm('i18n-iso-countries', 'LICENSE'), out('licenses', 'i18n-iso-countries.txt'));

// Flags of the parties that attend an event in the dataset, nothing more.
const dataset = JSON.parse(readFileSync(path.join(root, 'data/generated/atlas-dataset.json'), 'utf8'));
const attending = new Set(dataset.participations.map((p) => p.party));
const flags = new Set(dataset.countries.filter((c) => attending.has(c.iso3)).map((c) => c.flag).filter(Boolean));
let copied = 0;
for (const flag of flags) {
  try {
    copyFileSync(nm('flag-icons', 'flags', '4x3', `${flag}.svg`), out('flags', `${flag}.svg`));
    copied += 1;
  } catch {
    // flag-icons has no such flag: the UI shows the ISO code instead.
  }
}
copyFileSync(nm('flag-icons', 'LICENSE'), out('licenses', 'flag-icons.txt'));

writeFileSync(out('.complete'), `${new Date(0).toISOString()}\n`);
console.log(`vendor-ui: ${SCRIPTS.length} scripts, geometry, ISO table, ${copied} flags into ui/vendor/`);
