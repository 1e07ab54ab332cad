import test from 'node:test';
import assert from 'node:assert/strict';
import { scheduleDays } from '../../ui/js/timeline/day-list.js';

const item = (id, when, precision, start = 0) => ({ key: id, id, title: id, when, precision, start });

test('a day list: days in order, the untimed first, the timed by start', () => {
  const days = scheduleDays([
    item('signings', '2026-02-04', 'day'),
    item('lunch', '2026-02-04 12:00 EST', 'exact', 12),
    item('opening', '2026-02-04 09:00 EST', 'start_only', 9),
    item('bilaterals', '2026-02-03', 'day'),
    item('accords', '2026-02-04', 'day'),
    item('pmif', '2026-04-08', 'day'),
  ]);
  assert.deepEqual(days.map((d) => [d.day, d.untimed.map((i) => i.id), d.timed.map((i) => i.id)]), [
    ['2026-02-03', ['bilaterals'], []],
    ['2026-02-04', ['accords', 'signings'], ['opening', 'lunch']],
    ['2026-04-08', ['pmif'], []],
  ]);
});

test('no items, no days', () => {
  assert.deepEqual(scheduleDays([]), []);
});
