// The installed .deb, launched from its installed path (MINERALS_ATLAS_BINARY),
// with the platform's own data folder under a scratch HOME. Run by
// tests/installed/deb.sh, which installs the package first and purges it after.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { assertNothingExternal, startDriver } from '../e2e/app.mjs';

const HOME = process.env.INSTALLED_TEST_HOME;
let driver;
let session;

before(async () => {
  assert.ok(HOME, 'run by tests/installed/deb.sh');
  assert.equal(process.env.MINERALS_ATLAS_BINARY, '/usr/bin/minerals-atlas');
  // No data-folder override: the app uses the platform's, under this HOME.
  driver = await startDriver({ env: { HOME, MINERALS_ATLAS_DATA_DIR: '' }, port: 4574 });
  session = await driver.open();
});

after(async () => {
  if (session) await session.delete().catch(() => {});
  if (driver) await driver.stop();
});

test('the installed app opens Pakistan and saves a star in the platform data folder', async () => {
  await session.click(await session.find('.country-list [data-iso3="PAK"]'));
  const panel = await session.waitForSelector('[data-panel="country"][data-iso3="PAK"]');
  await session.waitFor('the delegation', "return document.querySelector('[data-panel=\"country\"]').innerText.includes('Ali Pervaiz Malik');");
  assert.match(await session.text(panel), /Ali Pervaiz Malik/);
  await session.execute("location.hash = '#/timeline/session/cmm-0204-opening';");
  await session.waitForSelector('[data-panel="session"] button[data-star]');
  await session.click(await session.find('[data-panel="session"] button[data-star]'));
  await session.waitFor('starred', "return document.querySelector('[data-panel=\"session\"] button[data-star]').getAttribute('aria-pressed') === 'true';");
  const file = path.join(HOME, '.local/share/org.mineralsatlas.app/user-data.json');
  assert.ok(existsSync(file), `saved in ${file}`);
  await assertNothingExternal(session, assert);
});
