import test from 'node:test';
import assert from 'node:assert/strict';
import { agendaDays, dayHeading, whenText } from '../../ui/js/agenda-days.js';

const timed = (id, date, viewerDate = date) => ({ id, title: id, time_precision: 'exact', local_start: { date }, viewer_start: { date: viewerDate } });
const untimed = (id, date) => ({ id, title: id, time_precision: 'day', local_start: { date }, viewer_start: { date } });

test('items are grouped by day, in the order given', () => {
  const days = agendaDays([untimed('a', '2026-02-03'), timed('b', '2026-02-04'), timed('c', '2026-02-04'), untimed('d', '2026-04-08')]);
  assert.deepEqual(days.map((d) => [d.day, d.items.map((i) => i.id)]), [
    ['2026-02-03', ['a']], ['2026-02-04', ['b', 'c']], ['2026-04-08', ['d']],
  ]);
});

test("a timed item is listed on the reader's day; a date-only one on the event's", () => {
  const days = agendaDays([timed('late', '2026-02-04', '2026-02-05'), untimed('day', '2026-02-04')]);
  assert.deepEqual(days.map((d) => [d.day, d.items.map((i) => i.id)]), [['2026-02-05', ['late']], ['2026-02-04', ['day']]]);
});

test('same day with a time not published: named, since a clash cannot be checked', () => {
  const [day] = agendaDays([untimed('forum', '2026-02-04'), timed('opening', '2026-02-04'), timed('lunch', '2026-02-04')]);
  const by = Object.fromEntries(day.items.map((i) => [i.id, i.sameDayUntimed]));
  assert.deepEqual(by.forum, ['opening', 'lunch']);
  assert.deepEqual(by.opening, ['forum'], 'two timed items are checked by the backend, not hinted');
  assert.deepEqual(by.lunch, ['forum']);
});

test('a day heading names the weekday', () => {
  assert.equal(dayHeading('2026-02-04'), 'Wednesday 4 February 2026');
});

const view = (zone, clock, abbreviation, extra = {}) => ({ zone, clock, abbreviation, date: '2026-02-04', ...extra });

test("the time reads in the reader's zone, with the end where one was published", () => {
  const item = {
    time_precision: 'exact',
    local_start: view('America/New_York', '09:00', 'EST'),
    viewer_start: view('Asia/Karachi', '19:00', 'PKT'),
    viewer_end: view('Asia/Karachi', '20:30', 'PKT'),
  };
  assert.equal(whenText(item), '19:00–20:30 PKT · event time 09:00 EST');
  assert.equal(whenText({ ...item, time_precision: 'start_only' }), '19:00 PKT (end not published) · event time 09:00 EST');
  assert.equal(whenText({ ...item, time_precision: 'day' }), 'Time not published');
  const late = { ...item, viewer_start: view('Asia/Tokyo', '23:00', 'JST', { day_shift: 1 }), viewer_end: view('Asia/Tokyo', '00:30', 'JST') };
  assert.equal(whenText(late), '23:00–00:30 JST (+1 day) · event time 09:00 EST');
  const same = { ...item, viewer_start: item.local_start, viewer_end: view('America/New_York', '10:00', 'EST') };
  assert.equal(whenText(same), '09:00–10:00 EST', 'no second time when the zones agree');
});
