// Search that forgives, in the real window: a typo, the abbreviations and
// other scripts people type, participants first, agreements found.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp } from './app.mjs';
import { Keys } from './webdriver.mjs';

let session;
withApp({ port: 4710 }, async (s) => {
  session = s;
});

/** Types `query` into the box and returns the results' titles and kinds, in order. */
async function results(query) {
  await session.execute("const i = document.querySelector('input[data-search]'); i.value = ''; i.dispatchEvent(new Event('input')); i.focus();");
  const input = await session.find('input[data-search]');
  await session.sendKeys(input, query);
  await session.waitFor(`results for ${query}`, "return document.querySelectorAll('[data-search-result]').length > 0 && !document.getElementById('search-results').hidden;");
  return session.execute("return [...document.querySelectorAll('[data-search-result]')].map((li) => ({ kind: li.dataset.searchResult, id: li.dataset.id, title: li.querySelector('.result-title').textContent }));");
}

test('a typo still finds the person: "tshisekdi"', async () => {
  const r = await results('tshisekdi');
  assert.equal(r[0].title, 'Félix Tshisekedi');
});

test('abbreviations and other names find the country first', async () => {
  for (const [query, id] of [['DRC', 'COD'], ['RDC', 'COD'], ['UAE', 'ARE'], ['ROK', 'KOR'], ['EU', 'EUC'], ['پاکستان', 'PAK']]) {
    const r = await results(query);
    assert.deepEqual([r[0].kind, r[0].id], ['country', id], `${query}: ${JSON.stringify(r.slice(0, 3))}`);
  }
});

test('"korea" puts the participant, South Korea, above North Korea', async () => {
  const r = await results('korea');
  const south = r.findIndex((x) => x.id === 'KOR');
  const north = r.findIndex((x) => x.id === 'PRK');
  assert.ok(south >= 0 && (north < 0 || south < north), JSON.stringify(r.map((x) => x.id)));
});

test('an agreement is found and opens its partner country', async () => {
  const r = await results('frontier works');
  const i = r.findIndex((x) => x.kind === 'agreement');
  assert.ok(i >= 0, JSON.stringify(r));
  await session.click(await session.find(`[data-search-result="agreement"]`));
  await session.waitForSelector('[data-panel="country"][data-iso3="PAK"]');
  assert.equal(await session.execute("return document.querySelector('input[data-search]').value;"), '', 'the box is cleared after a pick');
});
