import test from 'node:test';
import assert from 'node:assert/strict';
import { rankedRows } from '../../ui/js/map/mineral-ranking.js';

const value = (kind, text, description = text) => ({ kind, text, description });
const series = {
  year: 2025,
  rows: [
    { country: 'AUS', name: 'Australia', role: 'participant', value: value('number', '3,600'), share: { percent: 1.25 } },
    { country: 'COD', name: 'Congo (Kinshasa)', role: 'participant', value: value('number', '220,000'), share: { percent: 76.4 } },
    { country: 'USA', name: 'United States', role: 'host', value: value('withheld', 'W', 'withheld (W)'), share: null },
    { country: 'IDN', name: 'Indonesia', role: null, value: value('number', '28,000'), share: { percent: 9.7 } },
    { country: null, name: 'Other countries', role: null, value: value('number', '10,000'), share: { percent: 3.5 } },
    { country: 'PHL', name: 'Philippines', role: 'participant', value: value('number', '3,600'), share: { percent: 1.25 } },
  ],
};

test('countries with a share are ranked largest first, ties by name and sharing their place', () => {
  const rows = rankedRows(series);
  assert.deepEqual(rows.map((r) => [r.rank, r.iso3]), [
    [1, 'COD'], [2, 'IDN'], [3, 'AUS'], [3, 'PHL'], [null, 'USA'], [null, null],
  ], 'Australia and the Philippines have equal shares: both 3rd, as the CSV says');
});

test('a marker is kept as USGS wrote it and never ranked or shown as 0', () => {
  const us = rankedRows(series).find((r) => r.iso3 === 'USA');
  assert.equal(us.rank, null);
  assert.equal(us.value, 'withheld (W)');
  assert.equal(us.share, '—');
  assert.equal(us.roleText, 'Host');
});

test('attendance is said in words, not only by style', () => {
  const rows = rankedRows(series);
  assert.equal(rows.find((r) => r.iso3 === 'IDN').roleText, 'Did not attend');
  assert.equal(rows.find((r) => r.iso3 === 'COD').roleText, 'Participant');
  assert.equal(rows.find((r) => r.iso3 === null).roleText, '');
});

test('no series, no rows', () => {
  assert.deepEqual(rankedRows(null), []);
});
