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

// Ticks over [t0, t1] drawn `px` wide: their labels and which are kept.
function drawn(t0, t1, zone, px) {
  const ts = ticks(t0, t1, zone);
  const x = linearScale([t0, t1], [0, px]);
  const xs = ts.map((t) => x(t.t));
  const kept = labelsThatFit(ts, xs);
  return { ts, xs, kept, labels: ts.filter((_, i) => kept[i]).map((t) => t.label) };
}

test('crowded month labels give way and never overlap; spaced ones all stay', () => {
  const t0 = Date.parse('2025-04-01T00:00:00Z');
  const t1 = Date.parse('2026-04-30T00:00:00Z');
  const wide = drawn(t0, t1, 'UTC', 1600);
  assert.ok(wide.kept.every(Boolean), `all months labelled at 1600 px: ${wide.labels}`);
  const narrow = drawn(t0, t1, 'UTC', 620);
  assert.ok(narrow.labels.length >= 4 && narrow.labels.length < narrow.ts.length, `some months labelled: ${narrow.labels}`);
  // No kept label starts before the one before it ends (estimated as the thinning does).
  const keptX = narrow.xs.filter((_, i) => narrow.kept[i]);
  keptX.forEach((x, i) => { if (i) assert.ok(x - keptX[i - 1] >= 'Sept 2025'.length * 7 + 10, `labels ${keptX}`); });
  // Every n-th month of the calendar: January is one of them.
  assert.ok(narrow.labels.includes('Jan 2026'), `January kept: ${narrow.labels}`);
});

test('a pan keeps the same tick labels', () => {
  const span = 400 * DAY;
  const t0 = Date.parse('2025-04-01T00:00:00Z');
  const a = drawn(t0, t0 + span, 'UTC', 620);
  const b = drawn(t0 + 31 * DAY, t0 + 31 * DAY + span, 'UTC', 620);
  const both = a.ts.filter((t) => b.ts.some((u) => u.t === t.t));
  assert.ok(both.length > 6);
  const keptIn = (d, t) => d.kept[d.ts.findIndex((u) => u.t === t.t)];
  for (const t of both) assert.equal(keptIn(a, t), keptIn(b, t), `${t.label} labelled in one view and not the other`);
});

test('crowded hour labels keep each midnight, in the axis zone', () => {
  // Two-hour ticks over a day in Islamabad, squeezed: every n-th hour, midnight among them.
  const t0 = Date.parse('2026-04-07T19:00:00Z'); // 8 April 00:00 in Islamabad
  const d = drawn(t0, t0 + DAY, 'Asia/Karachi', 300);
  assert.ok(d.labels.length < d.ts.length, `thinned: ${d.labels}`);
  assert.equal(d.labels[0], '8 Apr', `midnight kept: ${d.labels}`);
  assert.deepEqual(labelsThatFit([], []), []);
});

test('ticks drawn at one x end the thinning rather than loop', () => {
  const same = [{ label: 'Jan 2026', ordinal: 24312, cycle: 12 }, { label: 'Feb 2026', ordinal: 24313, cycle: 12 }];
  const kept = labelsThatFit(same, [10, 10]);
  assert.equal(kept.length, 2);
  assert.ok(kept.filter(Boolean).length <= 1, `at most one label at one x: ${kept}`);
});
