// Real window, dark theme: the app follows the system (GTK) preference.
// Saves the views' screenshots in dark for review.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveScreenshot, SCREENSHOT_DIR, withApp } from './app.mjs';

let driver;
let session;

withApp({ env: { GTK_THEME: 'Adwaita:dark' }, port: 4454 }, async (s, d) => {
  session = s;
  driver = d;
});
after(() => console.log(`screenshots: ${SCREENSHOT_DIR}`));

test('dark theme follows the system', async () => {
  const dark = await session.execute("return matchMedia('(prefers-color-scheme: dark)').matches;");
  assert.equal(dark, true, 'GTK_THEME=Adwaita:dark reaches the webview');
  const bg = await session.execute('return getComputedStyle(document.body).backgroundColor;');
  assert.equal(bg, 'rgb(20, 23, 27)');
  await saveScreenshot(session, 'map-participation-dark');
  await session.execute("location.hash = '#/mineral/cobalt/production/country/COD';");
  await session.waitForSelector('[data-panel="country"][data-iso3="COD"]');
  await session.waitFor('mineral mode', "return document.querySelector('svg.world-map').dataset.mode === 'mineral';");
  await saveScreenshot(session, 'map-cobalt-and-drc-dark');
});
