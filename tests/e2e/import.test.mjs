// Real window: a schedule imported from the Import button (the native file
// dialog replaced by MINERALS_ATLAS_OPEN_PATH) and one dropped on the window
// both show on the timeline and in search; a bad drop says why and changes
// nothing; undo takes back the last import.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDriver } from './app.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.resolve(root, '../shared/fixtures');
const camp = path.join(fixtures, 'frab-camp2019_schedule.json');
const kielux = path.join(fixtures, 'kielux-2020.ics');
let driver;
let session;

before(async () => {
  for (const f of [camp, kielux]) assert.ok(existsSync(f), `the shared fixture ${f} is missing (CI puts ../shared beside the checkout)`);
  driver = await startDriver({ env: { MINERALS_ATLAS_OPEN_PATH: camp }, port: 4584 });
  session = await driver.open();
});

after(async () => {
  if (session) await session.delete().catch(() => {});
  if (driver) await driver.stop();
});

const sheetOpen = "return document.getElementById('import-sheet').open && document.documentElement.dataset.importing === undefined;";

/** Drops a file on the window as a person would: a DataTransfer holding a File. */
function dropFile(name, text) {
  return session.execute(`
    const dt = new DataTransfer();
    dt.items.add(new File([arguments[1]], arguments[0]));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    const overlay = !document.getElementById('drop-overlay').hidden;
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    return overlay;`, [name, text]);
}

test('import from the button, then find a session on the timeline and through search', async () => {
  await session.click(await session.find('#import-button'));
  await session.waitFor('the result sheet', sheetOpen, [], 30000);
  assert.equal(await session.execute("return document.getElementById('import-sheet').dataset.result;"), 'ok');
  const counts = await session.text(await session.find('[data-import-counts]'));
  assert.match(counts, /^79 added, 0 updated, 0 unchanged, 0 removed, from frab-camp2019_schedule\.json \(schedule-json\)/);
  // Show on timeline: the imported conference's sessions are drawn and can be opened.
  await session.click(await session.find('#import-sheet [data-sheet-show]'));
  const opening = await session.waitForSelector('#timeline [data-session-id^="imp-camp2019--"][title^="Opening Ceremony"]');
  await session.waitFor('the zoom to end', "return !document.querySelector('#timeline .tl-canvas').dataset.zooming;");
  await session.click(opening);
  await session.waitForSelector('[data-panel="session"]');
  const panel = await session.text(await session.find('[data-panel="session"]'));
  assert.match(panel, /Opening Ceremony/);
  assert.match(panel, /11:00/, 'shown in the conference zone, Europe/Berlin');
  assert.match(panel, /jinxx/);
  // A preset button for the imported conference sits beside the built-in ones.
  assert.ok(await session.execute("return !!document.querySelector('[data-timeline-zoom=\"event:imp-camp2019\"]');"));
  // Search finds an imported talk and opens it.
  const search = await session.find('[data-search]');
  await session.click(search);
  await session.sendKeys(search, 'card10');
  await session.waitForSelector('#search-results [role="option"]');
  await session.pressKeys('\uE007');
  await session.waitFor('the card10 panel', "const p = document.querySelector('[data-panel=\"session\"]'); return p && p.dataset.sessionId === 'imp-camp2019--c9edea6f-1da1-4772-a0a9-6dd4e33f11bb';");
});

test('a dropped calendar imports with its warnings; undo takes it back', async () => {
  const overlayShown = await dropFile('kielux-2020.ics', readFileSync(kielux, 'utf8'));
  assert.equal(overlayShown, true, 'the drop overlay says what will happen');
  await session.waitFor('the result sheet', sheetOpen, [], 30000);
  const counts = await session.text(await session.find('[data-import-counts]'));
  assert.match(counts, /^24 added/);
  const warnings = await session.text(await session.find('[data-import-warnings]'));
  assert.match(warnings, /names no time zone; shown in UTC/);
  assert.match(warnings, /line 15 and 23 more places: METHOD inside a VEVENT/);
  assert.equal(await session.execute("return document.getElementById('drop-overlay').hidden;"), true);
  await session.click(await session.find('#import-sheet [data-sheet-undo]'));
  await session.waitFor('the sheet to close', "return !document.getElementById('import-sheet').open;");
  const library = await session.executeAsync('const done = arguments[arguments.length - 1]; window.__TAURI__.core.invoke("get_library").then(done, (e) => done(e));');
  assert.deepEqual(library.schedules.map((s) => s.key), ['camp2019']);
});

test('a bad drop says why and changes nothing', async () => {
  const before = await session.executeAsync('const done = arguments[arguments.length - 1]; window.__TAURI__.core.invoke("get_library").then(done, (e) => done(e));');
  await dropFile('broken.xml', '<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY a "b">]>\n<schedule>&a;</schedule>');
  await session.waitFor('the result sheet', sheetOpen, [], 30000);
  assert.equal(await session.execute("return document.getElementById('import-sheet').dataset.result;"), 'error');
  const message = await session.text(await session.find('[data-import-error]'));
  assert.match(message, /line 2: the XML declares a DTD or entities, which are refused/);
  await session.click(await session.find('#import-sheet [data-sheet-close]'));
  const after = await session.executeAsync('const done = arguments[arguments.length - 1]; window.__TAURI__.core.invoke("get_library").then(done, (e) => done(e));');
  assert.deepEqual(after.schedules, before.schedules);
  assert.ok(readFileSync(path.join(driver.dataDir, 'library.json'), 'utf8').includes('camp2019'));
});
