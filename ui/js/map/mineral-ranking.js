// The ranked table beside the map in mineral mode: every row of the
// headline USGS table, largest share first, with USGS's markers kept as
// they are (W, NA, ranges) and never ranked as if they were numbers.

import { h, clear } from '../dom.js';
import { shareText, tableLabel } from '../format.js';

const ROLE_WORDS = { host: 'Host', participant: 'Participant' };

/**
 * The rows of a series in reading order: countries with a share, largest
 * first (ties by name), ranked 1, 2, …; then countries whose figure has no
 * share (a marker, no world total), unranked; then "Other countries".
 */
export function rankedRows(series) {
  if (!series) return [];
  const countries = series.rows.filter((r) => r.country);
  const withShare = countries.filter((r) => r.share).sort((a, b) => b.share.percent - a.share.percent || a.name.localeCompare(b.name));
  const withoutShare = countries.filter((r) => !r.share).sort((a, b) => a.name.localeCompare(b.name));
  const others = series.rows.filter((r) => !r.country);
  const row = (r, rank) => ({
    rank,
    iso3: r.country || null,
    name: r.name,
    role: r.role || null,
    roleText: r.country ? ROLE_WORDS[r.role] || 'Did not attend' : '',
    value: r.value.kind === 'number' || r.value.kind === 'zero' || r.value.kind === 'range' || r.value.kind === 'bound' ? r.value.text : r.value.description,
    share: r.share ? shareText(r.share) : '—',
    qualifier: r.qualifier || null,
  });
  return [
    ...withShare.map((r, i) => row(r, i + 1)),
    ...withoutShare.map((r) => row(r, null)),
    ...others.map((r) => row(r, null)),
  ];
}

/**
 * Draws the table into `el`; a row's country opens with `onOpen(iso3)`, and
 * "Download CSV" calls `onExport(series)` (the backend writes the same table).
 */
export function renderRanking(el, series, measure, onOpen, mineralName = '', onExport = null) {
  clear(el);
  if (!series) return;
  const rows = rankedRows(series);
  if (onExport) {
    el.append(h('p', { class: 'table-actions' },
      h('button', { type: 'button', class: 'link-button', dataset: { exportTable: series.id }, onclick: () => onExport(series) }, 'Download this table (CSV)')));
  }
  el.append(h('table', { class: 'ranking', dataset: { measure } },
    h('caption', {}, `${tableLabel(measure, series.year, series.detail, mineralName)} (${series.unit}). Ranked by share of the world total; withheld or unavailable figures are listed unranked.`),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, '#'),
      h('th', { scope: 'col' }, 'Country'),
      h('th', { scope: 'col' }, 'Attended'),
      h('th', { scope: 'col', class: 'num' }, 'Figure'),
      h('th', { scope: 'col', class: 'num' }, 'Share'))),
    h('tbody', {}, rows.map((r) => h('tr', { dataset: { iso3: r.iso3 || '', role: r.role || 'none' } },
      h('td', { class: 'num' }, r.rank === null ? '–' : String(r.rank)),
      h('th', { scope: 'row' }, r.iso3
        ? h('button', { type: 'button', class: 'link-button', onclick: () => onOpen(r.iso3) }, r.name)
        : r.name, r.qualifier ? h('span', { class: 'muted' }, ` (${r.qualifier})`) : null),
      h('td', {}, r.roleText),
      h('td', { class: 'num' }, r.value),
      h('td', { class: 'num' }, r.share)))),
    series.world_total ? h('tfoot', {}, h('tr', {},
      h('td', {}),
      h('th', { scope: 'row' }, 'World total'),
      h('td', {}),
      h('td', { class: 'num' }, series.world_total.kind === 'number' ? series.world_total.text : series.world_total.description),
      h('td', { class: 'num' }, '100%'))) : null));
}
