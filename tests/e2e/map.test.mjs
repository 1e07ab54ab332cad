// Real window: the world map. Roles against the State Department's list,
// click and Esc, keyboard-only access to a tiny state, mineral shading,
// the URL hash, and screenshots in light and dark.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Keys } from './webdriver.mjs';
import { saveScreenshot, SCREENSHOT_DIR, SHARED_DATA, withApp } from './app.mjs';

let driver;
let session;

withApp({}, async (s, d) => {
  session = s;
  driver = d;
  await session.waitForSelector('path.country[data-iso3="PAK"]');
});
after(() => console.log(`screenshots: ${SCREENSHOT_DIR}`));

function participantsFromSharedData() {
  const file = path.join(SHARED_DATA, 'ministerial_2026_participants.csv');
  assert.ok(existsSync(file), `needs ${file} (shared/ beside the checkout)`);
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  const col = header.split(',').indexOf('iso_a3');
  return rows.map((r) => r.split(',')[col]);
}

test('every participant and the host is drawn with its role; China is not a participant', async () => {
  const expected = participantsFromSharedData();
  assert.equal(expected.length, 54);
  const roles = await session.execute(`
    const out = {};
    for (const p of document.querySelectorAll('path.country[data-iso3]')) {
      if (p.dataset.iso3) out[p.dataset.iso3] = p.dataset.role;
    }
    return out;`);
  for (const iso3 of expected) assert.equal(roles[iso3], 'participant', iso3);
  assert.equal(roles.USA, 'host');
  assert.equal(roles.CHN, 'none');
  assert.equal(roles.CHL, 'none', 'Chile did not attend');
  const legend = await session.text(await session.find('#map-legend'));
  assert.match(legend, /Signed a framework or MOU with the US on 4 February 2026/);
  const note = await session.text(await session.find('#boundary-note'));
  assert.match(note, /not authoritative/);
  assert.match(note, /Kashmir is disputed/);
  await saveScreenshot(session, 'map-participation-light');
});

test('click Pakistan on the map: its panel opens; Esc closes it', async () => {
  await session.click(await session.find('path.country[data-iso3="PAK"]'));
  const panel = await session.waitForSelector('[data-panel="country"][data-iso3="PAK"]');
  await session.waitFor('the head of delegation', "return document.querySelector('[data-panel=\"country\"]').innerText.includes('Ali Pervaiz Malik');");
  assert.match(await session.text(panel), /Ali Pervaiz Malik/);
  // The map marks the open country in the frame after the panel's.
  await session.waitFor('Pakistan marked on the map', 'return document.querySelector(\'path[data-iso3="PAK"]\').hasAttribute("data-selected");');
  await session.pressKeys(Keys.Escape);
  await session.waitFor('the panel to close', "return !document.querySelector('[data-panel=\"country\"]');");
  assert.equal(await session.execute('return location.hash;'), '#/map');
});

test('Singapore is reachable by keyboard alone and opens: the skip link, then arrows', async () => {
  await session.execute('document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);');
  await session.pressKeys(Keys.Tab);
  assert.equal(await session.execute('return document.activeElement.id;'), 'skip-to-map', 'the first Tab stop is the skip link');
  await session.pressKeys(Keys.Enter);
  assert.ok(await session.execute("return document.activeElement.matches('svg.world-map path.country');"), 'the skip link lands on a country of the map');
  let reached = false;
  for (let i = 0; i < 80 && !reached; i += 1) {
    await session.pressKeys(Keys.ArrowRight);
    reached = await session.execute("return document.activeElement && document.activeElement.dataset.iso3 === 'SGP';");
  }
  assert.ok(reached, 'the arrow keys reach Singapore');
  await session.pressKeys(Keys.Enter);
  await session.waitForSelector('[data-panel="country"][data-iso3="SGP"]');
  const marker = await session.execute("return !!document.querySelector('.map-marker[data-iso3=\"SGP\"]');");
  assert.ok(marker, 'Singapore has a marker on the map');
  await session.pressKeys(Keys.Escape);
  await session.waitFor('the panel to close', "return !document.querySelector('[data-panel=\"country\"]');");
});

test('the map zooms with + and pans with Shift and the arrows when focused, and Reset restores it', async () => {
  const transform = () => session.execute("return document.querySelector('.zoom-layer').getAttribute('transform') || '';");
  await session.click(await session.find('#zoom-reset'));
  await session.waitFor('the reset', "const t = document.querySelector('.zoom-layer').getAttribute('transform'); return t === 'translate(0,0) scale(1)';");
  await session.execute("document.querySelector('path.country[data-iso3=\"PAK\"]').focus();");
  await session.pressKeys('+');
  const zoomed = await transform();
  assert.match(zoomed, /scale\(1\.6/);
  await session.pressChord(Keys.Shift, Keys.ArrowLeft);
  assert.notEqual(await transform(), zoomed);
  await session.click(await session.find('#zoom-reset'));
  await session.waitFor('the reset', "const t = document.querySelector('.zoom-layer').getAttribute('transform'); return t === 'translate(0,0) scale(1)';");
});

async function pickMineral(id) {
  await session.click(await session.find('select[data-mineral-picker]'));
  await session.click(await session.find(`select[data-mineral-picker] option[value="${id}"]`));
  await session.waitFor(`the picker to show ${id || 'none'}`, 'return document.querySelector("select[data-mineral-picker]").value === arguments[0];', [id]);
  // Leave the native popup, as a user's next click would.
  await session.execute("document.querySelector('#map-frame').focus(); document.activeElement.blur();");
}

async function shares() {
  return session.execute(`
    const out = {};
    for (const p of document.querySelectorAll('path.country[data-iso3]')) {
      if (p.dataset.iso3 && p.dataset.share !== undefined) out[p.dataset.iso3] = p.dataset.share;
    }
    return out;`);
}

test('cobalt production: the DRC has the largest share and the summary names the largest non-participant', async () => {
  await pickMineral('cobalt');
  await session.waitFor('mineral mode', "return document.querySelector('svg.world-map').dataset.mode === 'mineral' && location.hash === '#/map/mineral/cobalt/production';");
  const production = await shares();
  const numeric = Object.entries(production).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)]);
  numeric.sort((a, b) => b[1] - a[1]);
  assert.equal(numeric[0][0], 'COD', `largest: ${numeric.slice(0, 3)}`);
  assert.ok(numeric[0][1] > 50);
  assert.equal(production.CHL, '', 'a country USGS does not list for cobalt has an empty share');
  const summary = await session.text(await session.find('#mineral-summary'));
  assert.match(summary, /^Cobalt, mine production 2025 \(metric tons\)/, summary);
  assert.match(summary, /Largest non-participant: Indonesia/);
  // The concentration line, checked against the table's own rows: the HHI's
  // low end is the sum of the named countries' squared shares, recomputed here.
  const line = await session.text(await session.find('#mineral-concentration'));
  const table = await session.executeAsync(`const done = arguments[arguments.length - 1];
    window.__TAURI__.core.invoke('get_mineral', { id: 'cobalt' }).then((m) => {
      const s = m.series.find((x) => x.id === m.headline_production);
      // Where the rows add past USGS's rounded total, the app divides by their sum: so does this check.
      const all = s.rows.filter((r) => r.share).reduce((sum, r) => sum + r.share.percent, 0);
      const factor = all > 100 ? 100 / all : 1;
      done(s.rows.filter((r) => r.country && r.share).map((r) => [r.country, r.share.percent * factor]));
    }, (e) => done(String(e)));`);
  const squares = table.reduce((sum, [, p]) => sum + p * p, 0);
  const hhi = /HHI ([\d,]+)(?: to ([\d,]+))? of 10,000/.exec(line);
  assert.ok(hhi, `an HHI in: ${line}`);
  const low = Number(hhi[1].replace(/,/g, ''));
  assert.ok(Math.abs(low - squares) <= 2, `HHI low ${low} against the rows' sum of squared shares ${squares.toFixed(1)}`);
  assert.match(line, /highly concentrated \(above 1,800/);
  const top = [...table].sort((a, b) => b[1] - a[1])[0];
  assert.equal(top[0], 'COD');
  assert.match(line, new RegExp(`The largest producer, Democratic Republic of the Congo, has ${top[1].toFixed(1)}%`));
  await saveScreenshot(session, 'map-cobalt-production-light');

  await session.click(await session.find('[data-measure="reserves"]'));
  await session.waitFor('reserves', "return location.hash === '#/map/mineral/cobalt/reserves';");
  const reserves = await shares();
  assert.notDeepEqual(reserves, production, 'the shading changes');
  assert.ok(Number(reserves.AUS) > Number(production.AUS), 'Australia holds more of the reserves than of output');

  await pickMineral('');
  await session.waitFor('participation view', "return document.querySelector('svg.world-map').dataset.mode === 'participation';");
});

test("copper's stages side by side: mined and refined, each led by its own table; no row is not reported, never 0", async () => {
  await session.execute("location.hash = '#/map/mineral/copper/production';");
  await session.waitFor('the stages', "return document.querySelectorAll('#mineral-stages table tbody tr').length > 3 && !document.getElementById('mineral-stages').hidden;");
  const grid = await session.execute(`const t = document.querySelector('#mineral-stages table');
    return { heads: [...t.querySelectorAll('thead th')].map((th) => [th.textContent, th.dataset.series || null]),
      rows: [...t.querySelectorAll('tbody tr')].map((tr) => ({ iso3: tr.dataset.iso3, cells: Object.fromEntries([...tr.querySelectorAll('td[data-series]')].map((td) => [td.dataset.series, td.textContent])) })) };`);
  const stageHeads = grid.heads.filter(([, series]) => series);
  assert.deepEqual(stageHeads.map(([text]) => text), ['Mine production', 'Refinery production']);
  // Each table, read independently through the IPC.
  const tables = await session.executeAsync(`const done = arguments[arguments.length - 1];
    window.__TAURI__.core.invoke('get_mineral', { id: 'copper' }).then((m) => done(Object.fromEntries(m.series.map((s) => [s.id,
      s.rows.filter((r) => r.country).map((r) => ({ iso3: r.country, percent: r.share ? r.share.percent : null, kind: r.value.kind }))]))), (e) => done(String(e)));`);
  const leaderOf = {};
  for (const [, series] of stageHeads) {
    const rows = tables[series];
    const top = rows.filter((r) => r.percent !== null).sort((a, b) => b.percent - a.percent)[0];
    leaderOf[series] = top.iso3;
    const shown = grid.rows.find((r) => r.iso3 === top.iso3);
    assert.ok(shown, `${top.iso3}, the leader of ${series}, is in the grid`);
    assert.match(shown.cells[series], new RegExp(`^${top.percent.toFixed(1)}%, 1st$`), `${top.iso3} at ${series}: ${shown.cells[series]}`);
    // Every cell is the country's row in that table, or says there is none.
    for (const r of grid.rows) {
      const row = rows.find((x) => x.iso3 === r.iso3);
      if (row) assert.notEqual(r.cells[series], 'not reported separately', `${r.iso3} has a row in ${series}`);
      else assert.equal(r.cells[series], 'not reported separately', `${r.iso3} has no row in ${series}`);
      assert.notEqual(r.cells[series], '0', `${r.iso3}: never 0 for a missing row`);
    }
  }
  const [mine, refinery] = stageHeads.map(([, series]) => series);
  assert.notEqual(leaderOf[mine], leaderOf[refinery], 'mined here, refined there');
  await saveScreenshot(session, 'map-copper-stages');
});

test('rare earths: China is the largest non-participant', async () => {
  await session.execute("location.hash = '#/mineral/rare-earths/production';");
  await session.waitFor('the summary', "return document.getElementById('mineral-summary').textContent.includes('Largest non-participant: China');");
  await session.execute("location.hash = '#/';");
});

test('opening #/country/GIN directly shows Guinea and its 4 February 2026 framework', async () => {
  await session.execute("location.hash = '#/country/GIN';");
  await session.navigateRefresh();
  await session.waitFor('the first view', "return document.documentElement.dataset.ready === 'true';", [], 30000);
  const panel = await session.waitForSelector('[data-panel="country"][data-iso3="GIN"]');
  await session.waitFor('the agreements', "return document.querySelector('[data-panel=\"country\"]').innerText.includes('4 February 2026');");
  const text = await session.text(panel);
  assert.match(text, /Guinea/);
  assert.match(text, /critical minerals framework or MOU/);
  assert.match(text, /4 February 2026/);
  // The bars of the mineral profile are drawn (their width is set through the CSSOM, which the CSP allows).
  const width = await session.execute("const b = document.querySelector('.bar-fill'); return b ? b.getBoundingClientRect().width : 0;");
  assert.ok(width > 0, 'share bars have a width');
  await saveScreenshot(session, 'country-panel-guinea-light');
  // Back goes to the previous hash.
  await session.execute("location.hash = '#/mineral/bauxite/production/country/GIN';");
  await session.waitFor('bauxite', "return document.querySelector('svg.world-map').dataset.mode === 'mineral';");
  await session.execute('history.back();');
  await session.waitFor('back to participation', "return document.querySelector('svg.world-map').dataset.mode === 'participation' && location.hash === '#/country/GIN';");
});

test('the map reflows when the window is resized', async () => {
  const before = await session.execute("return document.querySelector('svg.world-map').getBoundingClientRect().width;");
  await session.cmd('POST', '/window/rect', { width: 1000, height: 700 });
  await session.waitFor('a narrower map', `return document.querySelector('svg.world-map').getBoundingClientRect().width < ${before};`);
  await session.cmd('POST', '/window/rect', { width: 1280, height: 800 });
});

// The outlines are painted on a canvas beneath transparent SVG paths: what
// a reader sees is the canvas's pixels, so they are read back here.
const canvasColourAt = (iso3) => session.execute(`
  const path = document.querySelector('path.country[data-iso3="${iso3}"]');
  const canvas = document.querySelector('#map canvas.map-canvas');
  const box = path.getBBox();
  // A point inside the outline, well away from its border (which has its own colour).
  // The widest margin found wins: a neighbour's outline may overlap a thin strip.
  let inside = null;
  for (const margin of [4, 3, 2, 1.5, 1]) {
    for (let i = 1; i < 40 && !inside; i += 1) {
      for (let j = 1; j < 40 && !inside; j += 1) {
        const p = new DOMPoint(box.x + (box.width * i) / 40, box.y + (box.height * j) / 40);
        const around = [[margin, 0], [-margin, 0], [0, margin], [0, -margin], [margin, margin], [-margin, -margin]];
        if (path.isPointInFill(p) && around.every(([dx, dy]) => path.isPointInFill(new DOMPoint(p.x + dx, p.y + dy)))) inside = p;
      }
    }
    if (inside) break;
  }
  if (!inside) return null;
  const screen = inside.matrixTransform(path.getScreenCTM());
  const r = canvas.getBoundingClientRect();
  const x = Math.round((screen.x - r.left) * (canvas.width / r.width));
  const y = Math.round((screen.y - r.top) * (canvas.height / r.height));
  const [red, green, blue] = canvas.getContext('2d').getImageData(x, y, 1, 1).data;
  return [red, green, blue];`);

const cssColour = (variable) => session.execute(`
  const probe = document.createElement('div');
  probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('${variable}');
  document.body.append(probe);
  const rgb = getComputedStyle(probe).color.match(/\\d+/g).slice(0, 3).map(Number);
  probe.remove();
  return rgb;`);

test('the canvas shows each role and each share in the palette of the legend', async () => {
  await session.execute("location.hash = '#/map';");
  await session.waitFor('the participation map', "return document.querySelector('svg.world-map').dataset.mode === 'participation';");
  // The canvas draws in the frame after its marks change.
  await new Promise((r) => setTimeout(r, 300));
  const painted = async (iso3, variable) => {
    const want = await cssColour(variable);
    const got = await canvasColourAt(iso3);
    assert.deepEqual(got, want, `${iso3} is painted in ${variable}`);
  };
  await painted('USA', '--map-host');
  await painted('PAK', '--map-participant');
  await painted('CHN', '--map-none');
  await painted('ARG', '--map-signed');
  await session.execute("location.hash = '#/map/mineral/cobalt/production';");
  await session.waitFor('cobalt shading', "return document.querySelector('path.country[data-iso3=\"COD\"]').dataset.shareClass === '0';");
  await new Promise((r) => setTimeout(r, 300));
  await painted('COD', '--share-0');
  await session.execute("location.hash = '#/map';");
});
