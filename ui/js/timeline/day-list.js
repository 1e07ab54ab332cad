// The schedule as a day list (as Sched, Giggity and FOSDEM Companion show
// one): a heading per day in the event's own calendar, the items known only
// to the day first ("time not published"), then the timed ones by start.
// `scheduleDays` is pure; `renderDayList` draws it.

import { h, clear } from '../dom.js';
import { statusBadge, unverifiedMarkIf } from '../sources.js';
import { dayHeading } from '../agenda-days.js';
import { entryKindLabel } from '../format.js';

/** The local date of an item ("2026-02-04"), from its `when` ("2026-02-04 09:00 EST"). */
const dayOf = (item) => item.when.slice(0, 10);

/** [{ day, untimed: [...], timed: [...] }], days in order, untimed by title, timed by start. */
export function scheduleDays(items) {
  const byDay = new Map();
  for (const item of items) {
    const day = dayOf(item);
    if (!byDay.has(day)) byDay.set(day, { day, untimed: [], timed: [] });
    byDay.get(day)[item.precision === 'day' ? 'untimed' : 'timed'].push(item);
  }
  const days = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  for (const d of days) {
    d.untimed.sort((a, b) => a.title.localeCompare(b.title));
    d.timed.sort((a, b) => a.start - b.start || a.title.localeCompare(b.title));
  }
  return days;
}

/** "09:00 EST" from an item's `when`. */
const clockOf = (item) => item.when.slice(11);

function row(item, onOpen, selectedKey) {
  return h('li', { class: 'day-item', dataset: { key: item.key } },
    h('span', { class: 'day-time' }, item.precision === 'day' ? 'All day' : clockOf(item)),
    h('span', { class: 'day-body' },
      h('button', {
        type: 'button',
        class: 'link-button day-open',
        dataset: item.type === 'session' ? { sessionId: item.id } : { timelineId: item.id },
        'aria-current': item.key === selectedKey ? 'true' : null,
        onclick: () => onOpen(item),
      }, item.title),
      h('span', { class: 'day-meta' }, entryKindLabel(item.kind), ' ', statusBadge(item.status),
        unverifiedMarkIf(item.unverified))));
}

export function renderDayList(container, items, onOpen, selectedKey = null) {
  clear(container);
  const days = scheduleDays(items);
  if (!days.length) {
    container.append(h('p', { class: 'muted' }, 'Nothing on the schedule.'));
    return;
  }
  for (const d of days) {
    container.append(h('section', { class: 'day', dataset: { day: d.day } },
      h('h3', { class: 'day-heading' }, dayHeading(d.day)),
      d.untimed.length ? h('p', { class: 'day-sub' }, `${d.untimed.length === 1 ? 'One item' : `${d.untimed.length} items`}, time not published`) : null,
      d.untimed.length ? h('ul', { class: 'day-items' }, d.untimed.map((i) => row(i, onOpen, selectedKey))) : null,
      d.timed.length ? h('ul', { class: 'day-items' }, d.timed.map((i) => row(i, onOpen, selectedKey))) : null));
  }
}

/** Marks the open item (`session:<id>` / `entry:<id>`) in a drawn list. */
export function selectInDayList(container, key) {
  for (const b of container.querySelectorAll('.day-open[aria-current]')) b.removeAttribute('aria-current');
  const row = key ? container.querySelector(`.day-item[data-key="${CSS.escape(key)}"] .day-open`) : null;
  if (row) row.setAttribute('aria-current', 'true');
}
