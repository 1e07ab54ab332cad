// Real window: an unreadable user-data file is moved aside, the user is told,
// and the app starts clean and keeps working.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withApp } from './app.mjs';

const dataDir = mkdtempSync(path.join(tmpdir(), 'atlas-corrupt-'));
const garbage = '{"version":1,"starred":[{"kind":"session","id":"cmm-02';
let driver;
let session;

before(() => {
  writeFileSync(path.join(dataDir, 'user-data.json'), garbage);
});
withApp({ env: { MINERALS_ATLAS_DATA_DIR: dataDir }, port: 4494 }, async (s, d) => {
  session = s;
  driver = d;
});

test('a corrupt agenda file is reported, kept aside, and the app works', async () => {
  await session.waitFor('the notice', "return !document.getElementById('notice-banner').hidden;");
  const notice = await session.text(await session.find('#notice-banner'));
  assert.match(notice, /could not be read/);
  const kept = readdirSync(dataDir).filter((f) => f.startsWith('user-data.json.unreadable-'));
  assert.equal(kept.length, 1, 'moved aside');
  assert.equal(readFileSync(path.join(dataDir, kept[0]), 'utf8'), garbage, 'byte for byte');
  // The app still saves: star a session and find it in the new file.
  await session.execute("location.hash = '#/timeline/session/cmm-0204-opening';");
  await session.waitForSelector('[data-panel="session"] button[data-star]');
  await session.click(await session.find('[data-panel="session"] button[data-star]'));
  await session.waitFor('the star', "return document.querySelector('[data-panel=\"session\"] button[data-star]').getAttribute('aria-pressed') === 'true';");
  const saved = JSON.parse(readFileSync(path.join(dataDir, 'user-data.json'), 'utf8'));
  assert.deepEqual(saved.starred, [{ kind: 'session', id: 'cmm-0204-opening' }]);
});
