// The data channel in a real window (issue 15), against a loopback HTTPS
// mirror (tests/channel/server.mjs) with a test CA and a throwaway key that
// only the test build trusts (examples/channel_test_app.rs; the shipped
// binary has no such setting). Check, read the change summary, apply, see
// the new fact with its status and source, undo; then every failure, each a
// sentence with the library unchanged; then packs from a file, signed and not.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { saveScreenshot, saveWindowScreenshot, startDriver } from './app.mjs';
import { makeCertificates, startChannelServer } from '../channel/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TEST_APP = process.env.MINERALS_ATLAS_CHANNEL_TEST_BINARY || path.join(root, 'target/release/examples/channel_test_app');
const DATAGEN = path.join(root, 'target/release/atlas-datagen');
const work = mkdtempSync(path.join(tmpdir(), 'atlas-channel-e2e-'));
const ENTRY_ID = 'tl-20261120-pmif-2026-outcomes-channel-test';
const usbPack = path.join(work, 'usb', 'pmif-outcomes.json');
const RENAMED = 'Pakistan (channel test)';
/** Pakistan's name in the delegations list and on the map, as shown now. */
const pakistanShown = () => session.execute("return [document.querySelector('.country-list [data-iso3=\"PAK\"] .name').textContent, document.querySelector('.world-map path[data-iso3=\"PAK\"]').dataset.name];");

let server;
let driver;
let session;
let trusted;
let other;
let channelEnv;

function datagen(...args) {
  if (!existsSync(DATAGEN)) throw new Error(`${DATAGEN} is missing: cargo build --release -p atlas-datagen (the test command's cargo test builds it)`);
  return execFileSync(DATAGEN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function keypair(name) {
  const dir = path.join(work, name);
  datagen('keygen', '--out', dir);
  return { pub: path.join(dir, 'channel.pub'), key: path.join(dir, 'channel.key') };
}

/**
 * A pack that adds one timeline entry (a new fact, with its own press source)
 * to the built-in data; with `mineral`, it also carries that mineral's USGS
 * tables, unchanged, so they are the pack's, adds a mineral of its own
 * ("testium", with copies of those tables) and renames Pakistan.
 */
function packFile(version, title = 'PMIF 2026 outcomes published (channel test)', mineral = null) {
  const data = JSON.parse(readFileSync(path.join(root, 'data/generated/atlas-dataset.json'), 'utf8'));
  const model = data.timeline.find((t) => t.country === 'PAK') || data.timeline[0];
  const entry = { ...model, id: ENTRY_ID, title, status: 'reported', status_note: null, sessions: [], sources: ['src-channel-test'] };
  const pack = {
    ...data,
    dataset_version: `2026.12.${version}-channel-test`,
    sources: [{ id: 'src-channel-test', url: 'https://example.org/pmif-2026-outcomes', publisher: 'Channel Test Press', title: 'PMIF 2026 outcomes', kind: 'press' }],
    people: [], events: [], participations: [], agreements: [], sessions: [], timeline: [entry],
    series: mineral ? data.series.filter((s) => s.mineral === mineral).flatMap((s) => [s, { ...s, id: s.id.replace(mineral, 'testium'), mineral: 'testium' }]) : [],
    minerals: mineral ? [{ ...data.minerals.find((m) => m.id === mineral), id: 'testium', name: 'Testium (channel test)' }] : [],
    countries: mineral ? [{ ...data.countries.find((c) => c.iso3 === 'PAK'), name: RENAMED }] : [],
  };
  const file = path.join(work, `source-pack-${version}.json`);
  writeFileSync(file, JSON.stringify(pack, null, 1));
  return file;
}

/** Publishes pack `version` into a fresh folder with the project's own command; returns the folder. */
function publish(version, keys = trusted) {
  const out = path.join(work, `published-${version}-${Math.random().toString(36).slice(2, 8)}`);
  datagen('pack', packFile(version), '--key', keys.key, '--version', String(version), '--summary', `PMIF 2026 outcomes (pack ${version})`, '--date', '2026-12-05', '--out', out);
  return out;
}

before(async () => {
  for (const f of [TEST_APP]) assert.ok(existsSync(f), `${f} is missing: cargo build --release --example channel_test_app --features custom-protocol`);
  trusted = keypair('trusted');
  other = keypair('other');
  const certs = makeCertificates(path.join(work, 'certs'));
  server = await startChannelServer({ dir: publish(2), certs });
  mkdirSync(path.dirname(usbPack), { recursive: true });
  channelEnv = {
      MINERALS_ATLAS_TEST_MIRRORS: `https://mirror.invalid/ ${server.url}`,
      MINERALS_ATLAS_TEST_KEY: trusted.pub,
      MINERALS_ATLAS_TEST_CA: certs.caFile,
      MINERALS_ATLAS_TEST_TIMEOUT: '2',
      MINERALS_ATLAS_OPEN_PATH: usbPack,
  };
  driver = await startDriver({ binary: TEST_APP, port: 4750, env: channelEnv });
  session = await driver.open();
});

after(async () => {
  if (session) await session.delete().catch(() => {});
  if (driver) await driver.stop();
  if (server) await server.close();
  rmSync(work, { recursive: true, force: true });
});

const library = () => session.executeAsync('const done = arguments[arguments.length - 1]; window.__TAURI__.core.invoke("get_library").then((l) => done(JSON.stringify({ schedules: l.schedules, pack: l.pack })), (e) => done(String(e)));');
const datasetVersion = () => session.executeAsync('const done = arguments[arguments.length - 1]; window.__TAURI__.core.invoke("dataset_info").then((d) => done(d.dataset_version), (e) => done(String(e)));');

async function openImports() {
  await session.execute("document.getElementById('import-sheet').open && document.getElementById('import-sheet').close();");
  const open = await session.execute("return document.getElementById('library-sheet').open;");
  if (!open) {
    await session.click(await session.find('#library-button'));
    await session.waitFor('the Imports sheet', "return document.getElementById('library-sheet').open;");
  }
}

/** Clicks "Check for data updates" and waits for its answer; returns { text, result }. */
async function check() {
  await openImports();
  await session.execute("const s = document.querySelector('[data-update-status]'); s.textContent = ''; delete s.dataset.result;");
  await session.click(await session.find('[data-check-updates]'));
  await session.waitFor('the check to answer', "const s = document.querySelector('[data-update-status]'); return !!s.dataset.result && !document.querySelector('[data-check-updates]').disabled;", [], 20000);
  return session.execute("const s = document.querySelector('[data-update-status]'); return { text: s.textContent, result: s.dataset.result, role: s.getAttribute('role'), bytes: s.dataset.bodyBytes };");
}

async function apply() {
  await session.click(await session.find('[data-apply-update]'));
  await session.waitFor('the apply to end', "const b = document.querySelector('[data-apply-update]'); return (!b || !b.disabled) && (document.getElementById('import-sheet').open || document.querySelector('[data-update-status]').dataset.result === 'error');", [], 20000);
}

async function entryPanel() {
  await session.execute(`document.getElementById('import-sheet').open && document.getElementById('import-sheet').close();
    document.getElementById('library-sheet').open && document.getElementById('library-sheet').close();
    location.hash = '#/timeline/axis/entry/${ENTRY_ID}';`);
  await session.waitFor('the entry panel', "const p = document.querySelector('[data-panel=\"timeline\"]'); return !!p && document.getElementById('panel').dataset.timelineId === arguments[0] && p.querySelectorAll('a.source-link').length > 0;", [ENTRY_ID], 10000);
  return session.execute("const p = document.querySelector('[data-panel=\"timeline\"]'); return { text: p.textContent, links: [...p.querySelectorAll('a.source-link')].map((a) => a.getAttribute('href')), status: [...p.querySelectorAll('.status')].map((s) => s.textContent), unverified: p.querySelectorAll('.unverified-mark').length };");
}

/** Searches for the pack's entry as a person types it; whether its result says "Unverified". */
async function searchResultMarked() {
  await session.execute("location.hash = '#/map'; const s = document.getElementById('search'); s.value = ''; s.focus();");
  await session.sendKeys(await session.find('#search'), 'outcomes published channel');
  await session.waitForSelector(`#search-results [data-search-result="timeline"][data-id="${ENTRY_ID}"]`);
  const marked = await session.execute("return !!document.querySelector('#search-results [data-id=\"' + arguments[0] + '\"] .unverified-mark');", [ENTRY_ID]);
  if (marked) await saveWindowScreenshot(session, 'channel-unverified-search');
  await session.execute("const s = document.getElementById('search'); s.value = ''; s.dispatchEvent(new Event('input')); s.blur();");
  return marked;
}

/** Whether the app still has the pack's entry (asked of the backend, as the panel would). */
const entryExists = () => session.executeAsync('const done = arguments[arguments.length - 1]; window.__TAURI__.core.invoke("get_timeline_entry", { id: arguments[0] }).then(() => done(true), (e) => done(e && e.code === "not_found" ? false : String(e && e.message)));', [ENTRY_ID]);

test('check, read what changed, apply, see the new fact with its status and source, undo', async () => {
  const before = await library();
  const found = await check();
  assert.equal(found.result, 'ok', found.text);
  assert.match(found.text, /Data pack 2 of 2026-12-05 is available \(\d+ KB\): PMIF 2026 outcomes \(pack 2\)/);
  assert.match(found.text, /passed over: mirror\.invalid: the name could not be found \(DNS\)/, 'the first mirror failed and the second answered');
  assert.equal(await library(), before, 'a check changes nothing');
  await saveScreenshot(session, 'channel-offer');
  await apply();
  const sheet = await session.execute("return { counts: document.querySelector('[data-import-counts]').textContent, verified: document.querySelector('[data-pack-verified]').textContent, changes: [...document.querySelectorAll('[data-pack-changes] li')].map((l) => l.textContent) };");
  assert.match(sheet.verified, /^Verified: data pack 2 of 2026-12-05, signed by a key this app trusts, from the update channel at 127\.0\.0\.1:\d+\.$/);
  assert.deepEqual(sheet.changes, ['1 timeline entry added', '1 source added']);
  await saveScreenshot(session, 'channel-applied');
  const panel = await entryPanel();
  assert.match(panel.text, /PMIF 2026 outcomes published \(channel test\)/);
  assert.ok(panel.status.includes('Reported'), `the status shows: ${panel.status}`);
  assert.ok(panel.links.includes('https://example.org/pmif-2026-outcomes'), `the source shows: ${panel.links}`);
  assert.equal(panel.unverified, 0, 'a verified pack is not marked unverified');
  // Undo: the fact is gone and the library is as before.
  await openImports();
  await session.click(await session.find('[data-library-undo]'));
  await session.waitFor('undo', "return document.querySelector('[data-library-undo]').hidden;");
  assert.equal(await library(), before);
  assert.equal(await entryExists(), false, 'undo took the fact away');
  // Pack 2 again, after it was undone: not older than the newest applied, so offered again.
  const again = await check();
  assert.match(again.text, /^Data pack 2 of 2026-12-05 is available/);
  assert.equal(await library(), before);
});

test('every failure is a sentence and changes nothing', async () => {
  // Pack 3 installed: the state every failure must leave as it is.
  server.dir = publish(3);
  const found = await check();
  assert.match(found.text, /Data pack 3 .* is available/);
  await apply();
  const installed = await library();
  const version = await datasetVersion();
  assert.match(installed, /"pack_version":3/);

  const expectFailure = async (label, pattern) => {
    const said = await check();
    assert.equal(said.result, 'error', `${label}: ${said.text}`);
    assert.equal(said.role, 'alert', `${label}: read out as an alert`);
    assert.match(said.text, pattern, label);
    assert.match(said.text, /Nothing was changed\.$/, label);
    assert.equal(await library(), installed, `${label}: the library is unchanged`);
    assert.equal(await datasetVersion(), version, `${label}: the data shown is unchanged`);
  };
  const modes = [
    ['no-answer', /127\.0\.0\.1:\d+: no answer within 2 s \(timed out\)/],
    ['redirect-http', /redirected to http:\/\/127\.0\.0\.1:\d+\/index\.json, which is not HTTPS; refused/],
    ['truncate', /the index download was cut short/],
    ['oversize', /the index is larger than 16384 bytes; refused/],
    ['rogue-cert', /the secure connection failed/],
    ['status-500', /the server answered 500 for the index/],
  ];
  for (const [mode, pattern] of modes) {
    server.mode = mode;
    await expectFailure(mode, pattern);
  }
  server.mode = 'normal';
  await saveScreenshot(session, 'channel-failure');

  // A replayed older pack, and the same version again: nothing to offer.
  server.dir = publish(1);
  let said = await check();
  assert.equal(said.result, 'ok');
  assert.equal(said.text.split(' (passed over')[0], 'No newer data: the channel offers pack 1, and this app takes only packs newer than 3.');
  assert.equal(await library(), installed);
  // The installed pack offered again: the same.
  server.dir = publish(3);
  said = await check();
  assert.equal(said.text.split(' (passed over')[0], 'No newer data: the channel offers pack 3, and this app takes only packs newer than 3.');
  // An index signed by a key the app does not trust; a malformed index that is properly signed.
  // (A version not seen before: the same index bytes would be answered 304 and kept as verified.)
  server.dir = publish(5, other);
  await expectFailure('unknown key', /the index is signed with a key this app does not trust/);
  // An index altered after signing, and a signature file that is not one.
  // (A malformed index that is properly signed is refused in crates/atlas-channel/tests/fetch.rs.)
  const altered3 = publish(3);
  writeFileSync(path.join(altered3, 'index.json'), '{"format":"minerals-atlas-pack-index","pack_version":"three"}');
  server.dir = altered3;
  await expectFailure('altered index', /the index's signature does not verify: the file was altered or damaged/);
  writeFileSync(path.join(altered3, 'index.json.minisig'), 'not a signature at all');
  await expectFailure('malformed signature', /the signature file is not a minisign signature/);

  // A good index whose pack was altered, or signed by another key: offered, then refused at apply.
  const altered = publish(4);
  server.dir = altered;
  said = await check();
  assert.match(said.text, /Data pack 4 .* is available/);
  const packPath = path.join(altered, 'pack-4.json');
  const bytes = readFileSync(packPath);
  bytes[100] ^= 1;
  writeFileSync(packPath, bytes);
  await apply();
  said = await session.execute("const s = document.querySelector('[data-update-status]'); return { text: s.textContent, result: s.dataset.result };");
  assert.equal(said.result, 'error');
  assert.match(said.text, /SHA-256 is not the index's/);
  assert.equal(await library(), installed);
  bytes[100] ^= 1;
  writeFileSync(packPath, bytes);
  const otherSigned = publish(4, other);
  copyFileSync(path.join(otherSigned, 'pack-4.json.minisig'), path.join(altered, 'pack-4.json.minisig'));
  await check();
  await apply();
  said = await session.execute("const s = document.querySelector('[data-update-status]'); return { text: s.textContent, result: s.dataset.result };");
  assert.match(said.text, /the pack is signed with a key this app does not trust/);
  assert.equal(await library(), installed);

  // Offline: the mirror is gone (and the first one has no DNS).
  await server.close();
  await expectFailure('offline', /mirror\.invalid: the name could not be found \(DNS\).*127\.0\.0\.1:\d+: could not connect; the computer may be offline or the mirror down/);
});

test('a pack from a file: signed with its .minisig it is verified, unsigned it is marked, badly signed it is refused', async () => {
  const importFile = async () => {
    await session.execute("document.getElementById('import-sheet').open && document.getElementById('import-sheet').close(); document.getElementById('library-sheet').open && document.getElementById('library-sheet').close();");
    await session.click(await session.find('#import-button'));
    await session.waitFor('the import', "return document.getElementById('import-sheet').open && document.documentElement.dataset.importing === undefined;", [], 20000);
    return session.execute("return { title: document.querySelector('#import-sheet [data-sheet-title]').textContent, body: document.querySelector('#import-sheet [data-sheet-body]').textContent, result: document.getElementById('import-sheet').dataset.result };");
  };
  const installed = await library();
  // Unsigned: imported, and marked wherever its facts show. It carries cobalt's
  // USGS tables too. The cobalt view is open first, as the import replaces what it shows.
  await session.execute("location.hash = '#/map/mineral/cobalt/production';");
  await session.waitFor('the cobalt table', "return /^Cobalt: who produces it$/.test(document.getElementById('mineral-table-title').textContent);");
  copyFileSync(packFile(9, undefined, 'cobalt'), usbPack);
  rmSync(`${usbPack}.minisig`, { force: true });
  let sheet = await importFile();
  assert.equal(sheet.result, 'ok', sheet.body);
  assert.match(sheet.body, /Unverified: this pack is not signed by a key this app trusts/);
  // The cobalt view open beneath the sheet is drawn again from the pack's tables, its choice kept.
  await session.waitFor('the open cobalt view redrawn', "return !!document.querySelector('#mineral-table-title .unverified-mark');");
  assert.equal(await session.execute("return document.getElementById('mineral-picker').value;"), 'cobalt');
  let panel = await entryPanel();
  assert.ok(panel.unverified >= 1, 'the new fact says Unverified');
  // The party it renames is renamed in the list and on the map at once, not at the next start.
  await session.waitFor('the new name', "return document.querySelector('.country-list [data-iso3=\"PAK\"] .name').textContent === arguments[0];", [RENAMED]);
  assert.deepEqual(await pakistanShown(), [RENAMED, RENAMED]);
  assert.match(await session.text(await session.find('#status-bar')), /UNVERIFIED data pack in use/, 'the status line says so in every view');
  await saveWindowScreenshot(session, 'channel-unverified-fact');
  // Search says so before the result is opened.
  assert.ok(await searchResultMarked(), 'the search result from the unsigned pack says Unverified');
  // The schedule's day list marks the row too.
  await session.execute("location.hash = '#/timeline';");
  await session.waitFor('the day list row', "const r = document.querySelector('#day-list [data-key=\"entry:' + arguments[0] + '\"]'); return !!r && !!r.querySelector('.unverified-mark');", [ENTRY_ID]);
  await saveWindowScreenshot(session, 'channel-unverified-day-list');
  // Starred, it is marked in My agenda too; unstarred again after.
  const star = '[data-panel="timeline"] button[data-star]';
  const starred = (on) => session.waitFor(`the star ${on ? 'on' : 'off'}`, `return document.querySelector('${star}').getAttribute('aria-pressed') === '${on}';`);
  await entryPanel();
  await session.click(await session.find(star));
  await starred(true);
  await session.execute("location.hash = '#/agenda';");
  await session.waitFor('the agenda row', "const r = document.querySelector('.agenda-item[data-agenda-id=\"' + arguments[0] + '\"]'); return !!r && !!r.querySelector('.unverified-mark');", [ENTRY_ID]);
  await saveWindowScreenshot(session, 'channel-unverified-agenda');
  // Its USGS tables: the mineral view's title and the country's rows from them, no others.
  await session.execute("location.hash = '#/map/mineral/cobalt/production';");
  await session.waitFor('the cobalt table marked', "return !!document.querySelector('#mineral-table-title .unverified-mark');");
  await saveWindowScreenshot(session, 'channel-unverified-mineral');
  await session.execute("location.hash = '#/map/country/COD';");
  const rows = '[data-panel="country"][data-iso3="COD"] .mineral-group';
  await session.waitFor('the cobalt rows marked', `return document.querySelectorAll('${rows}[data-mineral="cobalt"] .mineral-row').length > 0 && [...document.querySelectorAll('${rows}[data-mineral="cobalt"] .mineral-row')].every((r) => r.querySelector('.unverified-mark'));`);
  assert.equal(await session.execute(`return document.querySelectorAll('${rows}:not([data-mineral="cobalt"]):not([data-mineral="testium"]) .unverified-mark').length;`), 0, 'rows from built-in tables are not marked');
  await session.execute(`document.querySelector('${rows}[data-mineral="cobalt"]').scrollIntoView();`);
  await saveWindowScreenshot(session, 'channel-unverified-usgs-rows');
  // The comparison marks the cells from those tables, and no others.
  await session.execute("location.hash = '#/map/compare/COD+PAK';");
  const cells = '[data-panel="compare"] [data-compare-minerals] tr';
  await session.waitFor('the comparison', `return document.querySelectorAll('${cells}[data-series^="cobalt-"] .unverified-mark').length > 0;`);
  assert.equal(await session.execute(`return document.querySelectorAll('${cells}:not([data-series^="cobalt-"]):not([data-series^="testium-"]) .unverified-mark').length;`), 0, 'cells from built-in tables are not marked');
  await session.execute(`document.querySelector('${cells}[data-series^="cobalt-"]').scrollIntoView({ block: 'center' });`);
  await saveWindowScreenshot(session, 'channel-unverified-compare');
  await entryPanel();
  await session.click(await session.find(star));
  await starred(false);
  // The pack's own mineral is open when the pack is undone: the view goes back
  // to the participation map quietly, the picker to none, no error.
  await session.execute("location.hash = '#/map/mineral/testium/production';");
  await session.waitFor('the pack\'s mineral', "return document.getElementById('mineral-table-title').textContent.startsWith('Testium (channel test): who produces it');");
  await openImports();
  assert.match(await session.text(await session.find('[data-update-installed]')), /unverified/);
  await session.click(await session.find('[data-library-undo]'));
  await session.waitFor('undo', "return document.querySelector('[data-library-undo]').hidden;");
  assert.equal(await library(), installed);
  await session.waitFor('the mineral put away', "return document.getElementById('mineral-picker').value === '' && !location.hash.includes('testium');");
  assert.ok(await session.execute("return document.getElementById('error-banner').hidden;"), 'no error for a mineral the undo took away');
  await session.waitFor('the name back', "return document.querySelector('.country-list [data-iso3=\"PAK\"] .name').textContent === 'Pakistan';");
  assert.deepEqual(await pakistanShown(), ['Pakistan', 'Pakistan']);
  // Signed by the trusted key, the signature beside it: verified.
  const signed = publish(7);
  copyFileSync(path.join(signed, 'pack-7.json'), usbPack);
  copyFileSync(path.join(signed, 'pack-7.json.minisig'), `${usbPack}.minisig`);
  sheet = await importFile();
  assert.match(sheet.body, /Verified: data pack 7 of 2026-12-05, signed by a key this app trusts, from the file pmif-outcomes\.json and its \.minisig\./);
  panel = await entryPanel();
  assert.equal(panel.unverified, 0);
  assert.ok(!(await searchResultMarked()), 'the same result from a signed pack carries no mark');
  assert.doesNotMatch(await session.text(await session.find('#status-bar')), /UNVERIFIED/);
  await openImports();
  await session.click(await session.find('[data-library-undo]'));
  await session.waitFor('undo', "return document.querySelector('[data-library-undo]').hidden;");
  // Signed by another key: refused, nothing changed.
  const forged = publish(8, other);
  copyFileSync(path.join(forged, 'pack-8.json'), usbPack);
  copyFileSync(path.join(forged, 'pack-8.json.minisig'), `${usbPack}.minisig`);
  sheet = await importFile();
  assert.equal(sheet.result, 'error');
  assert.match(sheet.body, /signed with a key this app does not trust; nothing was changed \(the signature beside the file\)/);
  assert.equal(await library(), installed);
});

test('a check at start happens only when the user turns it on', async () => {
  // The mirror back, with a newer pack; the app restarted with the box ticked, then unticked.
  server = await startChannelServer({ dir: publish(10), certs: makeCertificates(path.join(work, 'certs')), port: server.port });
  await openImports();
  const box = await session.find('[data-check-at-start]');
  assert.equal(await session.execute("return document.querySelector('[data-check-at-start]').checked;"), false, 'off by default');
  await session.click(box);
  await session.waitFor('the box ticked', 'return document.querySelector("[data-check-at-start]").checked;');
  const saved = await session.executeAsync('const done = arguments[arguments.length - 1]; window.__TAURI__.core.invoke("get_user_data").then((u) => done(u.data.settings.check_updates_at_start));');
  assert.equal(saved, true);
  const restart = async () => {
    await session.delete().catch(() => {});
    session = await driver.open();
  };
  const asked = () => server.requests.filter((r) => r.path === '/index.json').length;
  let before = asked();
  await restart();
  await session.waitFor('the notice of the offer', "return !document.getElementById('notice-banner').hidden && /Data pack 10 of 2026-12-05 is available/.test(document.getElementById('notice-text').textContent);", [], 15000);
  assert.match(await session.execute("return document.getElementById('notice-text').textContent;"), /Open Imports to apply it\.$/);
  assert.ok(asked() > before, 'the app asked the mirror at start');
  // Turned off: the next start asks nothing.
  await openImports();
  assert.equal(await session.execute("return document.querySelector('[data-check-at-start]').checked;"), true, 'the box shows the saved choice');
  await session.click(await session.find('[data-check-at-start]'));
  await session.waitFor('the choice saved', 'return !document.querySelector("[data-check-at-start]").checked;');
  await new Promise((r) => setTimeout(r, 300));
  before = asked();
  await restart();
  await new Promise((r) => setTimeout(r, 2000));
  assert.equal(asked(), before, 'no request at start once it is off');
});

test('the File menu checks for data updates; "Check for app updates" offline says why', async () => {
  // The app's own updater, offline: a sentence, nothing changed.
  await openImports();
  await session.click(await session.find('[data-check-app]'));
  await session.waitFor('the app check to answer', "const s = document.querySelector('[data-app-update-status]'); return !!s.dataset.result && !document.querySelector('[data-check-app]').disabled;", [], 30000);
  const app = await session.execute("const s = document.querySelector('[data-app-update-status]'); return { text: s.textContent, result: s.dataset.result, role: s.getAttribute('role') };");
  assert.equal(app.result, 'error', app.text);
  assert.equal(app.role, 'alert');
  assert.match(app.text, /^The app update could not be checked: .+\. Nothing was changed\.$/);
  // The menu's choice (its stand-in, as automation cannot reach a native menu) opens Imports and checks.
  const menuDriver = await startDriver({ binary: TEST_APP, port: 4754, env: { ...channelEnv, MINERALS_ATLAS_MENU_CHOICE: 'check-data-updates', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' } });
  try {
    const menuSession = await menuDriver.open();
    await menuSession.waitFor('the check from the menu', "const s = document.querySelector('[data-update-status]'); return document.getElementById('library-sheet').open && !!s && !!s.dataset.result;", [], 20000);
    assert.match(await menuSession.text(await menuSession.find('[data-update-status]')), /Data pack 10 of 2026-12-05 is available/);
    await menuSession.delete().catch(() => {});
  } finally {
    await menuDriver.stop();
  }
});
