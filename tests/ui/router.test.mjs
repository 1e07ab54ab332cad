import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryHash, EMPTY_STATE, parseHash, toHash } from '../../ui/js/router.js';

test('country hashes round-trip', () => {
  assert.deepEqual(parseHash(countryHash('PAK')), { ...EMPTY_STATE, panel: { type: 'country', id: 'PAK' } });
  assert.deepEqual(parseHash('#/country/gin'), { ...EMPTY_STATE, panel: { type: 'country', id: 'GIN' } });
});

test('views, panels and minerals round-trip', () => {
  for (const state of [
    { ...EMPTY_STATE, view: 'timeline', panel: { type: 'session', id: 'cmm-0204-opening' } },
    { ...EMPTY_STATE, view: 'agenda' },
    { ...EMPTY_STATE, mineral: 'rare-earths', measure: 'reserves', panel: { type: 'country', id: 'COD' } },
    { ...EMPTY_STATE, view: 'timeline', panel: { type: 'entry', id: 'tl-20260220-india-joins' } },
    { ...EMPTY_STATE, view: 'timeline', schedule: 'axis', panel: { type: 'session', id: 'cmm-0204-opening' } },
  ]) {
    assert.deepEqual(parseHash(toHash(state)), state);
  }
  assert.deepEqual(parseHash('#/mineral/cobalt'), { ...EMPTY_STATE, mineral: 'cobalt' });
  assert.equal(toHash(EMPTY_STATE), '#/map');
  assert.equal(toHash({ ...EMPTY_STATE, view: 'timeline', schedule: 'axis' }), '#/timeline/axis');
  assert.equal(toHash({ ...EMPTY_STATE, view: 'map', schedule: 'axis' }), '#/map', 'the axis belongs to the timeline');
});

test('anything malformed is ignored, not guessed', () => {
  for (const hash of ['', '#', '#/', '#/country/', '#/country/PAKISTAN', '#/country/P%41K1', '#/nope/PAK', '#/mineral/Co%ZZ', '#/mineral/<script>', '#/session/a b', '#/session/' + 'x'.repeat(200)]) {
    assert.deepEqual(parseHash(hash), EMPTY_STATE, hash);
  }
});
