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

// The stage a USGS table header names, most specific first.
const STAGES = [
  [/refinery production/i, 'Refinery production'], [/smelter production/i, 'Smelter production'],
  [/plant production/i, 'Plant production'], [/primary production/i, 'Primary production'],
  [/mine production/i, 'Mine production'], [/refinery capacity/i, 'Refinery capacity'],
  [/smelter capacity/i, 'Smelter capacity'], [/yearend capacity/i, 'Year-end capacity'],
  [/production capacity/i, 'Capacity'], [/reserves/i, 'Reserves'], [/capacity/i, 'Capacity'], [/production/i, 'Production'],
];
const UNIT_WORDS = /^(thousand|million|billion|metric|tons?|kilograms?|liters?|cubic|carats?)\b/i;

/**
 * A USGS table header as a plain label: the stage and year, then what the
 * table counts when USGS names it ("Mine production 2025 · Ilmenite",
 * "Refinery production 2025 · Alumina", "Reserves 2025 · Crude ore"). The
 * units go (the value carries them), a basis stays ("gross weight"); a
 * header that is a sentence of USGS's is kept whole after the stage.
 */
export function tableLabel(statistic, year, detail, mineralName = '') {
  const { stage, what } = tableParts(statistic, detail, mineralName);
  return what ? `${stage} ${year} · ${what}` : `${stage} ${year}`;
}

/** A table's name without its year ("Mine production · Rutile"), as `tableLabel` words it. */
export function tableName(statistic, detail, mineralName = '') {
  const { stage, what } = tableParts(statistic, detail, mineralName);
  return what ? `${stage} · ${what}` : stage;
}

/** { stage, what } of a USGS table header; `what` is '' when the header names only the stage. */
function tableParts(statistic, detail, mineralName) {
  const text = String(detail || '').trim();
  const match = STAGES.find(([re]) => re.test(text));
  const stage = match ? match[1] : statisticLabel(statistic);
  if (/\b(was|were|is|are)\b/.test(text)) return { stage, what: text };
  // "(thousand metric tons, gross weight)" → "(gross weight)"; "(million metric tons)" → "".
  let rest = text.replace(/\s*\(([^)]*)\)/g, (all, inner) => {
    const parts = inner.split(',').map((p) => p.trim());
    if (!UNIT_WORDS.test(parts[0] || '')) return ` (${inner})`;
    return parts.length > 1 ? ` (${parts.slice(1).join(', ')})` : '';
  });
  if (match) rest = rest.replace(match[0], ' ');
  rest = rest
    .replace(/^[\p{L} ]+’s\s+/u, '') // "Australia’s reserves (…)": whose it is, the row already says
    .replace(/^\s*(global|world)\b/i, '')
    .replace(/^[\s,:—–-]*(for|of)\s+/i, '')
    .replace(/\s+([,:)])/g, '$1')
    .replace(/[,:—–-]\s*\(/g, ' (')
    .replace(/^[\s,:—–-]+|[\s,:—–-]+$/g, '')
    .replace(/\s{2,}/g, ' ');
  if (/^\(.*\)$/.test(rest) && !rest.slice(1, -1).includes('(')) rest = rest.slice(1, -1);
  if (!rest || rest.toLowerCase() === mineralName.toLowerCase()) return { stage, what: '' };
  return { stage, what: `${rest.charAt(0).toUpperCase()}${rest.slice(1)}` };
}

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(n) {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th';
  return `${n}${suffix}`;
}
