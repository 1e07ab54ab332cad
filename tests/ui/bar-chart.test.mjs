import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barChartModel, changeText } from '../../ui/js/map/bar-chart.js';
import { rankedRows, sortRows } from '../../ui/js/map/mineral-ranking.js';

const num = (n) => ({ kind: 'number', text: n.toLocaleString('en-US'), description: String(n), number: n });
const marker = (text, description) => ({ kind: 'withheld', text, description });
const series = {
  year: 2025,
  previous_year: 2024,
  statistic: 'production',
  rows: [
    { country: 'COD', name: 'Congo (Kinshasa)', role: 'participant', value: num(230000), previous: num(226000), change_percent: 1.77, share: { percent: 74.2 } },
    { country: 'IDN', name: 'Indonesia', role: null, value: num(30000), previous: num(28000), change_percent: 7.14, share: { percent: 9.7 } },
    { country: 'USA', name: 'United States', role: 'host', value: marker('W', 'withheld (W)'), previous: num(500), change_percent: null, share: null },
    { country: 'AUS', name: 'Australia', role: 'participant', value: num(3600), previous: null, change_percent: null, share: { percent: 1.2 } },
    { country: 'PHL', name: 'Philippines', role: 'participant', value: num(3000), previous: num(3800), change_percent: -21.05, share: { percent: 1.0 } },
    { country: null, name: 'Other countries', role: null, value: num(10000), previous: num(9000), change_percent: 11.1, share: { percent: 3.2 } },
  ],
};

test('changes read with a sign, never by colour: +, a true minus, ± for none', () => {
  assert.equal(changeText(1.77), '+1.8%');
  assert.equal(changeText(-21.05), '−21%');
  assert.equal(changeText(0.01), '±0.0%');
  assert.equal(changeText(null), null);
  assert.equal(changeText(undefined), null);
  assert.equal(changeText(NaN), null);
});

test('the chart draws numbers only, largest first, with the year before as a tick', () => {
  const m = barChartModel(series);
  assert.deepEqual(m.bars.map((b) => b.iso3), ['COD', 'IDN', 'AUS', 'PHL'], 'Other countries and markers are not bars');
  assert.equal(m.bars[0].fraction, 1);
  assert.ok(Math.abs(m.bars[1].fraction - 30000 / 230000) < 1e-12);
  assert.ok(Math.abs(m.bars[0].previousFraction - 226000 / 230000) < 1e-12);
  assert.equal(m.bars[2].previousFraction, null, 'no tick without a year before');
  assert.deepEqual(m.bars.map((b) => b.tag), ['attended', 'did not attend', 'attended', 'attended'], 'attendance in words');
  assert.equal(m.bars[0].change, '+1.8%');
  assert.deepEqual(m.unplotted, ['United States (withheld (W))'], 'a marker is named, not drawn as 0');
  assert.equal(m.previousYear, 2024);
  assert.equal(barChartModel(series, 2).more, 2, 'what the chart leaves out is counted');
  assert.deepEqual(barChartModel(null).bars, []);
});

test('the table sorts by any column; rows without a value follow, Other countries last', () => {
  const rows = rankedRows(series);
  const order = (key, desc) => sortRows(rows, key, desc).map((r) => r.iso3 || 'other');
  assert.deepEqual(order('rank', false), ['COD', 'IDN', 'AUS', 'PHL', 'USA', 'other']);
  assert.deepEqual(order('rank', true), ['PHL', 'AUS', 'IDN', 'COD', 'USA', 'other'], 'unranked stay after the ranked');
  assert.deepEqual(order('change', true), ['IDN', 'COD', 'PHL', 'AUS', 'USA', 'other'], 'largest rise first; no change last');
  assert.deepEqual(order('change', false), ['PHL', 'COD', 'IDN', 'AUS', 'USA', 'other']);
  assert.deepEqual(order('figure', true), ['COD', 'IDN', 'AUS', 'PHL', 'USA', 'other'], 'W is not a number: last, never 0');
  assert.deepEqual(order('name', false), ['AUS', 'COD', 'IDN', 'PHL', 'USA', 'other']);
  assert.equal(rows.find((r) => r.iso3 === 'PHL').change, '−21%');
  assert.equal(rows.find((r) => r.iso3 === 'AUS').change, '–', 'no year before: a dash, not 0%');
});
