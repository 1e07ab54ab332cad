// axe-core on every view, in light and dark: no "serious" or "critical"
// violation (contrast included). And the page used nothing from outside.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNothingExternal, saveScreenshot, saveWindowScreenshot, startDriver } from './app.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const AXE = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const KIELUX = path.resolve(root, '../shared/fixtures/kielux-2020.ics');

const VIEWS = [
  ['map', '#/map', '#map svg.world-map'],
  ['country-panel', '#/map/country/PAK', '[data-panel="country"][data-iso3="PAK"]'],
  ['mineral', '#/map/mineral/cobalt/production', 'svg.world-map[data-mode="mineral"]'],
  ['timeline', '#/timeline', '#day-list .day-item'],
  ['timeline-axis', '#/timeline/axis', '.tl-item'],
  ['session-panel', '#/timeline/session/cmm-0204-opening', '[data-panel="session"]'],
  ['agenda', '#/agenda', '.agenda-item'],
];

async function axe(session) {
  await session.execute(`${AXE}\nreturn typeof window.axe;`);
  return session.executeAsync(`
    const done = arguments[arguments.length - 1];
    axe.run(document, { resultTypes: ['violations'] }).then((r) => done(r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) }))));`);
}

const drivers = [];
after(async () => {
  for (const d of drivers) await d.stop();
});

async function settle(session) {
  await session.executeAsync('const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));');
}

async function showView(session, hash, ready) {
  await session.execute(`location.hash = '${hash}';`);
  await session.waitForSelector(ready);
  // Settled: two frames painted after the view's element appeared.
  await settle(session);
}

async function showSearch(session) {
  await session.execute("const i = document.querySelector('input[data-search]'); i.focus(); i.value = 'cobalt'; i.dispatchEvent(new Event('input'));");
  await session.waitForSelector('[data-search-result]');
}

async function starSomething(session) {
  // Something to show in My agenda.
  await session.executeAsync("const done = arguments[arguments.length - 1]; window.__TAURI__.core.invoke('set_star', { kind: 'session', id: 'cmm-0204-opening', starred: true }).then(() => done(true), (e) => done(String(e)));");
}

const THEMES = [['light', {}, 4504], ['dark', { GTK_THEME: 'Adwaita:dark' }, 4514]];

for (const [theme, env, port] of THEMES) {
  test(`every view passes axe-core in the ${theme} theme, offline`, async () => {
    const driver = await startDriver({ env, port });
    drivers.push(driver);
    const session = await driver.open();
    await starSomething(session);
    const show = (hash, ready) => showView(session, hash, ready);
    // The import result sheet (a dropped calendar: warnings and the zone
    // question), then the Imports sheet.
    const showImportSheet = async () => {
      await session.execute(`
        const dt = new DataTransfer();
        dt.items.add(new File([arguments[0]], 'kielux-2020.ics'));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));`, [readFileSync(KIELUX, 'utf8')]);
      await session.waitFor('the result sheet', "return document.getElementById('import-sheet').open && document.documentElement.dataset.importing === undefined;", [], 30000);
    };
    const showLibrarySheet = async () => {
      await session.execute("document.getElementById('import-sheet').close(); document.getElementById('library-button').click();");
      await session.waitForSelector('#library-sheet[open] [data-library-list]');
    };
    const closeSheets = () => session.execute("for (const d of document.querySelectorAll('dialog[open]')) d.close();");
    // Screenshots first: once axe has run in the page, WebKitWebDriver's screenshots can hang.
    for (const [name, hash, ready] of VIEWS) {
      await show(hash, ready);
      await saveScreenshot(session, `view-${name}-${theme}-1280x800`);
    }
    await showSearch(session);
    await saveScreenshot(session, `view-search-${theme}-1280x800`);
    await showImportSheet();
    await saveScreenshot(session, `view-import-result-${theme}-1280x800`);
    await showLibrarySheet();
    await saveScreenshot(session, `view-imports-${theme}-1280x800`);
    await closeSheets();
    const failures = [];
    for (const [name, hash, ready] of VIEWS) {
      await show(hash, ready);
      const violations = await axe(session);
      if (violations.length) failures.push({ view: name, violations });
    }
    await showSearch(session);
    const searchViolations = await axe(session);
    if (searchViolations.length) failures.push({ view: 'search', violations: searchViolations });
    await showImportSheet();
    const importViolations = await axe(session);
    if (importViolations.length) failures.push({ view: 'import result', violations: importViolations });
    await showLibrarySheet();
    const libraryViolations = await axe(session);
    if (libraryViolations.length) failures.push({ view: 'imports', violations: libraryViolations });
    await closeSheets();
    assert.deepEqual(failures, [], JSON.stringify(failures, null, 1));
    await assertNothingExternal(session, assert);
    await session.delete();
  });
}

// The smallest window the app allows: the list is a drawer, a panel lies over
// the map. Screenshots come from the X server (WebKit's snapshot stalls while
// the drawer is closed); axe-core checks the narrow layout too.
for (const [theme, env, port] of THEMES) {
  test(`every view at 900x600, in the ${theme} theme: screenshots kept, axe-core clean`, async () => {
    const driver = await startDriver({ env: { ...env, MINERALS_ATLAS_WINDOW_SIZE: '900x600' }, port: port + 2 });
    drivers.push(driver);
    const session = await driver.open();
    await starSomething(session);
    const size = await session.execute('return [innerWidth, innerHeight];');
    assert.ok(size[0] <= 900 && size[1] <= 600, `the window is the narrow one: ${size}`);
    for (const [name, hash, ready] of VIEWS) {
      await showView(session, hash, ready);
      await saveWindowScreenshot(session, `view-${name}-${theme}-900x600`);
    }
    await showSearch(session);
    await saveWindowScreenshot(session, `view-search-${theme}-900x600`);
    await session.execute("const i = document.querySelector('input[data-search]'); i.value = ''; i.dispatchEvent(new Event('input')); i.blur();");
    await session.click(await session.find('#nav-toggle'));
    await session.waitFor('the drawer', "return document.querySelector('.country-nav').getBoundingClientRect().width > 100;");
    await settle(session);
    await saveWindowScreenshot(session, `view-drawer-${theme}-900x600`);
    await session.execute("document.getElementById('nav-toggle').click();");
    const failures = [];
    for (const [name, hash, ready] of VIEWS) {
      await showView(session, hash, ready);
      const violations = await axe(session);
      if (violations.length) failures.push({ view: name, violations });
    }
    assert.deepEqual(failures, [], JSON.stringify(failures, null, 1));
    await session.delete();
  });
}
