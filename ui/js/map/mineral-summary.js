// The line under the map in mineral mode: the ministerial's combined share
// and the largest producer (or holder) that did not attend.

import { shareText } from '../format.js';

export function mineralSummary(mineral, series, measure) {
  const verb = measure === 'reserves' ? 'reserves' : 'production';
  if (!series) return `USGS publishes no world ${verb} table for ${mineral.mineral.name}.`;
  const p = series.participants;
  const head = `${mineral.mineral.name}, ${verb} ${series.year} (${series.detail}, ${series.unit})`;
  if (!p) return `${head}: the world total is ${series.world_total ? series.world_total.description : 'not given'}, so shares cannot be computed.`;
  const bound = p.world_total_is_lower_bound ? ' at most' : '';
  const parts = [
    `${head}: the ministerial's participants hold${bound} ${p.participants_percent.toFixed(1)}% and the host${bound} ${p.host_percent.toFixed(1)}% of the world total (${p.ministerial_percent.toFixed(1)}% together).`,
  ];
  if (p.largest_non_participant) {
    const n = p.largest_non_participant;
    parts.push(`Largest non-participant: ${n.name}, ${shareText({ percent: n.percent, at_most: p.world_total_is_lower_bound })}.`);
  }
  if (p.unreported_attendees.length) {
    parts.push(`Withheld or not available for ${p.unreported_attendees.length} attending ${p.unreported_attendees.length === 1 ? 'country' : 'countries'}, so the combined share is a lower bound.`);
  }
  if (series.total_warning) parts.push(series.total_warning);
  return parts.join(' ');
}
