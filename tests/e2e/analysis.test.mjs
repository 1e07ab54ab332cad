// Real window: mineral mode's ranked bar chart against its table (the same
// numbers, attendance in words, markers never drawn as bars); the table
// sorted from the keyboard; its CSV with the year before; two countries
// compared side by side from a country panel.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Keys } from './webdriver.mjs';
import { saveScreenshot, withApp } from './app.mjs';
import { parseCsv } from './csv.mjs';

const CSV = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-analysis-')), 'table.csv');
let session;

withApp({ env: { MINERALS_ATLAS_SAVE_PATH: CSV, MINERALS_ATLAS_NOW: '2026-12-03T09:00:00Z', MINERALS_ATLAS_WINDOW_SIZE: '1280x800' }, port: 4740 }, async (s) => {
  session = s;
});

const headline = (mineral) => session.executeAsync(`const done = arguments[arguments.length - 1];
  window.__TAURI__.core.invoke('get_mineral', { id: '${mineral}' }).then((m) => done(m.series.find((s) => s.id === m.headline_production)), (e) => done(String(e)));`);

test("cobalt's bar chart shows the table's numbers, attendance in words, the year before as ticks", async () => {
  await session.execute("location.hash = '#/map/mineral/cobalt/production';");
  await session.waitFor('the chart', "return document.querySelectorAll('#mineral-chart .bar').length > 5;");
  const series = await headline('cobalt');
  const chart = await session.execute(`return [...document.querySelectorAll('#mineral-chart .bar')].map((g) => ({
    iso3: g.dataset.iso3, cls: g.getAttribute('class'), title: g.querySelector('title').textContent,
    width: Number(g.querySelector('rect').getAttribute('width')), tick: !!g.querySelector('.bar-previous') }));`);
  const numbered = series.rows.filter((r) => r.country && r.value.kind === 'number').sort((a, b) => b.value.number - a.value.number);
  assert.deepEqual(chart.map((b) => b.iso3), numbered.slice(0, chart.length).map((r) => r.country), 'largest first, numbers only');
  for (const [i, b] of chart.entries()) {
    const r = numbered[i];
    assert.ok(b.title.includes(r.value.text), `${r.name}: ${r.value.text} in ${b.title}`);
    const word = r.role === 'host' ? 'host' : r.role ? 'attended' : 'did not attend';
    assert.ok(b.title.includes(`(${word})`), `${r.name} is said to have ${word}: ${b.title}`);
    assert.equal(b.tick, !!(r.previous && r.previous.kind === 'number'), `${r.name}: a tick where USGS gives the year before`);
    if (i > 0) assert.ok(b.width <= chart[i - 1].width + 1e-9, 'bars shrink down the ranking');
  }
  const ratio = chart[1].width / chart[0].width;
  assert.ok(Math.abs(ratio - numbered[1].value.number / numbered[0].value.number) < 0.01, 'bar lengths follow the figures');
  const legend = await session.execute("return document.querySelector('#mineral-chart .chart-legend').textContent;");
  assert.match(legend, /hatched/);
  assert.match(legend, /hollow/, 'patterns are named, not colour alone');
  await saveScreenshot(session, 'analysis-cobalt-chart');
});

test("lithium's withheld host is named under the chart, not drawn as a bar", async () => {
  await session.execute("location.hash = '#/map/mineral/lithium/production';");
  await session.waitFor('the chart', "return document.querySelector('#mineral-chart .bar') && !document.querySelector('#mineral-chart .bar[data-iso3=\"USA\"]') && document.querySelector('#mineral-chart .chart-note');");
  const note = await session.execute("return document.querySelector('#mineral-chart .chart-note').textContent;");
  assert.match(note, /United States \(W \(withheld/);
});

test('the table sorts from the keyboard by change since the year before', async () => {
  await session.execute("location.hash = '#/map/mineral/cobalt/production';");
  await session.waitFor('the table', "return document.querySelector('#mineral-ranking [data-sort=\"change\"]');");
  const series = await headline('cobalt');
  await session.execute("document.querySelector('#mineral-ranking [data-sort=\"change\"]').focus();");
  await session.pressKeys(Keys.Enter);
  await session.waitFor('sorted', "return document.querySelector('#mineral-ranking th[aria-sort]')?.querySelector('[data-sort=\"change\"]');");
  const read = () => session.execute(`return { sort: document.querySelector('#mineral-ranking th[aria-sort]').getAttribute('aria-sort'),
    focused: document.activeElement.dataset.sort || null,
    order: [...document.querySelectorAll('#mineral-ranking tbody tr')].map((r) => r.dataset.iso3 || 'other') };`);
  let t = await read();
  assert.equal(t.sort, 'descending', 'a number column sorts largest first');
  assert.equal(t.focused, 'change', 'focus stays on the heading');
  const withChange = series.rows.filter((r) => r.country && typeof r.change_percent === 'number')
    .sort((a, b) => b.change_percent - a.change_percent || a.name.localeCompare(b.name)).map((r) => r.country);
  assert.deepEqual(t.order.slice(0, withChange.length), withChange, 'by change, largest rise first');
  assert.equal(t.order[t.order.length - 1], 'other', 'Other countries stays last');
  await session.pressKeys(Keys.Enter);
  t = await read();
  assert.equal(t.sort, 'ascending');
  assert.deepEqual(t.order.slice(0, withChange.length), [...withChange].reverse().sort((a, b) => {
    const ca = series.rows.find((r) => r.country === a).change_percent;
    const cb = series.rows.find((r) => r.country === b).change_percent;
    return ca - cb || series.rows.find((r) => r.country === a).name.localeCompare(series.rows.find((r) => r.country === b).name);
  }));
  // The CSV has the same year before and change as the table.
  await session.click(await session.find('[data-export-table]'));
  await session.waitFor('the saved notice', "const b = document.getElementById('notice-banner'); return !b.hidden && b.textContent.includes('CSV');");
  const [header, ...lines] = parseCsv(readFileSync(CSV, 'utf8'));
  for (const r of series.rows.filter((x) => x.country)) {
    const line = lines.find((l) => l[header.indexOf('iso3')] === r.country);
    assert.equal(line[header.indexOf('previous_usgs_value')], r.previous ? r.previous.text : '', `${r.country}: the year before as USGS wrote it`);
    const change = line[header.indexOf('change_percent')];
    if (typeof r.change_percent === 'number') assert.ok(Math.abs(Number(change) - r.change_percent) <= 0.05, `${r.country}: ${change}`);
    else assert.equal(change, '', `${r.country}: no change, not 0`);
  }
  // Back to the ranking for the other tests.
  await session.execute("document.querySelector('#mineral-ranking [data-sort=\"rank\"]').click();");
});

test('two countries compared: a panel picks the second, the tables line up, a missing row is not a zero', async () => {
  await session.execute("location.hash = '#/map';");
  await session.click(await session.find('.country-list [data-iso3="PAK"]'));
  await session.waitForSelector('[data-panel="country"][data-iso3="PAK"]');
  await session.execute("const s = document.querySelector('[data-panel=\"country\"] .compare-picker'); s.value = 'COD'; s.dispatchEvent(new Event('change'));");
  await session.waitForSelector('[data-panel="compare"] [data-compare-minerals]');
  assert.equal(await session.execute('return location.hash;'), '#/map/compare/PAK%2BCOD', 'the comparison is in the hash');
  const cmp = await session.executeAsync(`const done = arguments[arguments.length - 1];
    window.__TAURI__.core.invoke('compare_countries', { left: 'PAK', right: 'COD' }).then(done, (e) => done(String(e)));`);
  const shown = await session.execute(`const p = document.querySelector('[data-panel="compare"]');
    return { text: p.innerText, rows: [...p.querySelectorAll('[data-compare-minerals] tbody tr')].map((r) => ({ series: r.dataset.series, cells: [...r.children].map((c) => c.textContent) })) };`);
  for (const name of ['Ali Pervaiz Malik', 'Félix Tshisekedi']) assert.ok(shown.text.includes(name), name);
  for (const a of [...cmp.left.agreements, ...cmp.right.agreements]) assert.ok(shown.text.includes(a.title), a.title);
  assert.deepEqual(shown.rows.map((r) => r.series), cmp.minerals.map((t) => t.series), 'a row per table, in order');
  for (const [i, t] of cmp.minerals.entries()) {
    for (const [side, cell] of [[t.left, shown.rows[i].cells[1]], [t.right, shown.rows[i].cells[2]]]) {
      if (!side) assert.equal(cell, 'not reported separately');
      else assert.ok(cell.includes(['number', 'zero', 'range', 'bound'].includes(side.value.kind) ? side.value.text : side.value.description), `${t.series}: ${cell}`);
    }
  }
  await saveScreenshot(session, 'analysis-compare-pak-cod');
  await session.click(await session.find('[data-panel="compare"] [data-swap]'));
  await session.waitFor('swapped', "return location.hash === '#/map/compare/COD%2BPAK' && document.querySelector('[data-panel=\"compare\"] .panel-title').textContent.startsWith('Democratic');");
  await session.click(await session.find('[data-panel="compare"] [data-open-country="PAK"]'));
  await session.waitForSelector('[data-panel="country"][data-iso3="PAK"]');
  await session.pressKeys(Keys.Escape);
});

test("the participation map's table: the delegations download as CSV, one line per party", async () => {
  await session.execute("location.hash = '#/map';");
  await session.execute("document.getElementById('notice-banner').hidden = true;");
  await session.click(await session.find('#export-participants'));
  await session.waitFor('the saved notice', "const b = document.getElementById('notice-banner'); return !b.hidden && b.textContent.includes('delegations as CSV');");
  const [header, ...lines] = parseCsv(readFileSync(CSV, 'utf8'));
  const listed = await session.execute("return [...document.querySelectorAll('.country-list .country-button')].map((b) => b.dataset.iso3);");
  assert.deepEqual(lines.map((l) => l[header.indexOf('iso3')]).sort(), [...listed].sort(), 'the same parties as the list beside the map');
  const pak = lines.find((l) => l[header.indexOf('iso3')] === 'PAK');
  assert.equal(pak[header.indexOf('head_of_delegation')], 'Ali Pervaiz Malik');
  assert.equal(lines[0][header.indexOf('role')], 'host');
});
