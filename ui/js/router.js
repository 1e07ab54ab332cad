// View state in the URL hash, so back and forward work: #/country/PAK.

export function parseHash(hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'country' && /^[A-Za-z]{3}$/.test(parts[1] || '')) {
    return { view: 'country', iso3: parts[1].toUpperCase() };
  }
  return { view: 'home' };
}

export function countryHash(iso3) {
  return `#/country/${encodeURIComponent(iso3)}`;
}
