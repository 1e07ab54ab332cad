// Real window: a schedule imported from the Import button (the native file
// dialog replaced by MINERALS_ATLAS_OPEN_PATH) and one dropped on the window
// both show on the timeline and in search; a bad drop says why and changes
// nothing; undo takes back the last import.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { APP_BINARY, startDriver, withApp } from './app.mjs';
import { hostileCases } from '../hostile/corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.resolve(root, '../shared/fixtures');
const camp = path.join(fixtures, 'frab-camp2019_schedule.json');
const kielux = path.join(fixtures, 'kielux-2020.ics');
let driver;
let session;

before(() => {
  for (const f of [camp, kielux]) assert.ok(existsSync(f), `the shared fixture ${f} is missing (CI puts ../shared beside the checkout)`);
});
withApp({ env: { MINERALS_ATLAS_OPEN_PATH: camp }, port: 4584 }, async (s, d) => {
  session = s;
  driver = d;
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

const shown = (id) => session.execute(`return getComputedStyle(document.getElementById('${id}')).display !== 'none';`);

test('import from the button, then find a session on the timeline and through search', async () => {
  assert.equal(await shown('drop-overlay'), false, 'no drop overlay until a file is dragged in');
  assert.equal(await shown('import-progress'), false, 'no progress line until an import runs');
  await session.click(await session.find('#import-button'));
  await session.waitFor('the result sheet', sheetOpen, [], 30000);
  assert.equal(await session.execute("return document.getElementById('import-sheet').dataset.result;"), 'ok');
  const counts = await session.text(await session.find('[data-import-counts]'));
  assert.match(counts, /^79 added, 0 updated, 0 unchanged, 0 removed, from frab-camp2019_schedule\.json \(schedule-json\)/);
  // Times in words and in the reader's zone, not ISO stamps in UTC.
  const span = await session.execute("return [...document.querySelectorAll('#import-sheet .hint')].map((p) => p.textContent).find((t) => t.startsWith('Sessions from')) || '';");
  assert.match(span, /^Sessions from \d{1,2} August 2019, \d\d:\d\d \S+ to \d{1,2} August 2019, \d\d:\d\d \S+\.$/, span);
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

test('Ctrl+O runs the same import; a re-import changes nothing', async () => {
  await session.click(await session.find('#import-sheet [data-sheet-close]')).catch(() => {});
  await session.execute("document.getElementById('import-sheet').open && document.getElementById('import-sheet').close(); document.body.focus();");
  await session.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'k', actions: [{ type: 'keyDown', value: '\uE009' }, { type: 'keyDown', value: 'o' }, { type: 'keyUp', value: 'o' }, { type: 'keyUp', value: '\uE009' }] }] });
  await session.cmd('DELETE', '/actions');
  await session.waitFor('the result sheet', sheetOpen, [], 30000);
  assert.match(await session.text(await session.find('[data-import-counts]')), /^0 added, 0 updated, 79 unchanged, 0 removed/);
  await session.click(await session.find('#import-sheet [data-sheet-close]'));
});

test('the File menu\'s Import… reaches the page as an event and imports', async () => {
  // Automation cannot click the native menu: MINERALS_ATLAS_MENU_CHOICE makes
  // the backend choose the item once the page is ready, through the same
  // path as a click (src-tauri/src/menu.rs: emit_to the main window).
  const menuDriver = await startDriver({ env: { MINERALS_ATLAS_OPEN_PATH: camp, MINERALS_ATLAS_MENU_CHOICE: 'import', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' }, port: 4624 });
  try {
    const menuSession = await menuDriver.open();
    await menuSession.waitFor('the result sheet', sheetOpen, [], 30000);
    assert.match(await menuSession.text(await menuSession.find('[data-import-counts]')), /^79 added/);
    await menuSession.delete();
  } finally {
    await menuDriver.stop();
  }
});

const library = () => session.executeAsync('const done = arguments[arguments.length - 1]; window.__TAURI__.core.invoke("get_library").then(done, (e) => done(e));');

test('a dropped calendar: warnings, the zone asked for, undo, and removal from Imports', async () => {
  const overlayShown = await dropFile('kielux-2020.ics', readFileSync(kielux, 'utf8'));
  assert.equal(overlayShown, true, 'the drop overlay says what will happen');
  await session.waitFor('the result sheet', sheetOpen, [], 30000);
  assert.match(await session.text(await session.find('[data-import-counts]')), /^24 added/);
  const warnings = await session.text(await session.find('[data-import-warnings]'));
  assert.match(warnings, /names no time zone; shown in UTC/);
  assert.match(warnings, /line 15 and 23 more places: METHOD inside a VEVENT/);
  assert.equal(await shown('drop-overlay'), false, 'the overlay goes once the file is dropped');
  assert.equal(await shown('import-progress'), false, 'the progress line goes once the import is done');
  // The calendar names no zone: the sheet says UTC is used and asks for the conference's.
  assert.match(await session.text(await session.find('.ask-zone')), /names no time zone, so its times are shown in UTC/);
  const zoneInput = await session.find('[data-ask-zone]');
  await session.click(zoneInput);
  await session.sendKeys(zoneInput, 'Europe/Berlin');
  await session.click(await session.find('[data-apply-zone]'));
  await session.waitFor('the sheet for the second import', "return document.getElementById('import-sheet').open && document.documentElement.dataset.importing === undefined && /^0 added, 0 updated, 24 unchanged/.test(document.querySelector('[data-import-counts]').textContent);", [], 30000);
  const key = (await library()).schedules.find((s) => s.file_name === 'kielux-2020.ics').key;
  assert.equal((await library()).schedules.find((s) => s.key === key).time_zone, 'Europe/Berlin');
  // Undo takes back the last change only: the calendar is back in UTC.
  await session.click(await session.find('#import-sheet [data-sheet-undo]'));
  await session.waitFor('the sheet to close', "return !document.getElementById('import-sheet').open;");
  assert.equal((await library()).schedules.find((s) => s.key === key).time_zone, 'UTC');
  // Imports lists it; Remove takes it out.
  await session.click(await session.find('#library-button'));
  const remove = await session.waitForSelector(`#library-sheet [data-remove="${key}"]`);
  await session.click(remove);
  await session.waitFor('the removal', `return !document.querySelector('#library-sheet [data-remove="${key}"]');`);
  assert.deepEqual((await library()).schedules.map((s) => s.key), ['camp2019']);
  await session.click(await session.find('#library-sheet [data-sheet-close]'));
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

/** Drops bytes on the window as a file (base64 through WebDriver, bytes in the page). */
function dropBytes(name, bytes) {
  return session.execute(`
    const bytes = Uint8Array.from(atob(arguments[1]), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], arguments[0]));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));`, [name, bytes.toString('base64')]);
}

test('hostile files dropped on the window give the reason the command line gives, and change nothing', async () => {
  const wanted = ['first-line-cyrillic-then-ical.ics', 'first-line-emoji-then-xml.xml', 'utf16le-xml.xml', 'frab-day-year-2201.xml', 'json-day-year-10000.json', 'ical-year-262142.ics'];
  const cases = hostileCases().filter((c) => wanted.includes(c.name));
  assert.equal(cases.length, wanted.length);
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-hostile-drop-'));
  const libraryBefore = readFileSync(path.join(driver.dataDir, 'library.json'), 'utf8');
  for (const c of cases) {
    const file = path.join(dir, c.name);
    writeFileSync(file, c.bytes);
    const cli = spawnSync(APP_BINARY, ['import', '--check', file], { encoding: 'utf8', env: { ...process.env, MINERALS_ATLAS_DATA_DIR: dir } });
    assert.equal(cli.status, 1, `${c.name}: the command line refuses it`);
    const reason = cli.stderr.trim().slice(`minerals-atlas import: ${file}: `.length);
    assert.ok(reason.length > 10, `${c.name}: a reason (${cli.stderr})`);
    await session.execute("const s = document.getElementById('import-sheet'); if (s.open) s.close();");
    await dropBytes(c.name, c.bytes);
    await session.waitFor(`the result of ${c.name}`, sheetOpen, [], 30000);
    assert.equal(await session.execute("return document.getElementById('import-sheet').dataset.result;"), 'error', c.name);
    const shown = await session.text(await session.find('[data-import-error]'));
    assert.ok(shown.includes(reason), `${c.name}: the window says "${shown}", the command line "${reason}"`);
  }
  await session.execute("const s = document.getElementById('import-sheet'); if (s.open) s.close();");
  assert.equal(readFileSync(path.join(driver.dataDir, 'library.json'), 'utf8'), libraryBefore, 'the library is unchanged');
  // No crash report: a refused file is not a crash.
  assert.ok(!readdirSync(driver.dataDir).some((f) => f.startsWith('crash-report-')), 'no crash report');
});

/** A valid frab XML schedule of `n` sessions over five days (made here, not stored). */
function bigSchedule(n) {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<schedule><conference><title>Big Forum</title><acronym>bigforum</acronym><time_zone_name>Asia/Karachi</time_zone_name></conference>'];
  for (let d = 0; d < 5; d += 1) {
    const date = `2026-09-0${d + 1}`;
    parts.push(`<day index="${d + 1}" date="${date}"><room name="Hall">`);
    for (let i = d; i < n; i += 5) {
      const minutes = 9 * 60 + (i % 40) * 15;
      const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
      const mm = String(minutes % 60).padStart(2, '0');
      parts.push(`<event id="${i}" guid="big-${i}"><date>${date}T${hh}:${mm}:00+05:00</date><start>${hh}:${mm}</start><duration>00:20</duration><title>Big session ${i}</title></event>`);
    }
    parts.push('</room></day>');
  }
  parts.push('</schedule>');
  return parts.join('\n');
}

test('20,000 dropped sessions: the timeline shows bins, and a bin opens into sessions', async () => {
  await dropFile('big.xml', bigSchedule(20000));
  await session.waitFor('the result sheet', sheetOpen, [], 60000);
  assert.match(await session.text(await session.find('[data-import-counts]')), /^20000 added/);
  await session.click(await session.find('#import-sheet [data-sheet-show]'));
  await session.waitFor('the bins', "const c = document.querySelector('#timeline .tl-canvas'); return c && !c.dataset.zooming && Number(c.dataset.density) >= 20000;", [], 30000);
  const drawn = await session.execute("return [document.querySelectorAll('#timeline .tl-item').length, document.querySelectorAll('#timeline .tl-bin').length];");
  assert.equal(drawn[0], 0, 'no item buttons while 20,000 are in view');
  assert.ok(drawn[1] > 5 && drawn[1] < 200, `a bounded number of bins: ${drawn[1]}`);
  for (let step = 0; step < 6 && await session.execute("return !!document.querySelector('#timeline .tl-bin');"); step += 1) {
    await session.click(await session.find('#timeline .tl-bin'));
    await session.waitFor('the zoom', "return !document.querySelector('#timeline .tl-canvas').dataset.zooming;", [], 20000);
  }
  // One whose middle is on screen (items at the edges are cut by the frame).
  await session.waitFor('a session fully in view', `
    const frame = document.querySelector('#timeline .tl-canvas').getBoundingClientRect();
    const el = [...document.querySelectorAll('#timeline .tl-item[data-session-id^="imp-bigforum--big-"]:not([hidden])')].find((e) => {
      const r = e.getBoundingClientRect();
      if (!(r.left >= frame.left && r.left + 10 <= frame.right && r.top >= frame.top && r.bottom <= Math.min(frame.bottom, innerHeight))) return false;
      const hit = document.elementFromPoint(r.left + Math.min(5, r.width / 2), r.top + r.height / 2);
      return hit === e || e.contains(hit);
    });
    if (el) el.dataset.testTarget = 'true';
    return !!el;`);
  // By keyboard, as the timeline offers: focus the session, press Enter.
  await session.execute("document.querySelector('#timeline [data-test-target]').focus();");
  await session.pressKeys('\uE007');
  await session.waitForSelector('[data-panel="session"][data-session-id^="imp-bigforum--big-"]');
});
