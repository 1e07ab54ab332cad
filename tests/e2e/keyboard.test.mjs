// Keyboard only, no pointer: find Pakistan, open its panel, open one of its
// sessions, star it, open My agenda and find it there.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Keys } from './webdriver.mjs';
import { withApp } from './app.mjs';

let driver;
let session;

withApp({ port: 4564 }, async (s, d) => {
  session = s;
  driver = d;
});

const active = () => session.execute(`const a = document.activeElement; return a ? {
  tag: a.tagName, iso3: a.dataset.iso3 || null, session: a.dataset.sessionId || null, star: a.dataset.star || null,
  view: a.dataset.view || null, inPanel: !!a.closest('[data-panel]') } : null;`);

async function tabUntil(what, predicate, max = 400, key = Keys.Tab) {
  for (let i = 0; i < max; i += 1) {
    await session.pressKeys(key);
    const a = await active();
    if (a && predicate(a)) return a;
  }
  throw new Error(`Tab never reached ${what}`);
}

test('find Pakistan, open a session, star it, see it in My agenda: keyboard only', async () => {
  // The list is one tab stop; a letter jumps to the next name that starts with it.
  await tabUntil('the list of delegations', (a) => a.iso3 && a.tag === 'BUTTON', 12);
  for (let i = 0; i < 8 && (await active()).iso3 !== 'PAK'; i += 1) await session.pressKeys('p');
  assert.equal((await active()).iso3, 'PAK', "'p' reaches Pakistan in the list");
  await session.pressKeys(Keys.Enter);
  await session.waitForSelector('[data-panel="country"][data-iso3="PAK"]');
  const focused = await active();
  assert.ok(focused.inPanel || focused.tag === 'ASIDE', 'focus moves to the panel');
  await tabUntil("one of Pakistan's sessions", (a) => a.inPanel && a.session);
  const target = (await active()).session;
  await session.pressKeys(Keys.Enter);
  await session.waitForSelector(`[data-panel="session"][data-session-id="${target}"]`);
  await tabUntil('the star button', (a) => a.star === 'true');
  await session.pressKeys(Keys.Enter);
  await session.waitFor('starred', "return document.querySelector('[data-panel=\"session\"] button[data-star]').getAttribute('aria-pressed') === 'true';");
  // On to the view tabs, then arrow to My agenda.
  await tabUntil('the view tabs', (a) => a.view !== null);
  for (let i = 0; i < 3; i += 1) {
    if ((await active()).view === 'agenda') break;
    await session.pressKeys(Keys.ArrowRight);
  }
  await session.waitFor('My agenda', "return location.hash.startsWith('#/agenda');");
  await session.waitForSelector(`.agenda-item[data-agenda-id="${target}"]`);
});
