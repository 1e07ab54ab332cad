// View state in the URL hash, so back and forward work. Examples:
//   #/map/country/PAK   #/map/mineral/cobalt/reserves   #/timeline/session/cmm-0204-opening
//   #/agenda            #/timeline/entry/tl-20260220-india-formally-joins-pax-silica
//   #/timeline/axis     (the time axis; the day list is the timeline's default)
//   #/timeline/axis/preset/event%3Apmif-2026    (the axis on a preset's span)
//   #/timeline/axis/span/20260203T1200-20260205T0000   (a span zoomed to, UTC minutes)
// One panel at a time: country, session, entry, or two countries compared (compare/PAK+COD).

const MEASURES = new Set(['production', 'reserves']);
const VIEWS = new Set(['map', 'timeline', 'agenda']);
const ID = /^[A-Za-z0-9-]{1,128}$/;

const PRESET = /^[A-Za-z0-9:_-]{1,128}$/;
const SPAN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})$/;

export const EMPTY_STATE = Object.freeze({ view: 'map', panel: null, mineral: null, measure: 'production', schedule: 'list', preset: null, span: null });

/** "20260203T1200" (UTC, to the minute) for an instant in epoch ms. */
export function spanStamp(ms) {
  const iso = new Date(ms).toISOString(); // 2026-02-03T12:00:00.000Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/** [startMs, endMs] from "20260203T1200-20260205T0000", or null unless a real, ordered span. */
export function parseSpan(text) {
  const m = SPAN.exec(text);
  if (!m) return null;
  const n = m.slice(1).map(Number);
  const at = (y, mo, d, hh, mm) => {
    const t = Date.UTC(y, mo - 1, d, hh, mm);
    // Date.UTC rolls 31 February over into March: refuse what it had to roll.
    return spanStamp(t) === `${String(y).padStart(4, '0')}${String(mo).padStart(2, '0')}${String(d).padStart(2, '0')}T${String(hh).padStart(2, '0')}${String(mm).padStart(2, '0')}` ? t : NaN;
  };
  const t0 = at(...n.slice(0, 5));
  const t1 = at(...n.slice(5));
  return Number.isFinite(t0) && Number.isFinite(t1) && t0 < t1 ? [t0, t1] : null;
}

export function parseHash(hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return '';
    }
  });
  const state = { ...EMPTY_STATE };
  let i = 0;
  if (VIEWS.has(parts[0])) {
    state.view = parts[0];
    i = 1;
  }
  for (; i < parts.length; i += 1) {
    const key = parts[i];
    const value = parts[i + 1] || '';
    if (key === 'axis' && state.view === 'timeline') {
      state.schedule = 'axis';
    } else if (key === 'preset' && state.schedule === 'axis' && PRESET.test(value)) {
      state.preset = value;
      state.span = null;
      i += 1;
    } else if (key === 'span' && state.schedule === 'axis' && parseSpan(value)) {
      state.span = parseSpan(value);
      state.preset = null;
      i += 1;
    } else if (key === 'country' && /^[A-Za-z]{3}$/.test(value)) {
      state.panel = { type: 'country', id: value.toUpperCase() };
      i += 1;
    } else if (key === 'compare' && /^[A-Za-z]{3}\+[A-Za-z]{3}$/.test(value)) {
      state.panel = { type: 'compare', id: value.toUpperCase() };
      i += 1;
    } else if ((key === 'session' || key === 'entry') && ID.test(value)) {
      state.panel = { type: key, id: value };
      i += 1;
    } else if (key === 'mineral' && /^[a-z0-9-]{1,64}$/.test(value)) {
      state.mineral = value;
      i += 1;
      if (MEASURES.has(parts[i + 1])) {
        state.measure = parts[i + 1];
        i += 1;
      }
    }
  }
  return state;
}

export function toHash(state) {
  const s = { ...EMPTY_STATE, ...state };
  const parts = [s.view];
  if (s.view === 'timeline' && s.schedule === 'axis') {
    parts.push('axis');
    if (s.preset) parts.push('preset', encodeURIComponent(s.preset));
    else if (s.span) parts.push('span', `${spanStamp(s.span[0])}-${spanStamp(s.span[1])}`);
  }
  if (s.mineral) parts.push('mineral', encodeURIComponent(s.mineral), s.measure);
  if (s.panel) parts.push(s.panel.type, encodeURIComponent(s.panel.id));
  return `#/${parts.join('/')}`;
}

export function countryHash(iso3) {
  return toHash({ panel: { type: 'country', id: iso3 } });
}
