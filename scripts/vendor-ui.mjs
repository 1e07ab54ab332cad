// Copies what the front end uses from node_modules (pinned by
// package-lock.json) into ui/vendor/, which git ignores. Nothing is fetched at
// run time: the app ships these files. Run by scripts/setup.sh after npm ci.

import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { keyFeatures } from '../ui/js/map/geometry.js';
import { KASHMIR } from '../ui/js/map/disputed.js';
import { MAP_WIDTH, MAP_HEIGHT } from '../ui/js/map/size.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nm = (...p) => path.join(root, 'node_modules', ...p);
const out = (...p) => path.join(root, 'ui', 'vendor', ...p);

// UMD builds, in dependency order; each extends the global `d3`. Only zoom
// and pan run in the page: the map is projected here, at build time.
export const SCRIPTS = [
  ['d3-dispatch', 'dist/d3-dispatch.min.js'],
  ['d3-selection', 'dist/d3-selection.min.js'],
  ['d3-color', 'dist/d3-color.min.js'],
  ['d3-interpolate', 'dist/d3-interpolate.min.js'],
  ['d3-ease', 'dist/d3-ease.min.js'],
  ['d3-timer', 'dist/d3-timer.min.js'],
  ['d3-transition', 'dist/d3-transition.min.js'],
  ['d3-drag', 'dist/d3-drag.min.js'],
  ['d3-zoom', 'dist/d3-zoom.min.js'],
];

rmSync(out(), { recursive: true, force: true });
mkdirSync(out('js'), { recursive: true });
mkdirSync(out('flags'), { recursive: true });
mkdirSync(out('licenses'), { recursive: true });

for (const [pkg, file] of SCRIPTS) {
  copyFileSync(nm(pkg, file), out('js', `${pkg}.min.js`));
  copyFileSync(nm(pkg, 'LICENSE'), out('licenses', `${pkg}.txt`));
}

/**
 * A feature's projected outline as a compact SVG path: each ring simplified
 * (Douglas-Peucker, SIMPLIFY_PX at 1x: below the 0.1 px the coordinates are
 * written to, so nothing visible goes until well past 10x zoom), then
 * written with relative commands. About a third of the points and bytes of
 * the plain path, so the page parses and paints the map sooner.
 */
const SIMPLIFY_PX = 0.1;
function compactPath(proj, geo) {
  const rings = [];
  let ring = null;
  const context = {
    moveTo(x, y) { ring = [[x, y]]; rings.push(ring); },
    lineTo(x, y) { ring.push([x, y]); },
    closePath() { ring.closed = true; },
    arc() {},
  };
  geoPath(proj, context)(geo);
  let out = '';
  let last = null;
  const t = (v) => { const r = Math.round(v * 10) / 10; return (Object.is(r, -0) ? 0 : r).toString(); };
  const pair = (dx, dy) => `${t(dx)}${dy < 0 ? '' : ','}${t(dy)}`;
  for (const r of rings) {
    const kept = r.length > 4 ? simplify(r, SIMPLIFY_PX) : r;
    const pts = kept.length >= 4 || !r.closed ? kept : r;
    const abs = pts.map(([x, y]) => [Math.round(x * 10), Math.round(y * 10)]);
    out += last ? `m${pair((abs[0][0] - last[0]) / 10, (abs[0][1] - last[1]) / 10)}` : `M${t(abs[0][0] / 10)},${t(abs[0][1] / 10)}`;
    let prev = abs[0];
    for (const p of abs.slice(1)) {
      if (p[0] === prev[0] && p[1] === prev[1]) continue;
      out += `l${pair((p[0] - prev[0]) / 10, (p[1] - prev[1]) / 10)}`;
      prev = p;
    }
    if (r.closed) out += 'z';
    // After z the current point is the ring's start.
    last = r.closed ? abs[0] : prev;
  }
  return out;
}

/** Douglas-Peucker on a list of [x, y], iterative; keeps the ends. */
function simplify(points, tolerance) {
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  const t2 = tolerance * tolerance;
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i += 1) {
      const [px, py] = points[i];
      let d2;
      if (len2 === 0) d2 = (px - ax) ** 2 + (py - ay) ** 2;
      else {
        const u = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        d2 = (ax + u * dx - px) ** 2 + (ay + u * dy - py) ** 2;
      }
      if (d2 > worst) { worst = d2; at = i; }
    }
    if (worst > t2) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

// Natural Earth 1:50m via world-atlas: 50m keeps Bahrain, Singapore and the Cook Islands.
// The map, projected once here (Equal Earth, Natural Earth 1:50m via world-atlas)
// into SVG path strings keyed by ISO code, so the page does no geometry at start.
// Written as an ES module: imported under script-src 'self', no fetch needed.
const world = JSON.parse(readFileSync(nm('world-atlas', 'countries-50m.json'), 'utf8'));
const codes = JSON.parse(readFileSync(nm('i18n-iso-countries', 'codes.json'), 'utf8'));
const numericToAlpha3 = Object.fromEntries(codes.map(([, alpha3, numeric]) => [numeric, alpha3]));
const items = keyFeatures(feature(world, world.objects.countries).features, numericToAlpha3);
const projection = geoEqualEarth().fitExtent([[8, 8], [MAP_WIDTH - 8, MAP_HEIGHT - 8]], { type: 'Sphere' });
const toPath = geoPath(projection).digits(1);
const round = (x) => Math.round(x * 10) / 10;
const countries = items
  .map((i) => ({ name: i.name, numeric: i.numeric, iso3: i.iso3, d: compactPath(projection, i.feature), area: round(toPath.area(i.feature)), centroid: toPath.centroid(i.feature).map(round) }))
  .filter((c) => c.d);
const projected = { width: MAP_WIDTH, height: MAP_HEIGHT, disputed: toPath(KASHMIR), countries };
writeFileSync(out('world-map.js'), `// Generated by scripts/vendor-ui.mjs from world-atlas (Natural Earth 1:50m, public domain).\nexport default ${JSON.stringify(projected)};\n`);
copyFileSync(nm('world-atlas', 'LICENSE'), out('licenses', 'world-atlas.txt'));
copyFileSync(nm('d3-geo', 'LICENSE'), out('licenses', 'd3-geo.txt'));
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

// The app's own modules as one file for the page. The sources stay one job
// per module; the page loads one script instead of a waterfall of ~30
// requests through the custom protocol, which put the first map paint about
// 40 ms later. The geometry stays a separate module, imported on demand
// (its path resolves to vendor/world-map.js from either place).
buildSync({
  entryPoints: [path.join(root, 'ui/js/main.js')],
  bundle: true,
  format: 'esm',
  target: 'es2020',
  outfile: out('app.js'),
  external: ['../../vendor/world-map.js'],
  legalComments: 'none',
  logLevel: 'warning',
});

// The interface font, per platform, as the bundle for that platform is
// built there. WebKitGTK looks up every family the page names through
// fontconfig before its first paint, missing ones included: the full
// cross-platform stack (system-ui, -apple-system, "Segoe UI", Roboto...)
// put the first paint about 25 ms later than fontconfig's own sans-serif,
// which is the desktop's configured sans font anyway.
const FONTS = {
  darwin: { ui: '-apple-system, system-ui, sans-serif', mono: 'ui-monospace, Menlo, monospace' },
  win32: { ui: '"Segoe UI", system-ui, sans-serif', mono: 'Consolas, monospace' },
};
const fonts = FONTS[process.platform] || { ui: 'sans-serif', mono: 'monospace' };
writeFileSync(out('platform.css'), `/* Generated by scripts/vendor-ui.mjs for ${process.platform}. */\n:root { --font-ui: ${fonts.ui}; --font-mono: ${fonts.mono}; }\n`);

writeFileSync(out('.complete'), `${new Date(0).toISOString()}\n`);
console.log(`vendor-ui: ${SCRIPTS.length} scripts, ${countries.length} projected countries, ${copied} flags into ui/vendor/`);
