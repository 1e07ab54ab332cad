// View state in the URL hash, so back and forward work:
// #/country/PAK, #/mineral/cobalt/reserves, or both: #/mineral/cobalt/reserves/country/PAK.

const MEASURES = new Set(['production', 'reserves']);

export function parseHash(hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return '';
    }
  });
  const state = { country: null, mineral: null, measure: 'production' };
  for (let i = 0; i < parts.length; i += 1) {
    if (parts[i] === 'country' && /^[A-Za-z]{3}$/.test(parts[i + 1] || '')) {
      state.country = parts[i + 1].toUpperCase();
      i += 1;
    } else if (parts[i] === 'mineral' && /^[a-z0-9-]{1,64}$/.test(parts[i + 1] || '')) {
      state.mineral = parts[i + 1];
      i += 1;
      if (MEASURES.has(parts[i + 1])) {
        state.measure = parts[i + 1];
        i += 1;
      }
    }
  }
  return state;
}

export function toHash({ country = null, mineral = null, measure = 'production' }) {
  const parts = [];
  if (mineral) parts.push('mineral', encodeURIComponent(mineral), measure);
  if (country) parts.push('country', encodeURIComponent(country));
  return parts.length ? `#/${parts.join('/')}` : '#/';
}

/** Kept for callers that only open a country. */
export function countryHash(iso3) {
  return toHash({ country: iso3 });
}
