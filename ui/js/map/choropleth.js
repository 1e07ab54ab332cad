// Shading by share of the world total: fixed classes so the legend reads the
// same for every mineral. Pure functions.

export const SHARE_CLASSES = [
  { min: 50, label: '50% or more' },
  { min: 25, label: '25–50%' },
  { min: 10, label: '10–25%' },
  { min: 5, label: '5–10%' },
  { min: 1, label: '1–5%' },
  { min: 0, label: 'under 1% (or zero)' },
];

/** The class index (0 = largest) of a share in percent; null when there is none. */
export function shareClass(percent) {
  if (percent === null || percent === undefined || Number.isNaN(percent)) return null;
  return SHARE_CLASSES.findIndex((c) => percent >= c.min);
}

/** iso3 → { percent, atMost, text } for one series view from the backend. */
export function sharesBySeries(series) {
  const out = new Map();
  if (!series) return out;
  for (const row of series.rows) {
    if (!row.country) continue;
    out.set(row.country, {
      percent: row.share ? row.share.percent : null,
      atMost: !!(row.share && row.share.at_most),
      text: row.value.description,
    });
  }
  return out;
}

/** The headline series of a mineral for a measure, or null. */
export function headlineSeries(mineral, measure) {
  const id = measure === 'reserves' ? mineral.headline_reserves : mineral.headline_production;
  return mineral.series.find((s) => s.id === id) || null;
}
