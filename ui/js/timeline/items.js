// What the timeline draws and the presets it offers, from the backend's
// views alone: pure functions, no DOM. Times are epoch milliseconds.

/**
 * Timeline items from each event's sessions and the timeline entries. An
 * entry with sessions is drawn through them. `events` marks which
 * conferences were imported.
 */
export function timelineItems(sessionsByEvent, entries, events) {
  const imported = new Set(events.filter((e) => e.imported).map((e) => e.id));
  const items = [];
  for (const s of sessionsByEvent.flat()) {
    items.push({
      key: `session:${s.id}`, type: 'session', id: s.id, title: s.title, kind: s.kind, status: s.status_as_of ? 'past' : s.status,
      precision: s.time_precision, start: Date.parse(s.local_start.local), end: Date.parse(s.local_end.local),
      countries: s.countries, event: s.event, imported: imported.has(s.event), unverified: !!s.unverified,
      when: s.time_precision === 'day' ? s.local_start.date : `${s.local_start.date} ${s.local_start.clock} ${s.local_start.abbreviation}`,
    });
  }
  for (const t of entries) {
    if (t.sessions.length) continue; // shown through its sessions
    items.push({
      key: `entry:${t.id}`, type: 'entry', id: t.id, title: t.title, kind: t.kind, status: t.status_as_of ? 'past' : t.status,
      precision: t.time_precision, start: Date.parse(t.local_start.local), end: Date.parse(t.local_end.local),
      countries: t.countries, when: t.local_start.date,
      unverified: !!t.unverified,
    });
  }
  return items;
}

const dayLabel = (date) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/**
 * The timeline's preset spans: each curated event that has sessions, the
 * primary event's days when it has more than one, then each imported
 * conference. `{ id, label, title, start, end, imported }`.
 */
export function timelinePresets(events) {
  const span = (s) => ({ start: Date.parse(s.start_utc), end: Date.parse(s.end_utc) });
  const presets = [];
  for (const e of events.filter((ev) => !ev.imported && ev.span && (ev.primary || ev.session_count > 0))) {
    presets.push({ id: `event:${e.id}`, label: e.short_title, title: `Show ${e.title} (${e.time_zone})`, ...span(e.span), imported: false });
    if (e.primary && e.day_spans.length > 1) {
      for (const d of e.day_spans) {
        presets.push({ id: d.date, label: dayLabel(d.date), title: `Show ${dayLabel(d.date)}, ${e.short_title}`, ...span(d), imported: false });
      }
    }
  }
  for (const e of events.filter((ev) => ev.imported && ev.span)) {
    presets.push({ id: `event:${e.id}`, label: e.short_title, title: `Show ${e.short_title} (imported)`, ...span(e.span), imported: true });
  }
  return presets;
}
