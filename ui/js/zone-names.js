// What a reader types for a time zone, made an IANA name: the name itself
// (any case), a city the zone database names ("brussels", "new york"), or a
// capital it does not name. Pure.

/** Capitals and seats the IANA database names by another city. */
const CITY_ZONES = {
  washington: 'America/New_York',
  'washington dc': 'America/New_York',
  'washington d.c.': 'America/New_York',
  islamabad: 'Asia/Karachi',
  beijing: 'Asia/Shanghai',
  delhi: 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata',
  ottawa: 'America/Toronto',
  canberra: 'Australia/Sydney',
  'abu dhabi': 'Asia/Dubai',
  geneva: 'Europe/Zurich',
  'the hague': 'Europe/Amsterdam',
  astana: 'Asia/Almaty',
  rabat: 'Africa/Casablanca',
  'kuwait city': 'Asia/Kuwait',
  manama: 'Asia/Bahrain',
  doha: 'Asia/Qatar',
  muscat: 'Asia/Muscat',
  'cape town': 'Africa/Johannesburg',
  pretoria: 'Africa/Johannesburg',
  'sao paulo': 'America/Sao_Paulo',
  brasilia: 'America/Sao_Paulo',
  wellington: 'Pacific/Auckland',
  avarua: 'Pacific/Rarotonga',
};

const fold = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase();

/**
 * The IANA name for `text`, or `text` unchanged (trimmed) when nothing
 * matches, so the backend's refusal names what was typed.
 */
export function zoneFromInput(text, zones) {
  const typed = text.trim();
  const folded = fold(typed);
  if (!folded) return typed;
  const exact = zones.find((z) => z.toLowerCase() === folded);
  if (exact) return exact;
  if (CITY_ZONES[folded] && zones.includes(CITY_ZONES[folded])) return CITY_ZONES[folded];
  const city = folded.replace(/[\s-]+/g, '_');
  const byCity = zones.find((z) => z.includes('/') && z.slice(z.lastIndexOf('/') + 1).toLowerCase() === city);
  return byCity || typed;
}
