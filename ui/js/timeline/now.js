// "Now and next": where the present stands against the events. Pure.

const DAY = 86400e3;

/** YYYY-MM-DD of an instant in a zone. From parts: locales format whole dates differently (WebKit's en-CA is 11/27/2026). */
export function zonedDate(ms, timeZone) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(ms));
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function spanText(ms) {
  const days = Math.round(Math.abs(ms) / DAY);
  if (days < 1) return 'less than a day';
  if (days < 60) return `${days} day${days === 1 ? '' : 's'}`;
  const months = Math.round(days / 30.44);
  return `${months} month${months === 1 ? '' : 's'}`;
}

/**
 * @param events [{ id, short_title, start, end, time_zone }] (dates YYYY-MM-DD)
 * @param items timeline items with { start, title } (ms)
 * @param now ms
 * @returns { state: 'during'|'before'|'after'|'between', text, nowMs, next: [items] }
 */
export function nowAndNext(events, items, now) {
  const sorted = [...events].sort((a, b) => a.start.localeCompare(b.start));
  for (const e of sorted) {
    const today = zonedDate(now, e.time_zone);
    if (today >= e.start && today <= e.end) {
      const next = items.filter((i) => i.start >= now).sort((a, b) => a.start - b.start).slice(0, 3);
      return {
        state: 'during',
        text: `Now: ${e.short_title}, ${today}.${next.length ? ` Next: ${next.map((i) => i.title).join('; ')}.` : ''}`,
        nowMs: now,
        next,
      };
    }
  }
  const upcoming = sorted.find((e) => zonedDate(now, e.time_zone) < e.start);
  const past = [...sorted].reverse().find((e) => zonedDate(now, e.time_zone) > e.end);
  const at = (date) => Date.parse(`${date}T00:00:00Z`);
  if (upcoming && !past) {
    return { state: 'before', text: `${upcoming.short_title} starts in ${spanText(at(upcoming.start) - now)} (${upcoming.start}).`, nowMs: now, next: [] };
  }
  if (past && !upcoming) {
    return { state: 'after', text: `The last event here, ${past.short_title}, ended ${spanText(now - at(past.end))} ago (${past.end}).`, nowMs: now, next: [] };
  }
  if (past && upcoming) {
    return { state: 'between', text: `${past.short_title} ended ${spanText(now - at(past.end))} ago; ${upcoming.short_title} starts in ${spanText(at(upcoming.start) - now)}.`, nowMs: now, next: [] };
  }
  return { state: 'after', text: '', nowMs: now, next: [] };
}
