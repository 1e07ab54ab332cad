// The session panel: when (in the event's zone and the reader's, side by
// side), where, who spoke, which countries, what came of it, status, sources.

import { append, h, clear } from './dom.js';
import { dateText, dayShiftText, entryKindLabel, statusLabel } from './format.js';
import { sourceList, statusBadge } from './sources.js';
import { noteEditor, starButton } from './item-actions.js';


function clock(view, precision) {
  if (precision === 'day') return `${dateText(view.date)}, time not published`;
  return `${dateText(view.date)}, ${view.clock} ${view.abbreviation}`;
}

export function whenTable(local, viewer, end, viewerEnd, precision) {
  const rows = [
    h('tr', { dataset: { zone: local.zone } },
      h('th', { scope: 'row' }, `Event time (${local.zone})`),
      h('td', { class: 'time-local' }, clock(local, precision),
        precision === 'exact' && end ? `–${end.clock}` : '')),
  ];
  if (viewer && viewer.zone !== local.zone) {
    rows.push(h('tr', { dataset: { zone: viewer.zone } },
      h('th', { scope: 'row' }, `Your time (${viewer.zone})`),
      h('td', { class: 'time-viewer' }, precision === 'day' ? `${dateText(local.date)} in the event's zone` : clock(viewer, precision),
        precision === 'exact' && viewerEnd ? `–${viewerEnd.clock}` : '',
        precision === 'day' ? '' : h('strong', { class: 'day-shift' }, dayShiftText(viewer)))));
  }
  const note = precision === 'start_only' ? 'The start time was published; the end was not.'
    : precision === 'day' ? 'Only the date is known: no time was published.' : null;
  return [h('table', { class: 'when' }, h('tbody', {}, rows)), note ? h('p', { class: 'muted' }, note) : null];
}

/**
 * Draws what a session's panel shows first (title, when, speakers) and
 * returns `finish`, which draws the rest (countries, outcome, sources, note)
 * and marks the panel complete (`data-panel`, `data-session-id`). As with a
 * country's panel, the caller runs `finish` a frame later, so the click's
 * frame lays out and paints only what is seen first.
 */
export function renderSessionPanel(panel, s, ctx) {
  clear(panel);
  for (const k of ['panel', 'iso3', 'sessionId', 'timelineId']) delete panel.dataset[k];
  const starred = ctx.isStarred('session', s.id);
  append(panel, [
    h('header', { class: 'panel-header' },
      h('div', {},
        h('h2', { class: 'panel-title', id: 'panel-title' }, s.title),
        h('p', { class: 'panel-meta' }, `${entryKindLabel(s.kind)} · ${s.event_title} `, statusBadge(s.status, s.status_as_of)),
        s.event_date_note ? h('p', { class: 'notes event-days' }, 'The event\'s days: ', s.event_date_status ? statusBadge(s.event_date_status) : null, ` ${s.event_date_note}`) : null),
      h('button', { class: 'close', type: 'button', title: 'Close (Esc)', 'aria-label': 'Close panel', onclick: ctx.onClose }, '×')),
    h('section', { class: 'panel-section' },
      h('h3', {}, 'When'),
      whenTable(s.local_start, s.viewer_start, s.local_end, s.viewer_end, s.time_precision),
      s.venue ? h('p', {}, h('strong', {}, 'Where: '), s.venue) : null,
      h('div', { class: 'item-actions' }, starButton(starred, (on) => ctx.setStar('session', s.id, on)))),
    h('section', { class: 'panel-section' },
      h('h3', {}, 'Speakers'),
      s.speakers.length
        ? h('ul', { class: 'speakers' }, s.speakers.map((sp) => h('li', {}, h('strong', {}, sp.person.name), `, ${sp.person.title}`, sp.role ? h('span', { class: 'muted' }, ` — ${sp.role}`) : null)))
        : h('p', { class: 'muted' }, 'No speaker is named in the sources.')),
  ]);
  return () => finishSession(panel, s, ctx);
}

function finishSession(panel, s, ctx) {
  append(panel, [
    h('section', { class: 'panel-section' },
      h('h3', {}, 'Countries'),
      h('ul', { class: 'country-chips' }, s.country_refs.map((c) =>
        h('li', {}, h('button', { type: 'button', class: 'chip', dataset: { iso3: c.iso3 }, onclick: () => ctx.openCountry(c.iso3) }, c.name))))),
    h('section', { class: 'panel-section' },
      h('h3', {}, 'What happened'),
      h('p', {}, s.summary_text),
      s.outcomes.length ? h('ul', { class: 'outcomes' }, s.outcomes.map((o) => h('li', {}, o))) : null,
      s.status_note ? h('p', { class: 'notes' }, `${s.status_as_of ? 'Announced' : statusLabel(s.status)}: ${s.status_note}`) : null),
    h('section', { class: 'panel-section' },
      h('h3', {}, `Sources (${s.sources.length})`),
      sourceList(s.sources, ctx.onError)),
    h('section', { class: 'panel-section' },
      h('h3', {}, 'Note'),
      noteEditor(`session:${s.id}`, ctx.note(`session:${s.id}`), (text) => ctx.setNote(`session:${s.id}`, text))),
  ]);
  panel.dataset.panel = 'session';
  panel.dataset.sessionId = s.id;
}

/** A timeline entry's panel, drawn as a session's is: title and when first, then `finish`. */
export function renderEntryPanel(panel, t, ctx) {
  clear(panel);
  for (const k of ['panel', 'iso3', 'sessionId', 'timelineId']) delete panel.dataset[k];
  append(panel, [
    h('header', { class: 'panel-header' },
      h('div', {},
        h('h2', { class: 'panel-title', id: 'panel-title' }, t.title),
        h('p', { class: 'panel-meta' }, `${entryKindLabel(t.kind)} `, statusBadge(t.status, t.status_as_of))),
      h('button', { class: 'close', type: 'button', title: 'Close (Esc)', 'aria-label': 'Close panel', onclick: ctx.onClose }, '×')),
    h('section', { class: 'panel-section' },
      h('h3', {}, 'When'),
      whenTable(t.local_start, t.viewer_start, null, null, t.time_precision),
      t.status_note ? h('p', { class: 'notes' }, t.status_note) : null,
      h('div', { class: 'item-actions' }, starButton(ctx.isStarred('timeline', t.id), (on) => ctx.setStar('timeline', t.id, on)))),
  ]);
  return () => finishEntry(panel, t, ctx);
}

function finishEntry(panel, t, ctx) {
  append(panel, [
    t.sessions.length ? h('section', { class: 'panel-section' },
      h('h3', {}, 'Sessions'),
      h('ul', {}, t.sessions.map((id) => h('li', {}, h('button', { type: 'button', class: 'link-button', dataset: { sessionId: id }, onclick: () => ctx.openSession(id) }, ctx.sessionTitle ? ctx.sessionTitle(id) : id))))) : null,
    h('section', { class: 'panel-section' },
      h('h3', {}, 'Countries'),
      h('ul', { class: 'country-chips' }, t.countries.map((iso3) =>
        h('li', {}, h('button', { type: 'button', class: 'chip', dataset: { iso3 }, onclick: () => ctx.openCountry(iso3) }, ctx.countryName(iso3)))))),
    h('section', { class: 'panel-section' },
      h('h3', {}, `Sources (${t.sources.length})`),
      sourceList(t.sources, ctx.onError)),
  ]);
  panel.dataset.panel = 'timeline';
  panel.dataset.timelineId = t.id;
}
