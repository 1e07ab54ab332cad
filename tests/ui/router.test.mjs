import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryHash, parseHash } from '../../ui/js/router.js';

test('country hashes round-trip', () => {
  assert.deepEqual(parseHash(countryHash('PAK')), { view: 'country', iso3: 'PAK' });
  assert.deepEqual(parseHash('#/country/gin'), { view: 'country', iso3: 'GIN' });
});

test('anything else is home', () => {
  for (const hash of ['', '#', '#/', '#/country/', '#/country/PAKISTAN', '#/country/P%41K1', '#/nope/PAK']) {
    assert.deepEqual(parseHash(hash), { view: 'home' }, hash);
  }
});
