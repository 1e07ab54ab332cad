import { test } from 'node:test';
import assert from 'node:assert/strict';

// The IPC, stood in for: counts the calls.
const calls = [];
globalThis.window = { __TAURI__: { core: { invoke: async (cmd, args) => { calls.push([cmd, args]); return { cmd, args, n: calls.length }; } } } };
const { MAX_AGE_MS, forgetPanelData, panelData } = await import('../../ui/js/panel-data.js');

test('a panel is fetched once, again once its answer is older than the limit, and after a data change', async () => {
  forgetPanelData();
  calls.length = 0;
  const t0 = 1_000_000;
  const a = await panelData('country', 'PAK', null, t0);
  const b = await panelData('country', 'PAK', null, t0 + 1000);
  assert.equal(calls.length, 1, 'the second open is served from the cache');
  assert.equal(a, b);
  await panelData('country', 'PAK', null, t0 + MAX_AGE_MS + 1);
  assert.equal(calls.length, 2, 'an old answer is asked again: statuses follow the clock');
  forgetPanelData();
  await panelData('country', 'PAK', null, t0 + MAX_AGE_MS + 2);
  assert.equal(calls.length, 3, 'an import or undo empties the cache');
  await panelData('compare', 'PAK+COD', null, t0);
  assert.deepEqual(calls[calls.length - 1], ['compare_countries', { left: 'PAK', right: 'COD' }]);
});
