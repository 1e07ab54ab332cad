// View state in the URL hash, so back and forward work. Examples:
//   #/map/country/PAK   #/map/mineral/cobalt/reserves   #/timeline/session/cmm-0204-opening
//   #/agenda            #/timeline/entry/tl-20260220-india-formally-joins-pax-silica
//   #/timeline/axis     (the time axis; the day list is the timeline's default)
// One panel at a time: country, session or entry.

const MEASURES = new Set(['production', 'reserves']);
const VIEWS = new Set(['map', 'timeline', 'agenda']);
const ID = /^[A-Za-z0-9-]{1,128}$/;

export const EMPTY_STATE = Object.freeze({ view: 'map', panel: null, mineral: null, measure: 'production', schedule: 'list' });

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
    } else if (key === 'country' && /^[A-Za-z]{3}$/.test(value)) {
      state.panel = { type: 'country', id: value.toUpperCase() };
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
  if (s.view === 'timeline' && s.schedule === 'axis') parts.push('axis');
  if (s.mineral) parts.push('mineral', encodeURIComponent(s.mineral), s.measure);
  if (s.panel) parts.push(s.panel.type, encodeURIComponent(s.panel.id));
  return `#/${parts.join('/')}`;
}

export function countryHash(iso3) {
  return toHash({ panel: { type: 'country', id: iso3 } });
}
