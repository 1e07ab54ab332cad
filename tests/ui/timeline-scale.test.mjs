import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignLanes, labelsThatFit, linearScale, ticks, tickStep, zonedParts } from '../../ui/js/timeline/scale.js';

const DAY = 86400e3;

test('linear scale maps and inverts', () => {
  const s = linearScale([0, 100], [0, 1000]);
  assert.equal(s(50), 500);
  assert.equal(s.invert(250), 25);
});

test('tick units follow the span', () => {
  assert.equal(tickStep(365 * DAY).unit, 'month');
  assert.equal(tickStep(2 * DAY).unit, 'hour');
});

test('hour ticks are on the zone\'s hours, across a day', () => {
  const t0 = Date.parse('2026-02-04T05:00:00Z'); // midnight in New York
  const t1 = t0 + DAY;
  const ts = ticks(t0, t1, 'America/New_York');
  assert.ok(ts.length >= 12);
  assert.equal(ts[0].label, '4 Feb', 'midnight is labelled with the date');
  for (const tick of ts) assert.equal(zonedParts(tick.t, 'America/New_York').minute, 0);
  const nine = ts.find((x) => x.label === '10:00');
  assert.equal(new Date(nine.t).toISOString(), '2026-02-04T15:00:00.000Z');
});

test('month ticks fall on the first of the month in the zone', () => {
  const ts = ticks(Date.parse('2025-09-01T00:00:00Z'), Date.parse('2026-04-30T00:00:00Z'), 'Asia/Karachi');
  assert.deepEqual(ts.map((x) => x.label).slice(0, 3), ['Oct 2025', 'Nov 2025', 'Dec 2025']);
  for (const tick of ts) assert.equal(zonedParts(tick.t, 'Asia/Karachi').day, 1);
});

test('lanes keep overlapping items apart', () => {
  const lanes = assignLanes([{ x0: 0, x1: 50 }, { x0: 10, x1: 20 }, { x0: 60, x1: 70 }, { x0: 25, x1: 30 }]);
  assert.deepEqual(lanes, [0, 1, 0, 1]);
});

test('crowded tick labels give way; spaced ones all stay', () => {
  const labels = ['Apr 2025', 'May 2025', 'Jun 2025', 'Jul 2025', 'Aug 2025'];
  // 50 px apart: a label ("Apr 2025", 8 characters) needs 8 * 7 + 10 = 66 px.
  assert.deepEqual(labelsThatFit([0, 50, 100, 150, 200], labels), [true, false, true, false, true]);
  assert.deepEqual(labelsThatFit([0, 80, 160, 240, 320], labels), [true, true, true, true, true]);
  // Uneven spacing: kept by where each label starts, not every other one.
  assert.deepEqual(labelsThatFit([0, 70, 90, 140, 300], labels), [true, true, false, true, true]);
  assert.deepEqual(labelsThatFit([], []), []);
});
