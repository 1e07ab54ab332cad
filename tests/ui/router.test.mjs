import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryHash, parseHash, toHash } from '../../ui/js/router.js';

const EMPTY = { country: null, mineral: null, measure: 'production' };

test('country hashes round-trip', () => {
  assert.deepEqual(parseHash(countryHash('PAK')), { ...EMPTY, country: 'PAK' });
  assert.deepEqual(parseHash('#/country/gin'), { ...EMPTY, country: 'GIN' });
});

test('mineral and measure, alone and with a country', () => {
  assert.deepEqual(parseHash('#/mineral/cobalt/reserves'), { ...EMPTY, mineral: 'cobalt', measure: 'reserves' });
  assert.deepEqual(parseHash('#/mineral/cobalt'), { ...EMPTY, mineral: 'cobalt' });
  const both = { country: 'COD', mineral: 'rare-earths', measure: 'reserves' };
  assert.deepEqual(parseHash(toHash(both)), both);
  assert.equal(toHash(EMPTY), '#/');
});

test('anything malformed is ignored, not guessed', () => {
  for (const hash of ['', '#', '#/', '#/country/', '#/country/PAKISTAN', '#/country/P%41K1', '#/nope/PAK', '#/mineral/Co%ZZ', '#/mineral/<script>']) {
    assert.deepEqual(parseHash(hash), EMPTY, hash);
  }
});
