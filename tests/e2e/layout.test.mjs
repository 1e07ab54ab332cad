// The map has the window: its share of the window at three sizes, the
// column beside it only when something is open, the list as a drawer in a
// narrow window, small states and the European Commission clickable, and
// the keyboard's way to the map. Screenshots of each size are kept.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { saveScreenshot, saveWindowScreenshot, startDriver } from './app.mjs';
import { Keys } from './webdriver.mjs';
import { parseCsv } from './csv.mjs';

const drivers = [];
after(async () => {
  for (const d of drivers) await d.stop();
});

async function openAt(size, port, env = {}) {
  const driver = await startDriver({ port, env: { MINERALS_ATLAS_WINDOW_SIZE: size, ...env } });
  drivers.push(driver);
  return driver.open();
}

const MAP_SHARE = `const f = document.getElementById('map-frame').getBoundingClientRect();
  return { width: innerWidth, height: innerHeight, frame: [Math.round(f.width), Math.round(f.height)],
    share: (f.width * f.height) / (innerWidth * innerHeight),
    asideShown: !document.getElementById('panel-area').hidden };`;

const settled = (session) => session.executeAsync('const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));');

// The share of the window the map's frame takes with nothing open; before
// this layout it was 20.6% at 1280x800 and 8.6% at 900x600.
for (const [size, port, least] of [['1280x800', 4640, 0.5], ['1440x900', 4650, 0.5], ['900x600', 4660, 0.4]]) {
  test(`the map takes the window at ${size}`, async () => {
    const session = await openAt(size, port);
    const m = await session.execute(MAP_SHARE);
    console.log(`map share at ${size} (inner ${m.width}x${m.height}): ${(m.share * 100).toFixed(1)}% (frame ${m.frame.join('x')})`);
    assert.equal(m.asideShown, false, 'no column beside the map while nothing is open');
    assert.ok(m.share >= least, `the map's frame is ${(m.share * 100).toFixed(1)}% of the window, want at least ${least * 100}%`);
    const narrow = size === '900x600';
    const toggle = await session.execute("return getComputedStyle(document.getElementById('nav-toggle')).display !== 'none';");
    assert.equal(toggle, narrow, narrow ? 'a narrow window has the Delegations button' : 'a wide window shows the list itself');
    if (!narrow) {
      await saveScreenshot(session, `layout-map-${size}`);
      // On the map a panel floats, as a place card does: the map keeps its
      // frame (the timeline and the agenda make room instead: timeline.test.mjs).
      await session.click(await session.find('.country-button[data-iso3="PAK"]'));
      await session.waitForSelector('[data-panel="country"][data-iso3="PAK"]');
      await session.waitFor('the room mark', "return document.getElementById('layout').dataset.room === 'column';");
      const open = await session.execute("const p = document.getElementById('panel-area').getBoundingClientRect(); const f = document.getElementById('map-frame').getBoundingClientRect(); return { panelLeft: p.left, frame: [Math.round(f.width), Math.round(f.height)], frameRight: f.right };");
      assert.deepEqual(open.frame, m.frame, 'the map keeps its frame when a panel opens');
      assert.ok(open.panelLeft < open.frameRight, 'the panel lies over the map');
      await session.click(await session.find('.panel .close'));
      await session.waitFor('the panel to close', "return document.getElementById('panel-area').hidden && !document.getElementById('layout').dataset.room;");
      return;
    }
    // The drawer: opened from the header, a choice opens the panel over the map and closes it.
    assert.equal(await session.execute("return document.querySelector('.country-nav').getBoundingClientRect().width;"), 0, 'the list is closed at first');
    await saveWindowScreenshot(session, `layout-map-${size}`);
    await session.click(await session.find('#nav-toggle'));
    await session.waitFor('the drawer', "return document.querySelector('.country-nav').getBoundingClientRect().width > 100;");
    // (WebKitGTK's snapshot stalls while the list is display:none, so the
    // narrow window's screenshot is taken with the drawer open.)
    await saveScreenshot(session, `layout-map-${size}-drawer`);
    // Escape closes the drawer and gives focus back to the button that opened it.
    await session.pressKeys(Keys.Escape);
    await session.waitFor('Escape to close the drawer', "return document.querySelector('.country-nav').getBoundingClientRect().width === 0;");
    assert.equal(await session.execute('return document.activeElement.id;'), 'nav-toggle', 'focus goes back to the Delegations button');
    await session.click(await session.find('#nav-toggle'));
    await session.waitFor('the drawer again', "return document.querySelector('.country-nav').getBoundingClientRect().width > 100;");
    await session.click(await session.find('.country-button[data-iso3="PAK"]'));
    await session.waitForSelector('[data-panel="country"][data-iso3="PAK"]');
    await session.waitFor('the drawer to close', "return document.querySelector('.country-nav').getBoundingClientRect().width === 0 && document.getElementById('nav-toggle').getAttribute('aria-expanded') === 'false';");
    const overlay = await session.execute("const p = document.getElementById('panel-area').getBoundingClientRect(); const f = document.getElementById('map-frame').getBoundingClientRect(); return { panelLeft: p.left, frameRight: f.right };");
    assert.ok(overlay.panelLeft < overlay.frameRight, 'the panel lies over the map in a narrow window');
    await session.click(await session.find('.panel .close'));
    await session.waitFor('the panel to close', "return document.getElementById('panel-area').hidden;");
  });
}

test('Bahrain, Qatar and the European Commission each open from the map by pointer; markers keep a 24 px target', async () => {
  const session = await openAt('1280x800', 4670);
  const markers = await session.execute(`return Object.fromEntries(['BHR', 'QAT', 'SGP', 'EUC'].map((iso3) => {
    const el = document.querySelector('.map-marker[data-iso3="' + iso3 + '"]');
    if (!el || el.hidden) return [iso3, null];
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return [iso3, { w: r.width, h: r.height, x: r.left + r.width / 2, y: r.top + r.height / 2, hit: hit && hit.dataset ? hit.dataset.iso3 : null }];
  }));`);
  for (const [iso3, m] of Object.entries(markers)) {
    assert.ok(m, `${iso3} has a marker at world zoom`);
    assert.ok(m.w >= 24 && m.h >= 24, `${iso3}'s marker is at least 24 px (${m.w}x${m.h})`);
    assert.equal(m.hit, iso3, `the centre of ${iso3}'s marker hits ${iso3}`);
  }
  const apart = Math.hypot(markers.BHR.x - markers.QAT.x, markers.BHR.y - markers.QAT.y);
  assert.ok(apart >= 24, `Bahrain's and Qatar's markers do not overlap (${apart.toFixed(1)} px apart)`);
  assert.ok(await session.execute("return document.querySelectorAll('.map-leaders line').length > 0;"), 'a moved marker has a leader line');
  for (const [iso3, name] of [['BHR', 'Bahrain'], ['QAT', 'Qatar'], ['EUC', 'European Commission']]) {
    // Opening a small state zooms to it: start each from the world view.
    await session.click(await session.find('#zoom-reset'));
    await session.waitFor('the world view', "return document.querySelector('.zoom-layer').getAttribute('transform') === 'translate(0,0) scale(1)';");
    await settled(session);
    await session.click(await session.find(`.map-marker[data-iso3="${iso3}"]`));
    await session.waitForSelector(`[data-panel="country"][data-iso3="${iso3}"]`);
    assert.match(await session.text(await session.find('#panel-title')), new RegExp(name));
    await session.pressKeys(Keys.Escape);
    await session.waitFor('the panel to close', "return document.getElementById('panel').hidden;");
  }
  await saveScreenshot(session, 'layout-markers-1280x800');
});

test('opening a small state zooms the map to it; the map keeps still for a large one in sight', async () => {
  const session = await openAt('1280x800', 4680);
  const k = () => session.execute("const t = document.querySelector('.zoom-layer').getAttribute('transform') || ''; const m = /scale\\(([0-9.]+)/.exec(t); return m ? Number(m[1]) : 1;");
  await session.click(await session.find('.country-button[data-iso3="BRA"]'));
  await session.waitForSelector('[data-panel="country"][data-iso3="BRA"]');
  await new Promise((r) => setTimeout(r, 600));
  assert.equal(await k(), 1, 'Brazil is in sight: the map does not move');
  await session.click(await session.find('.country-button[data-iso3="SGP"]'));
  await session.waitForSelector('[data-panel="country"][data-iso3="SGP"]');
  await session.waitFor('the map to zoom to Singapore', `const t = document.querySelector('.zoom-layer').getAttribute('transform') || ''; return /scale\\(([4-9]|[1-9][0-9])/.test(t);`, [], 5000);
  const place = await session.execute(`const p = document.querySelector('path.country[data-iso3="SGP"]').getBoundingClientRect();
    const f = document.getElementById('map-frame').getBoundingClientRect(); const a = document.getElementById('panel-area').getBoundingClientRect();
    return { cx: p.left + p.width / 2, left: f.left, right: Math.min(f.right, a.left) };`);
  assert.ok(place.cx > place.left && place.cx < place.right, 'Singapore is in the part of the map the panel leaves visible');
  await saveScreenshot(session, 'layout-reveal-singapore');
});

test('the map is fewer than 10 Tab presses away, and the list and the map are one stop each', async () => {
  const session = await openAt('1280x800', 4690);
  await session.execute('document.activeElement && document.activeElement.blur();');
  let presses = 0;
  const seen = [];
  for (; presses < 30; presses += 1) {
    const a = await session.execute('const a = document.activeElement; return a ? (a.id || a.dataset.iso3 || a.tagName) : null;');
    if (a === 'tab-map') break;
    await session.pressKeys(Keys.Tab);
    seen.push(await session.execute('const a = document.activeElement; return a ? (a.id || (a.dataset.iso3 ? "country:" + a.dataset.iso3 : a.tagName)) : null;'));
  }
  console.log(`Tab presses to the Map tab: ${presses} (${seen.join(' → ')})`);
  assert.ok(presses < 10, `the Map tab took ${presses} Tab presses`);
  assert.equal(seen.filter((s) => String(s).startsWith('country:')).length, 1, 'the list of delegations is one Tab stop');
  // In the list, arrows move and a letter jumps.
  await session.execute("document.querySelector('.country-button[tabindex=\"0\"]').focus();");
  await session.pressKeys(Keys.ArrowDown);
  const second = await session.execute('return document.activeElement.dataset.iso3;');
  assert.notEqual(second, 'USA', 'ArrowDown leaves the first entry');
  await session.pressKeys('q');
  assert.equal(await session.execute('return document.activeElement.dataset.iso3;'), 'QAT', "'q' jumps to Qatar");
  // Tab from the list's stop leaves the list (to the Map tab).
  await session.pressKeys(Keys.Tab);
  assert.equal(await session.execute('return document.activeElement.id;'), 'tab-map');
  // On the map, End and Home go to the last and first attending country.
  await session.execute("document.querySelector('.world-map [tabindex=\"0\"]').focus();");
  // (The map's countries are drawn attending last and by name, so document order is the walk's order.)
  const byName = await session.execute("return [...new Set([...document.querySelectorAll('.world-map path[data-iso3][tabindex]')].map((e) => e.dataset.name))];");
  assert.ok(byName.length > 50, 'every attending party is a stop');
  const focusedName = () => session.execute('return document.activeElement.dataset.name;');
  await session.pressKeys(Keys.End);
  assert.equal(await focusedName(), byName[byName.length - 1], 'End: the last country by name');
  await session.pressKeys(Keys.Home);
  assert.equal(await focusedName(), byName[0], 'Home: the first country by name');
});


const CSV_PATH = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-csv-')), 'cobalt.csv');

test('in mineral mode the column beside the map holds the ranked table; a row opens the country', async () => {
  const session = await openAt('1280x800', 4700, { MINERALS_ATLAS_SAVE_PATH: CSV_PATH });
  await session.execute("location.hash = '#/map/mineral/cobalt/production';");
  await session.waitFor('the ranked table', "return document.querySelectorAll('#mineral-ranking tbody tr').length > 3 && !document.getElementById('mineral-table').hidden;");
  const first = await session.execute("const r = document.querySelector('#mineral-ranking tbody tr'); return { iso3: r.dataset.iso3, cells: [...r.children].map((c) => c.textContent.trim()) };");
  assert.equal(first.iso3, 'COD', 'the DRC ranks first for cobalt');
  assert.equal(first.cells[0], '1');
  assert.equal(first.cells[2], 'Participant', 'attendance is said in words');
  assert.match(first.cells[4], /%$/);
  const layout = await session.execute(MAP_SHARE);
  const aside = await session.execute("const p = document.getElementById('panel-area').getBoundingClientRect(); const f = document.getElementById('map-frame').getBoundingClientRect(); return { panelLeft: p.left, frameRight: f.right };");
  assert.ok(aside.frameRight <= aside.panelLeft + 1, 'in a wide window the map is beside the table, not under it');
  console.log(`map share at 1280x800 in mineral mode: ${(layout.share * 100).toFixed(1)}%`);
  // The European Commission has no USGS row: its badge is greyed as a country with none is, not coloured as attending.
  const badge = await session.execute(`const probe = document.createElement('div'); probe.style.background = 'var(--map-unreported)';
    document.body.append(probe); const grey = getComputedStyle(probe).backgroundColor; probe.remove();
    const b = document.querySelector('.map-badge[data-iso3="EUC"]'); return { bg: getComputedStyle(b).backgroundColor, grey, share: b.dataset.shareClass || null };`);
  assert.equal(badge.share, null, 'no share class for the Commission');
  assert.equal(badge.bg, badge.grey, 'the EU badge is greyed in mineral mode');
  await saveScreenshot(session, 'layout-mineral-cobalt-1280x800');
  // The table downloads as CSV, read back here against the table the IPC gives.
  await session.click(await session.find('[data-export-table]'));
  await session.waitFor('the saved notice', "const b = document.getElementById('notice-banner'); return !b.hidden && b.textContent.includes('CSV');");
  const [header, ...lines] = parseCsv(readFileSync(CSV_PATH, 'utf8'));
  const col = (name) => header.indexOf(name);
  const table = await session.executeAsync(`const done = arguments[arguments.length - 1];
    window.__TAURI__.core.invoke('get_mineral', { id: 'cobalt' }).then((m) => done(m.series.find((s) => s.id === m.headline_production)), (e) => done(String(e)));`);
  assert.equal(lines.length, table.rows.length + (table.world_total ? 1 : 0), 'a line per USGS row, and the world total');
  for (const r of table.rows.filter((x) => x.country)) {
    const line = lines.find((l) => l[col('iso3')] === r.country);
    assert.ok(line, `${r.country} is in the CSV`);
    assert.equal(line[col('usgs_value')], r.value.text, `${r.country}: USGS's own text`);
    if (r.value.kind === 'number') assert.equal(Number(line[col('number')]), Number(r.value.text.replace(/,/g, '')));
    else assert.equal(line[col('number')], '', `${r.country}: a ${r.value.kind} has no number, not 0`);
    assert.equal(line[col('share_percent')] === '' ? null : Number(line[col('share_percent')]), r.share ? Math.round(r.share.percent * 100) / 100 : null);
    assert.match(line[col('source')], /U\.S\. Geological Survey/);
  }
  await session.click(await session.find('#mineral-ranking tbody tr[data-iso3="COD"] button'));
  await session.waitForSelector('[data-panel="country"][data-iso3="COD"]');
  assert.ok(await session.execute("return document.getElementById('mineral-table').hidden;"), 'the panel takes the column');
  await session.pressKeys(Keys.Escape);
  await session.waitFor('the table back', "return !document.getElementById('mineral-table').hidden;");
  await settled(session);
});

test('the view comes back after a restart: the hash is kept', async () => {
  const driver = await startDriver({ port: 4720, env: { MINERALS_ATLAS_WINDOW_SIZE: '1280x800' } });
  drivers.push(driver);
  let session = await driver.open();
  assert.equal(await session.execute('return location.hash;'), '', 'a first start has no view to restore');
  await session.execute("location.hash = '#/map/mineral/cobalt/production/country/COD';");
  await session.waitForSelector('[data-panel="country"][data-iso3="COD"]');
  await new Promise((r) => setTimeout(r, 1200));
  await session.delete();
  session = await driver.open();
  assert.equal(await session.execute('return location.hash;'), '#/map/mineral/cobalt/production/country/COD');
  await session.waitForSelector('[data-panel="country"][data-iso3="COD"]');
  assert.equal(await session.execute("return document.querySelector('svg.world-map').dataset.mode;"), 'mineral');
  assert.equal(await session.execute("return document.getElementById('mineral-picker').value;"), 'cobalt');
  // A kept view naming something gone since (an import removed, a dataset
  // without it) starts with the usual not-found message, and the app works.
  await session.execute("location.hash = '#/country/XYZ';");
  await session.waitFor('the error banner', "const b = document.getElementById('error-banner'); return !b.hidden && b.textContent.includes('XYZ');");
  await new Promise((r) => setTimeout(r, 1200));
  await session.delete();
  session = await driver.open();
  assert.equal(await session.execute('return location.hash;'), '#/country/XYZ');
  await session.waitFor('the error banner at start-up', "const b = document.getElementById('error-banner'); return !b.hidden && b.textContent.includes('XYZ');");
  assert.equal(await session.execute("return document.querySelector('[data-panel]') === null;"), true, 'no panel for what is gone');
  await session.click(await session.find('.country-button[data-iso3="PAK"]'));
  await session.waitForSelector('[data-panel="country"][data-iso3="PAK"]');
  await session.delete();
});
