import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateRangeText, dateText, dayShiftText, entryKindLabel, instantText, ordinal, tableLabel, tableName, roleLabel, shareText, statusLabel } from '../../ui/js/format.js';

test('shares: precision by size, and upper bounds marked', () => {
  assert.equal(shareText({ percent: 74.19 }), '74.2%');
  assert.equal(shareText({ percent: 1.234 }), '1.23%');
  assert.equal(shareText({ percent: 14.67, at_most: true }), '≤ 14.7%');
  assert.equal(shareText(null), 'share not computable');
});

test('dates are calendar dates, not shifted by the local zone', () => {
  assert.equal(dateText('2026-02-04'), '4 February 2026');
  assert.equal(dateText('2025-12-31'), '31 December 2025');
  assert.equal(dateText(null), '');
});

test('labels', () => {
  assert.equal(roleLabel(null), 'Did not attend');
  assert.equal(roleLabel('host'), 'Host');
  assert.equal(statusLabel('uncertain'), 'Uncertain');
});

test('a span of days reads as people write it', () => {
  assert.equal(dateRangeText('2026-02-03', '2026-02-04'), '3–4 February 2026');
  assert.equal(dateRangeText('2026-03-30', '2026-04-02'), '30 March – 2 April 2026');
  assert.equal(dateRangeText('2025-12-30', '2026-01-02'), '30 December 2025 – 2 January 2026');
  assert.equal(dateRangeText('2026-04-08', '2026-04-08'), '8 April 2026');
  assert.equal(dateRangeText('2026-04-08', null), '8 April 2026');
});

test("an import's instants read in the reader's zone, not as UTC stamps", () => {
  assert.match(instantText('2026-04-08T04:00:00Z', 'Asia/Karachi'), /^8 April 2026,? 09:00 (GMT\+5|PKT)$/);
  assert.match(instantText('2026-02-04T14:00:00Z', 'America/New_York'), /^4 February 2026,? 09:00 (EST|GMT-5)$/);
  assert.equal(instantText('not a time', 'UTC'), 'not a time');
  assert.equal(instantText('2026-02-04T14:00:00Z', 'Mars/Base'), '2026-02-04T14:00:00Z', 'an unknown zone keeps the stamp');
  assert.equal(instantText(null, 'UTC'), '');
});

test('an entry kind reads as words; one unknown is passed on, not dropped', () => {
  assert.equal(entryKindLabel('press_conference'), 'Press availability');
  assert.equal(entryKindLabel('plenary'), 'Plenary session');
  assert.equal(entryKindLabel('site_visit'), 'site_visit');
});

test('a day shift is said only when there is one', () => {
  assert.equal(dayShiftText({ day_shift: 1 }), ' (+1 day)');
  assert.equal(dayShiftText({ day_shift: -1 }), ' (-1 day)');
  assert.equal(dayShiftText({ day_shift: 0 }), '');
  assert.equal(dayShiftText(null), '');
});

test("a USGS table header reads as a plain label: stage and year, then what it counts, without the units", () => {
  const cases = [
    ['production', 2025, 'Mine production', 'Cobalt', 'Mine production 2025'],
    ['production', 2025, 'Mine production: Ilmenite', 'Titanium', 'Mine production 2025 · Ilmenite'],
    ['production', 2024, 'Alumina, refinery production', 'Bauxite and alumina', 'Refinery production 2024 · Alumina'],
    ['reserves', 2025, 'Reserves (million metric tons): Crude ore', 'Iron ore', 'Reserves 2025 · Crude ore'],
    ['production', 2024, 'Zirconium mineral concentrates, mine production (thousand metric tons, gross weight)', 'Zirconium', 'Mine production 2024 · Zirconium mineral concentrates (gross weight)'],
    ['reserves', 2025, 'Zirconium reserves(thousand metric tons, ZrO2 content)', 'Zirconium', 'Reserves 2025 · Zirconium (ZrO2 content)'],
    ['production', 2024, 'Helium Production', 'Helium', 'Production 2024', 'the mineral itself is not said twice'],
    ['production', 2024, 'Production (arsenic trioxide, gross weight)', 'Arsenic', 'Production 2024 · Arsenic trioxide, gross weight'],
    ['production', 2024, 'Pig iron', 'Iron and steel', 'Production 2024 · Pig iron'],
    ['capacity', 2025, 'Yearend capacity', 'X', 'Year-end capacity 2025'],
    ['reserves', 2025, 'Australia, Canada, China, and Namibia were estimated to have reserves totaling less than 200,000 tons', 'Cesium',
      'Reserves 2025 · Australia, Canada, China, and Namibia were estimated to have reserves totaling less than 200,000 tons', "a sentence of USGS's is kept whole"],
  ];
  for (const [statistic, year, detail, mineral, want, why] of cases) assert.equal(tableLabel(statistic, year, detail, mineral), want, why || detail);
  assert.equal(tableName('production', 'Mine production: Rutile'), 'Mine production · Rutile');
});

test('places read as ordinals, the teens included', () => {
  assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal),
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th']);
});
