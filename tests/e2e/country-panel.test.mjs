// Real window: click Pakistan; the panel names its head of delegation and
// shows a source link; Esc closes it; a hash opens a country directly.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Keys } from './webdriver.mjs';
import { saveScreenshot, SCREENSHOT_DIR, withApp } from './app.mjs';

let driver;
let session;

withApp({}, async (s, d) => {
  session = s;
  driver = d;
});
after(() => console.log(`screenshots: ${SCREENSHOT_DIR}`));

test('clicking Pakistan opens its panel with the head of delegation and a source link', async () => {
  const pakistan = await session.find('.country-list [data-iso3="PAK"]');
  await session.click(pakistan);
  const panel = await session.waitForSelector('[data-panel="country"][data-iso3="PAK"]');
  await session.waitFor('the delegation text', "return document.querySelector('[data-panel=\"country\"]').innerText.includes('Ali Pervaiz Malik');");
  const text = await session.text(panel);
  assert.match(text, /Ali Pervaiz Malik/);
  assert.match(text, /Federal Minister for Energy/);
  const links = await session.execute(
    "return [...document.querySelectorAll('[data-panel=\"country\"] a.source-link')].map(a => a.getAttribute('href'));",
  );
  assert.ok(links.length > 0, 'at least one source link');
  assert.ok(links.every((href) => href.startsWith('https://')), `links: ${links}`);
  assert.equal(await session.execute('return location.hash;'), '#/map/country/PAK');
  await session.waitFor('the flag, bundled', "const f = document.querySelector('[data-panel=\"country\"] img.flag'); return f && f.complete && f.naturalWidth > 0;");
  await saveScreenshot(session, 'country-panel-pakistan');
});

test('each source is listed once and numbered; facts cite it by number, and a number brings it into view', async () => {
  const panel = await session.execute(`const p = document.querySelector('[data-panel="country"][data-iso3="PAK"]');
    const listed = [...p.querySelectorAll('.source-index > li')].map((li) => ({ n: li.dataset.sourceNumber, id: (li.querySelector('[data-source-id]') || {}).dataset?.sourceId }));
    const refs = [...p.querySelectorAll('.source-ref')].map((b) => ({ text: b.textContent, cites: b.dataset.cites }));
    return { listed, refs, linksOutsideList: p.querySelectorAll('.source-link:not(.source-index .source-link)').length };`);
  const ids = panel.listed.map((l) => l.id);
  assert.ok(ids.length > 3, `Pakistan has several sources: ${ids}`);
  assert.equal(new Set(ids).size, ids.length, 'no source is listed twice');
  assert.deepEqual(panel.listed.map((l) => l.n), ids.map((_, i) => String(i + 1)), 'numbered 1, 2, 3, …');
  assert.ok(panel.refs.length >= 3, 'the facts cite their sources');
  assert.equal(panel.linksOutsideList, 0, 'no fact repeats a source in full');
  for (const r of panel.refs) {
    const entry = panel.listed.find((l) => l.id === r.cites);
    assert.ok(entry, `[${r.text}] cites ${r.cites}, which is in the list`);
    assert.equal(r.text, `[${entry.n}]`, `the citation of ${r.cites} carries its number`);
  }
  const cited = panel.refs[panel.refs.length - 1];
  await session.click(await session.find(`[data-panel="country"] .source-ref[data-cites="${cited.cites}"]`));
  const focused = await session.execute("const a = document.activeElement; return a.dataset.sourceNumber || null;");
  assert.equal(`[${focused}]`, cited.text, 'the cited entry has focus');
});

test('Esc closes the panel', async () => {
  const panel = await session.find('[data-panel="country"]');
  await session.sendKeys(panel, Keys.Escape);
  await session.waitFor('the panel to close', "return !document.querySelector('[data-panel=\"country\"]');");
});

test('after the panel is scrolled, its close button is still on top and closes it', async () => {
  await session.execute("location.hash = '#/map/country/AUS';");
  await session.waitForSelector('[data-panel="country"][data-iso3="AUS"] .row-share');
  const onTop = await session.execute(`
    const panel = document.getElementById('panel');
    panel.scrollTop = panel.scrollHeight;
    const close = panel.querySelector('.panel-header .close');
    const r = close.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { scrolled: panel.scrollTop > 0, hit: hit === close || close.contains(hit), what: hit ? hit.className : null };`);
  assert.ok(onTop.scrolled, 'the panel scrolled');
  assert.ok(onTop.hit, `the close button is what a click there reaches, not ${onTop.what}`);
  await session.click(await session.find('.panel-header .close'));
  await session.waitFor('the panel to close', "return !document.querySelector('[data-panel=\"country\"]');");
});

test('a country without USGS rows says so instead of showing zeros', async () => {
  await session.execute("location.hash = '#/country/COK';");
  const panel = await session.waitForSelector('[data-panel="country"][data-iso3="COK"]');
  const text = await session.text(panel);
  assert.match(text, /Not reported separately by USGS/);
  assert.doesNotMatch(text, /\b0(\.0+)?%/);
});

test('an unknown country in the hash shows a clear error and no panel', async () => {
  await session.execute("location.hash = '#/country/XYZ';");
  await session.waitFor('the error banner', "const b = document.getElementById('error-banner'); return !b.hidden && b.textContent.includes('XYZ');");
  assert.equal(await session.execute("return document.querySelector('[data-panel]') === null;"), true);
});
