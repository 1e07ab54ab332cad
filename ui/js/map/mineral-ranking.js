// The ranked table beside the map in mineral mode: every row of the
// headline USGS table, largest share first, with USGS's markers kept as
// they are (W, NA, ranges) and never ranked as if they were numbers.

import { h, clear } from '../dom.js';
import { shareText, tableLabel } from '../format.js';
import { changeText } from './bar-chart.js';

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
    // For sorting: the number where USGS gives one, the share, the change.
    number: (r.value.kind === 'number' || r.value.kind === 'zero') && typeof r.value.number === 'number' ? r.value.number : null,
    sharePercent: r.share ? r.share.percent : null,
    changePercent: typeof r.change_percent === 'number' ? r.change_percent : null,
    change: changeText(r.change_percent) || '–',
    previous: r.previous ? (r.previous.kind === 'number' || r.previous.kind === 'zero' ? r.previous.text : r.previous.description) : null,
  });
  // Equal shares share a place ("5, 5, 7"), as the CSV and the domain number them.
  const place = (r) => 1 + withShare.filter((o) => o.share.percent > r.share.percent).length;
  return [
    ...withShare.map((r) => row(r, place(r))),
    ...withoutShare.map((r) => row(r, null)),
    ...others.map((r) => row(r, null)),
  ];
}

// The columns a reader can sort by, and how each compares.
const SORT_KEYS = {
  rank: { label: '#', value: (r) => r.rank, numeric: true },
  name: { label: 'Country', value: (r) => r.name, numeric: false },
  attended: { label: 'Attended', value: (r) => r.roleText, numeric: false },
  figure: { label: 'Figure', value: (r) => r.number, numeric: true },
  share: { label: 'Share', value: (r) => r.sharePercent, numeric: true },
  change: { label: 'Change', value: (r) => r.changePercent, numeric: true },
};

/**
 * The rows sorted by `key` ('rank', 'name', 'attended', 'figure', 'share',
 * 'change'), ascending or descending. Rows without a value for the key (a
 * marker has no number, a row no change) follow the others either way, in
 * rank order; "Other countries" stays last.
 */
export function sortRows(rows, key = 'rank', descending = false) {
  const spec = SORT_KEYS[key] || SORT_KEYS.rank;
  const countries = rows.filter((r) => r.iso3);
  const others = rows.filter((r) => !r.iso3);
  const has = countries.filter((r) => spec.value(r) !== null && spec.value(r) !== '');
  const lacks = countries.filter((r) => !(spec.value(r) !== null && spec.value(r) !== ''));
  const compare = (a, b) => {
    const [x, y] = [spec.value(a), spec.value(b)];
    const c = spec.numeric ? x - y : String(x).localeCompare(String(y));
    return (descending ? -c : c) || a.name.localeCompare(b.name);
  };
  return [...has.sort(compare), ...lacks, ...others];
}

// The reader's sort, kept while they move between minerals.
const sorting = { key: 'rank', descending: false };

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
  const previousYear = series.previous_year;
  const table = h('table', { class: 'ranking', dataset: { measure } });
  const draw = () => {
    clear(table);
    const header = (key, cls) => {
      const active = sorting.key === key;
      const sort = active ? (sorting.descending ? 'descending' : 'ascending') : null;
      const label = SORT_KEYS[key].label;
      return h('th', { scope: 'col', class: cls || null, 'aria-sort': sort },
        h('button', {
          type: 'button', class: 'sort-button', dataset: { sort: key },
          title: `Sort by ${key === 'change' && previousYear ? `change since ${previousYear}` : label.toLowerCase()}${active ? (sorting.descending ? ' (now largest first)' : ' (now smallest first)') : ''}`,
          onclick: () => {
            sorting.descending = sorting.key === key ? !sorting.descending : (SORT_KEYS[key].numeric && key !== 'rank');
            sorting.key = key;
            draw();
            const again = table.querySelector(`[data-sort="${key}"]`);
            if (again) again.focus();
          },
        }, label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (sorting.descending ? ' ▼' : ' ▲') : '')));
    };
    table.append(
      h('caption', {}, `${tableLabel(measure, series.year, series.detail, mineralName)} (${series.unit}). Ranked by share of the world total; withheld or unavailable figures are listed unranked.${previousYear ? ` Change: from USGS's ${previousYear} figure, where both years are numbers.` : ''} Sort by any column with its heading.`),
      h('thead', {}, h('tr', {},
        header('rank', 'num'), header('name'), header('attended'), header('figure', 'num'), header('share', 'num'),
        previousYear ? header('change', 'num') : null)),
      h('tbody', {}, sortRows(rows, sorting.key, sorting.descending).map((r) => h('tr', { dataset: { iso3: r.iso3 || '', role: r.role || 'none' } },
        h('td', { class: 'num' }, r.rank === null ? '–' : String(r.rank)),
        h('th', { scope: 'row' }, r.iso3
          ? h('button', { type: 'button', class: 'link-button', onclick: () => onOpen(r.iso3) }, r.name)
          : r.name, r.qualifier ? h('span', { class: 'muted' }, ` (${r.qualifier})`) : null),
        h('td', {}, r.roleText),
        h('td', { class: r.number === null ? 'num marker' : 'num' }, r.value),
        h('td', { class: 'num' }, r.share),
        previousYear ? h('td', { class: 'num', title: r.previous ? `${previousYear}: ${r.previous}` : `no ${previousYear} row` }, r.change) : null))),
      series.world_total ? h('tfoot', {}, h('tr', {},
        h('td', {}),
        h('th', { scope: 'row' }, 'World total'),
        h('td', {}),
        h('td', { class: 'num' }, series.world_total.kind === 'number' ? series.world_total.text : series.world_total.description),
        h('td', { class: 'num' }, '100%'),
        previousYear ? h('td', {}) : null)) : null);
  };
  draw();
  el.append(table);
}
