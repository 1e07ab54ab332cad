// Shading by share of the world total: fixed classes so the legend reads the
// same for every mineral. Pure functions.

import { tableName } from '../format.js';

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

/**
 * iso3 → what the map says of that country for a mineral and measure, from
 * the backend's cells: its row in the headline table (with its share when
 * there is one), or its row in another table of the same year. A country
 * missing from the map has no USGS row at all.
 */
export function cellsByCountry(mineral, measure) {
  const out = new Map();
  const cells = (measure === 'reserves' ? mineral.cells_reserves : mineral.cells_production) || [];
  for (const c of cells) {
    out.set(c.country, {
      percent: c.in_headline && c.share ? c.share.percent : null,
      atMost: !!(c.share && c.share.at_most),
      text: c.value.description,
      valueText: c.value.text,
      kind: c.value.kind,
      unit: c.unit,
      inHeadline: c.in_headline,
      detail: c.detail,
      table: tableName(measure, c.detail),
      qualifier: c.qualifier || null,
      share: c.share,
    });
  }
  return out;
}

/** The hover text of one country in mineral mode (after its name). */
export function cellText(cell) {
  if (!cell) return 'not reported separately by USGS (no row; not a zero)';
  const amount = cell.kind === 'number' || cell.kind === 'zero' || cell.kind === 'range' || cell.kind === 'bound'
    ? `${cell.valueText} ${cell.unit}` : cell.text;
  const qualifier = cell.qualifier ? ` (${cell.qualifier})` : '';
  if (!cell.inHeadline) {
    const share = cell.share ? `, ${cell.share.at_most ? '≤ ' : ''}${cell.share.percent}% of that table's world total` : '';
    return `not in this table; reported under "${cell.table}": ${amount}${qualifier}${share}`;
  }
  if (cell.percent === null) return `${amount}${qualifier}; no world share (${cell.share ? 'see table' : 'USGS gives no number to divide, or no world total'})`;
  return `${cell.atMost ? '≤ ' : ''}${cell.percent}% of world; ${amount}${qualifier}`;
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
