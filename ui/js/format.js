// Formatting of dataset values for people. Pure functions.

const STATUS_LABELS = {
  confirmed: 'Confirmed',
  reported: 'Reported',
  uncertain: 'Uncertain',
  scheduled: 'Scheduled',
  past: 'Past (announced as scheduled)',
};

export function statusLabel(status) {
  return STATUS_LABELS[status] || status;
}

const ROLE_LABELS = { host: 'Host', participant: 'Participant', observer: 'Observer' };
export function roleLabel(role) {
  return role ? ROLE_LABELS[role] || role : 'Did not attend';
}

const KIND_LABELS = {
  framework: 'Framework',
  mou: 'MOU',
  framework_or_mou: 'Framework or MOU',
  declaration: 'Declaration',
  partnership: 'Partnership',
  initiative: 'Initiative',
};
export function agreementKindLabel(kind) {
  return KIND_LABELS[kind] || kind;
}

const ENTRY_KIND_LABELS = {
  plenary: 'Plenary session', remarks: 'Remarks', bilateral: 'Bilateral meeting', meeting: 'Meeting',
  signing: 'Signing', press_conference: 'Press availability', briefing: 'Briefing', forum: 'Forum',
  announcement: 'Announcement', publication: 'Publication', delegation: 'Delegation', agreement: 'Agreement',
};
/** What a session or timeline entry is, in words ("Press availability"). */
export function entryKindLabel(kind) {
  return ENTRY_KIND_LABELS[kind] || kind;
}

/** " (+1 day)" when a time falls on another day in the reader's zone, else "". */
export function dayShiftText(view) {
  if (!view || !view.day_shift) return '';
  return view.day_shift > 0 ? ` (+${view.day_shift} day)` : ` (${view.day_shift} day)`;
}

/** "34.12%" or "≤ 58.67%" when the world total is a lower bound. */
export function shareText(share) {
  if (!share) return 'share not computable';
  const pct = `${share.percent.toFixed(share.percent >= 10 ? 1 : 2)}%`;
  return share.at_most ? `≤ ${pct}` : pct;
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "2026-02-04" → "4 February 2026". */
export function dateText(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return DATE_FORMAT.format(new Date(Date.UTC(y, m - 1, d)));
}

/** "3–4 February 2026", "30 March – 2 April 2026", "4 February 2026". */
export function dateRangeText(start, end) {
  if (!end || start === end) return dateText(start);
  const [ys, ms, ds] = start.split('-').map(Number);
  const [ye, me] = end.split('-').map(Number);
  const full = dateText(end);
  if (ys !== ye) return `${dateText(start)} – ${full}`;
  if (ms !== me) return `${DATE_FORMAT.format(new Date(Date.UTC(ys, ms - 1, ds))).replace(/ \d{4}$/, '')} – ${full}`;
  return `${ds}–${full}`;
}

/**
 * An instant ("2026-04-08T04:00:00Z") as a person reads it in `zone`:
 * "8 April 2026, 09:00 GMT+5". Anything unreadable is returned as given.
 */
export function instantText(iso, zone) {
  const when = new Date(iso);
  if (!iso || Number.isNaN(when.getTime())) return iso || '';
  try {
    return new Intl.DateTimeFormat('en-GB', {
      day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone, timeZoneName: 'short',
    }).format(when).replace(' at ', ', ');
  } catch {
    return iso;
  }
}

export function statisticLabel(statistic) {
  return { production: 'Production', reserves: 'Reserves', capacity: 'Capacity' }[statistic] || statistic;
}
