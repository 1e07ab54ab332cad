// The line under the map in mineral mode: the ministerial's combined share
// and the largest producer (or holder) that did not attend.

import { shareText, tableLabel } from '../format.js';

/** A world total with its unit ("2,600,000 thousand metric tons"), or what USGS says instead. */
function totalText(series) {
  const t = series.world_total;
  if (!t) return 'not given by USGS';
  return t.kind === 'number' || t.kind === 'range' || t.kind === 'bound' ? `${t.text} ${series.unit}` : t.description;
}

/** What the host's figure is, as a sentence; never a 0 for a marker. */
function hostText(p, bound) {
  if (!p.host_value) return 'The host has no USGS row of its own.';
  if (p.host_value.kind !== 'number' && p.host_value.kind !== 'zero') return `The host's figure is ${p.host_value.description}: no share.`;
  return `The host holds${bound} ${p.host_percent.toFixed(1)}%.`;
}

export function mineralSummary(mineral, series, measure, cells) {
  const verb = measure === 'reserves' ? 'reserves' : 'production';
  if (!series) return `USGS publishes no world ${verb} table for ${mineral.mineral.name}.`;
  const p = series.participants;
  const head = `${mineral.mineral.name}, ${tableLabel(measure, series.year, series.detail, mineral.mineral.name).replace(/^./, (c) => c.toLowerCase())} (${series.unit})`;
  const elsewhere = cells ? [...cells.values()].filter((c) => !c.inHeadline).length : 0;
  const others = elsewhere
    ? ` ${elsewhere} ${elsewhere === 1 ? 'country is' : 'countries are'} reported only in another table of ${series.year} (hover to see which).`
    : '';
  if (!p) return `${head}: the world total is ${totalText(series)}, so shares cannot be computed.${others}`;
  const bound = p.world_total_is_lower_bound ? ' at most' : '';
  const parts = [
    `${head}: world total ${totalText(series)}. The ministerial's participants hold${bound} ${p.participants_percent.toFixed(1)}% of it. ${hostText(p, bound)}`,
  ];
  if (p.largest_non_participant) {
    const n = p.largest_non_participant;
    parts.push(`Largest non-participant: ${n.name}, ${shareText({ percent: n.percent, at_most: p.world_total_is_lower_bound })}.`);
  }
  if (p.unreported_attendees.length) {
    parts.push(`Withheld or not available for ${p.unreported_attendees.length} attending ${p.unreported_attendees.length === 1 ? 'country' : 'countries'}, so the combined share is a lower bound.`);
  }
  if (series.total_warning) parts.push(series.total_warning);
  if (series.sum_note) parts.push(series.sum_note);
  if (series.world_total_erratum) parts.push(`World total corrected by ${series.world_total_erratum}.`);
  if (others) parts.push(others.trim());
  return parts.join(' ');
}

const LEVEL_WORDS = {
  highly_concentrated: 'highly concentrated',
  below_threshold: 'below the threshold of a highly concentrated market',
  undetermined: 'highly concentrated or not, depending on figures USGS does not give',
};

/**
 * The concentration line: the HHI (a range where "Other countries" or a
 * withheld figure leave it open), what it means against the named
 * threshold, and the top shares. '' when the table has none.
 */
export function concentrationText(c, measure, nameOf) {
  if (!c) return '';
  const int = (x) => Math.round(x).toLocaleString('en-US');
  const pct = (x) => `${x.toFixed(1)}%`;
  const range = (r, f) => (r.low === r.high ? f(r.low) : `${f(r.low)} to ${f(r.high)}`);
  const spread = c.hhi.low === c.hhi.high ? '' : ' (from the rest spread thinly to the rest as one producer)';
  const who = measure === 'reserves' ? 'holder' : 'producer';
  const top = c.top
    ? ` The largest ${who}, ${nameOf(c.top.iso3)}, has ${pct(c.top.percent)}${c.top_may_be_marked ? ' (a withheld or bounded figure could be larger)' : ''}; the top three named, ${range(c.top_three_percent, pct)}.`
    : '';
  const marked = c.marked.length
    ? ` ${c.marked.length} withheld or bounded ${c.marked.length === 1 ? 'figure is' : 'figures are'} counted as ranges.`
    : '';
  const base = c.total_from_rows ? ' Shares here are of the rows\' sum, which passes USGS\'s rounded world total.' : '';
  return `Concentration: HHI ${range(c.hhi, int)} of 10,000${spread}, ${LEVEL_WORDS[c.level] || c.level} (above ${int(c.threshold)}, as the US merger guidelines of 2023 put it).${top}${marked}${base}`;
}
