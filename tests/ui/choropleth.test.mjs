import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headlineSeries, shareClass, sharesBySeries, SHARE_CLASSES } from '../../ui/js/map/choropleth.js';
import { keyFeatures } from '../../ui/js/map/geometry.js';

test('share classes are ordered and total', () => {
  assert.equal(shareClass(74.2), 0);
  assert.equal(shareClass(50), 0);
  assert.equal(shareClass(49.99), 1);
  assert.equal(shareClass(0), SHARE_CLASSES.length - 1);
  assert.equal(shareClass(null), null, 'no share is not the smallest class');
  assert.equal(shareClass(undefined), null);
});

test('shares by country keep markers and bounds', () => {
  const series = {
    rows: [
      { country: 'COD', share: { percent: 74.19 }, value: { description: '230,000' } },
      { country: 'USA', share: null, value: { description: 'W (withheld…)' } },
      { country: null, share: { percent: 3 }, value: { description: '9,100' } },
      { country: 'BRA', share: { percent: 14.67, at_most: true }, value: { description: '11,000,000' } },
    ],
  };
  const m = sharesBySeries(series);
  assert.equal(m.size, 3, '"Other countries" has no country');
  assert.equal(m.get('COD').percent, 74.19);
  assert.equal(m.get('USA').percent, null);
  assert.equal(m.get('BRA').atMost, true);
});

test('headline series by measure', () => {
  const mineral = { headline_production: 'p', headline_reserves: 'r', series: [{ id: 'p' }, { id: 'r' }] };
  assert.equal(headlineSeries(mineral, 'reserves').id, 'r');
  assert.equal(headlineSeries(mineral, 'production').id, 'p');
  assert.equal(headlineSeries({ ...mineral, headline_reserves: null }, 'reserves'), null);
});

test('features: zero-padded ids, no-id features kept, Ashmore is not Australia', () => {
  const table = { '036': 'AUS', '586': 'PAK', '702': 'SGP' };
  const items = keyFeatures([
    { id: '036', properties: { name: 'Australia' } },
    { id: '036', properties: { name: 'Ashmore and Cartier Is.' } },
    { id: 586, properties: { name: 'Pakistan' } },
    { properties: { name: 'Kosovo' } },
    { id: '999', properties: { name: 'Nowhere' } },
  ], table);
  assert.deepEqual(items.map((i) => i.iso3), ['AUS', null, 'PAK', null, null]);
  assert.equal(items[2].numeric, '586');
  assert.equal(items[3].name, 'Kosovo', 'drawn even without an id');
});

test('a map cell says where the row is, never "not reported" for a country with a row', async () => {
  const { cellText, cellsByCountry } = await import('../../ui/js/map/choropleth.js');
  const value = (text, kind = 'number', description = text) => ({ text, kind, description });
  const mineral = {
    cells_production: [
      { country: 'AUS', series: 's1', detail: 'Mine production: Usable ore', in_headline: true, value: value('980,000'), unit: 'thousand metric tons', share: { percent: 37.69 }, qualifier: null },
      { country: 'PAK', series: 's1', detail: 'Mine production', in_headline: true, value: value('200'), unit: 'thousand metric tons', share: { percent: 2.9 }, qualifier: 'steatite' },
      { country: 'USA', series: 's1', detail: 'Mine production', in_headline: true, value: value('W', 'withheld', 'W (withheld)'), unit: 'metric tons', share: null, qualifier: null },
      { country: 'KEN', series: 's2', detail: 'Mine production: Rutile', in_headline: false, value: value('110'), unit: 'thousand metric tons', share: { percent: 24.4 }, qualifier: null },
    ],
    cells_reserves: [],
  };
  const cells = cellsByCountry(mineral, 'production');
  assert.equal(cellText(cells.get('AUS')), '37.69% of world; 980,000 thousand metric tons');
  assert.equal(cellText(cells.get('PAK')), '2.9% of world; 200 thousand metric tons (steatite)');
  assert.match(cellText(cells.get('USA')), /^W \(withheld\); no world share/);
  assert.doesNotMatch(cellText(cells.get('USA')), /0(\.0)?%/);
  assert.match(cellText(cells.get('KEN')), /^not in this table; reported under "Mine production · Rutile": 110 thousand metric tons/);
  assert.equal(cells.get('KEN').percent, null, 'another table\'s share does not shade this map');
  assert.match(cellText(undefined), /not reported separately by USGS/);
  assert.equal(cellsByCountry(mineral, 'reserves').size, 0);
});
