import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figureText } from '../../ui/js/compare-panel.js';
import { parseHash, toHash } from '../../ui/js/router.js';

const stat = (value, extra = {}) => ({ unit: 'metric tons', qualifier: null, share: null, rank: null, ranked_among: 0, value, ...extra });

test('a compared figure: USGS text with unit, share and place; markers in words; no row is not a zero', () => {
  assert.equal(figureText(stat({ kind: 'number', text: '230,000', description: '230,000' }, { share: { percent: 74.2 }, rank: 1, ranked_among: 12 })),
    '230,000 metric tons · 74.2% of world · 1st of 12');
  assert.equal(figureText(stat({ kind: 'withheld', text: 'W', description: 'withheld (W)' })), 'withheld (W)');
  assert.equal(figureText(null), 'not reported separately');
  assert.equal(figureText(stat({ kind: 'number', text: '5', description: '5' }, { qualifier: 'steatite' })), '5 metric tons (steatite)');
});

test('a comparison lives in the hash', () => {
  const s = parseHash('#/map/compare/PAK%2Bcod');
  assert.deepEqual(s.panel, { type: 'compare', id: 'PAK+COD' });
  assert.equal(parseHash(toHash({ panel: { type: 'compare', id: 'PAK+COD' } })).panel.id, 'PAK+COD');
  assert.equal(parseHash('#/map/compare/PAK').panel, null, 'one country is no comparison');
  assert.equal(parseHash('#/map/compare/PAK+COD+USA').panel, null);
});
