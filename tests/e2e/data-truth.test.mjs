// Real window: what the data says, said truly (issue 12). Iron ore shows
// Australia's share (its world total is attached to its table); Australia's
// panel lists every USGS row, its rare earths among them; talc shows
// Pakistan's "steatite" row with its qualifier and share; a country with a
// row in another table is never "not reported"; the fact sheet's link (an
// http mirror the app will not open) can be copied; PMIF 2026 (8-9 April
// 2026) reads as past on the injected clock, 3 December 2026.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveScreenshot, withApp } from './app.mjs';

let driver;
let session;

// The clock is injected: this test must not depend on today's date.
withApp({ env: { MINERALS_ATLAS_NOW: '2026-12-03T09:00:00Z' }, port: 4594 }, async (s, d) => {
  session = s;
  driver = d;
  await session.waitForSelector('path.country[data-iso3="AUS"]');
});

/** Shows a mineral and waits for its own summary (not the previous mineral's, still on screen). */
async function showMineral(id, measure = 'production', name = null) {
  await session.execute(`location.hash = '#/map/mineral/${id}/${measure}';`);
  const title = name || id.replace(/-/g, ' ');
  await session.waitFor(`${id} on the map`, `
    const s = document.getElementById('mineral-summary').textContent.toLowerCase();
    return document.querySelector('svg.world-map').dataset.mode === 'mineral' && location.hash === '#/map/mineral/${id}/${measure}'
      && (s.startsWith(arguments[0].toLowerCase() + ',') || s.includes('table for ' + arguments[0].toLowerCase()));`, [title]);
}

/** The map's hover text for a country, as a keyboard user gets it. */
async function tooltipOf(iso3) {
  return session.execute(`
    const el = document.querySelector('svg.world-map [data-iso3="${iso3}"]');
    el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    const text = document.getElementById('map-tooltip').textContent;
    el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    return text;`);
}

const shareOf = (iso3) => session.execute(`return document.querySelector('path.country[data-iso3="${iso3}"]').dataset.share;`);

test('iron ore: Australia has its share of the world total (about 38%)', async () => {
  await showMineral('iron-ore');
  const share = Number(await shareOf('AUS'));
  assert.ok(share > 35 && share < 40, `Australia's share of iron ore: ${share}`);
  assert.match(await tooltipOf('AUS'), /37\.\d+% of world; 980,000 thousand metric tons/);
  const summary = await session.text(await session.find('#mineral-summary'));
  assert.match(summary, /world total 2,600,000 thousand metric tons/, 'the world total with its unit');
  await saveScreenshot(session, 'map-iron-ore-australia');
});

test('talc: Pakistan\'s steatite row is in the table, with its qualifier and share', async () => {
  await showMineral('talc-and-pyrophyllite');
  const share = Number(await shareOf('PAK'));
  assert.ok(share > 2 && share < 4, `Pakistan's share of talc: ${share}`);
  const tip = await tooltipOf('PAK');
  assert.match(tip, /of world; 200 thousand metric tons \(steatite\)/, tip);
  assert.doesNotMatch(tip, /not reported/);
  // Pakistan's panel gives its place in that table, counted here from the table's rows.
  const place = await session.executeAsync(`const done = arguments[arguments.length - 1];
    window.__TAURI__.core.invoke('get_mineral', { id: 'talc-and-pyrophyllite' }).then((m) => {
      const s = m.series.find((x) => x.id === m.headline_production);
      const numbers = s.rows.filter((r) => r.country && (r.value.kind === 'number' || r.value.kind === 'zero'));
      const own = numbers.find((r) => r.country === 'PAK');
      done({ rank: 1 + numbers.filter((r) => r.share && own.share && r.share.percent > own.share.percent).length, of: numbers.length, series: s.id });
    }, (e) => done(String(e)));`);
  await session.execute("location.hash = '#/map/mineral/talc-and-pyrophyllite/production/country/PAK';");
  await session.waitForSelector('[data-panel="country"][data-iso3="PAK"]');
  const row = await session.text(await session.find(`[data-panel="country"] .mineral-row[data-series="${place.series}"] .row-share`));
  const teen = place.rank % 100 >= 11 && place.rank % 100 <= 13;
  const nth = `${place.rank}${teen ? 'th' : { 1: 'st', 2: 'nd', 3: 'rd' }[place.rank % 10] || 'th'}`;
  assert.match(row, new RegExp(`, ${nth} of ${place.of} with figures$`), row);
});

test('titanium: Kenya, reported only for rutile, is named in that table, not "not reported"', async () => {
  await showMineral('titanium-mineral-concentrates');
  const tip = await tooltipOf('KEN');
  assert.match(tip, /reported under "Mine production · Rutile"/, tip);
  assert.doesNotMatch(tip, /not reported separately/);
  assert.equal(await session.execute("return document.querySelector('path.country[data-iso3=\"KEN\"]').dataset.shareClass;"), 'row', 'drawn as a row without a share here, not as "no row"');
  // A country USGS does not list at all still says so.
  assert.match(await tooltipOf('FRA'), /not reported separately by USGS/);
});

test('no country with a USGS row is called "not reported" on the map, for any mineral and measure', async () => {
  // Every mineral with a table, both measures: the map's words come from the
  // backend's cells, and a country with a cell never gets the "no row" text.
  const minerals = await session.executeAsync(`
    const done = arguments[arguments.length - 1];
    window.__TAURI__.core.invoke('list_minerals').then((ms) => done(ms.filter((m) => m.has_production || m.has_reserves).map((m) => m.id)), (e) => done(String(e)));`);
  assert.ok(Array.isArray(minerals) && minerals.length > 50, String(minerals));
  // Every mineral USGS gives a table for: the map's words for every country with a cell.
  for (const id of minerals) {
    const detail = await session.executeAsync(`
      const done = arguments[arguments.length - 1];
      window.__TAURI__.core.invoke('get_mineral', { id: arguments[0] }).then(done, (e) => done(String(e)));`, [id]);
    for (const [measure, cells] of [['production', detail.cells_production], ['reserves', detail.cells_reserves]]) {
      if (!cells.length) continue;
      await showMineral(id, measure, detail.mineral.name);
      const wrong = await session.execute(`
        const out = [];
        for (const c of arguments[0]) {
          const el = document.querySelector('svg.world-map [data-iso3="' + c.country + '"]');
          if (!el) continue;
          el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
          if (document.getElementById('map-tooltip').textContent.includes('not reported separately')) out.push(c.country);
          el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
        }
        return out;`, [cells]);
      assert.deepEqual(wrong, [], `${id} ${measure}: countries with a row called "not reported"`);
    }
  }
});

test('Australia\'s panel lists every USGS row, its rare earths among them; a withheld value is never 0%', async () => {
  await session.execute("location.hash = '#/map/country/AUS';");
  const panel = await session.waitForSelector('[data-panel="country"][data-iso3="AUS"]');
  const text = await session.text(panel);
  for (const mineral of ['Rare earths', 'Nickel', 'Cobalt', 'Bauxite', 'Gold', 'Iron ore']) {
    assert.ok(text.includes(mineral), `${mineral} is listed`);
  }
  assert.doesNotMatch(text, /not listed here are not reported/);
  const rows = await session.execute("return document.querySelectorAll('[data-panel=\"country\"] .mineral-row').length;");
  const expected = await session.executeAsync(`
    const done = arguments[arguments.length - 1];
    window.__TAURI__.core.invoke('get_country', { iso3: 'AUS' }).then((c) => done(c.minerals.stats.length), (e) => done(String(e)));`);
  assert.equal(rows, expected, 'one line per USGS row');
  // Each row is named in plain words: the stage and year first, USGS's own header kept as the hover title.
  const labels = await session.execute("return [...document.querySelectorAll('[data-panel=\"country\"] .row-label')].map((e) => [e.textContent, e.title]);");
  for (const [label, title] of labels) {
    assert.match(label, /^(Mine production|Refinery production|Smelter production|Plant production|Primary production|Production|Reserves|Capacity|Refinery capacity|Smelter capacity|Year-end capacity) \d{4}( · [^:]+)?: $/, label);
    assert.doesNotMatch(label, /metric tons|\d{4}, (Mine|Reserves)/, `no units or repeated stage: ${label}`);
    assert.match(title, /^USGS: ./);
  }
  assert.ok(labels.some(([l]) => l === 'Mine production 2025 · Ilmenite: '), 'titanium ilmenite, plainly');
  // The United States' lithium production is withheld (W): words, not a share of 0.
  await session.execute("location.hash = '#/map/mineral/lithium/production';");
  await session.waitFor('lithium', "return document.getElementById('mineral-summary').textContent.includes('Lithium');");
  const summary = await session.text(await session.find('#mineral-summary'));
  assert.doesNotMatch(summary, /host at most 0\.0%|host 0\.0%/, summary);
  assert.match(summary, /The host's figure is W \(withheld[^)]*\): no share\./, summary);
});

test('the fact sheet\'s address, an http mirror the app will not open, is labelled and can be copied', async () => {
  await session.execute("location.hash = '#/map/country/USA';");
  await session.waitForSelector('[data-panel="country"][data-iso3="USA"]');
  const source = await session.waitForSelector('[data-panel="country"] [data-source-id="state-factsheet"]');
  const label = await session.text(source);
  assert.match(label, /Official text, read from a copy \(US Department of State/);
  const url = await session.execute("return document.querySelector('[data-panel=\"country\"] [data-source-id=\"state-factsheet\"] input.source-url').value;");
  assert.equal(url, 'http://nie-podam.pl/viewer.php?id=110731777');
  await session.click(await session.find('[data-panel="country"] [data-source-id="state-factsheet"] button.copy-link'));
  await session.waitFor('the copy', "const b = document.querySelector('[data-panel=\"country\"] [data-source-id=\"state-factsheet\"] button.copy-link'); return b.textContent !== 'Copy link';");
  const after = await session.execute("return document.querySelector('[data-panel=\"country\"] [data-source-id=\"state-factsheet\"] button.copy-link').textContent;");
  assert.ok(['Copied', 'Select and copy the address'].includes(after), after);
});

test('PMIF 2026 reads as past, with no outcomes recorded, on 3 December 2026', async () => {
  await session.execute("location.hash = '#/map/country/PAK';");
  const panel = await session.waitForSelector('[data-panel="country"][data-iso3="PAK"]');
  await session.waitFor('the delegations', "return document.querySelector('[data-panel=\"country\"] [data-event=\"pmif-2026\"]') !== null;");
  const pmif = await session.text(await session.find('[data-panel="country"] [data-event="pmif-2026"]'));
  assert.match(pmif, /Past/);
  assert.match(pmif, /Took place; outcomes not recorded in this data \(as of \d+ \w+ 2026\)/);
  assert.doesNotMatch(pmif, /Scheduled/);
  const status = await session.text(await session.find('#status-bar'));
  assert.match(status, /^USGS MCS 2026 · facts checked to \d+ \w+ 2026 · offline$/);
  assert.match(status, /offline/);
  await saveScreenshot(session, 'country-panel-pakistan-pmif-past');
  assert.ok(panel);
});
