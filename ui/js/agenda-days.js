// My agenda as a day list: the starred items grouped by day (the reader's
// day for a timed item, the event's date for one with only a date), and the
// items whose clash cannot be checked because a time was not published.
// Pure: no DOM.

import { dayShiftText } from './format.js';

/** The day an item is listed under (YYYY-MM-DD). */
export function agendaDay(item) {
  return item.time_precision === 'day' ? item.local_start.date : item.viewer_start.date;
}

/**
 * [{ day, items }] in the agenda's order (the backend sorts by start), each
 * item with `sameDayUntimed`: the titles of other items that day when this
 * one or they have no published time, so a clash cannot be computed.
 */
export function agendaDays(items) {
  const days = [];
  for (const item of items) {
    const day = agendaDay(item);
    let group = days.find((d) => d.day === day);
    if (!group) {
      group = { day, items: [] };
      days.push(group);
    }
    group.items.push(item);
  }
  for (const group of days) {
    group.items = group.items.map((item) => ({
      ...item,
      sameDayUntimed: group.items
        .filter((other) => other !== item && (item.time_precision === 'day' || other.time_precision === 'day'))
        .map((other) => other.title),
    }));
  }
  return days;
}

const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "Wednesday 4 February 2026" for "2026-02-04". */
export function dayHeading(day) {
  const [y, m, d] = day.split('-').map(Number);
  return WEEKDAY.format(new Date(Date.UTC(y, m - 1, d))).replace(',', '');
}

/**
 * "09:00–10:00 EST" in the reader's zone (an end only where one was
 * published), then the event's own time when its zone differs.
 */
export function whenText(item) {
  if (item.time_precision === 'day') return 'Time not published';
  const end = item.time_precision === 'exact' && item.viewer_end ? `–${item.viewer_end.clock}` : '';
  const unknownEnd = item.time_precision === 'start_only' ? ' (end not published)' : '';
  const own = `${item.viewer_start.clock}${end} ${item.viewer_start.abbreviation}${dayShiftText(item.viewer_start)}${unknownEnd}`;
  return item.viewer_start.zone === item.local_start.zone ? own : `${own} · event time ${item.local_start.clock} ${item.local_start.abbreviation}`;
}
