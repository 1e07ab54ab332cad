// Two countries side by side: their roles, heads of delegation, agreements
// and sessions, then every USGS table either is in (its latest year), each
// one's figure, share and place on one row. A country with no row in a table
// is "not reported separately", never 0.

import { h, clear } from './dom.js';
import { agreementKindLabel, dateText, ordinal, roleLabel, shareText, statusLabel, tableLabel } from './format.js';
import { unverifiedMarkIf } from './sources.js';

/** A figure as the row shows it: USGS's text with its unit, share and place; or why there is none. */
export function figureText(stat) {
  if (!stat) return 'not reported separately';
  const v = stat.value;
  const amount = ['number', 'zero', 'range', 'bound'].includes(v.kind) ? `${v.text} ${stat.unit}` : v.description;
  const parts = [stat.qualifier ? `${amount} (${stat.qualifier})` : amount];
  if (stat.share) parts.push(`${shareText(stat.share)} of world`);
  if (stat.rank) parts.push(`${ordinal(stat.rank)} of ${stat.ranked_among}`);
  return parts.join(' · ');
}

/** A side's cell: its figure, marked when its table came from an unverified data pack. */
const figureCell = (stat) => h('td', { class: stat ? null : 'muted' }, figureText(stat), unverifiedMarkIf(stat && stat.unverified));

const statusOf = (status, asOf) => (asOf ? statusLabel('past') : statusLabel(status));

function headOf(detail) {
  const p = detail.participation.find((x) => x.head_of_delegation) || null;
  return p ? `${p.head_of_delegation.name}, ${p.head_of_delegation.title} (${p.event_title})` : 'not named in the sources';
}

function agreementList(detail) {
  if (!detail.agreements.length) return h('span', { class: 'muted' }, 'none recorded');
  return h('ul', { class: 'compare-list' }, detail.agreements.map((a) => h('li', {},
    `${a.title} (${agreementKindLabel(a.kind)}; ${a.date ? dateText(a.date) : a.date_note || 'date not published'}; ${statusOf(a.status)})`)));
}

function sessionList(detail, ctx) {
  if (!detail.sessions.length) return h('span', { class: 'muted' }, 'none recorded');
  return h('ul', { class: 'compare-list' }, detail.sessions.map((s) => h('li', {},
    h('button', { type: 'button', class: 'link-button', onclick: () => ctx.openSession(s.id) }, s.title),
    ` (${dateText(s.local_start.date)}; ${statusOf(s.status, s.status_as_of)})`)));
}

export function renderComparePanel(panel, cmp, ctx) {
  const { left, right } = cmp;
  clear(panel);
  panel.dataset.panel = 'compare';
  for (const k of ['iso3', 'sessionId', 'timelineId']) delete panel.dataset[k];
  const names = `${left.country.name} and ${right.country.name}`;
  panel.setAttribute('aria-label', `${names}: compared`);
  const nameButton = (d) => h('button', { type: 'button', class: 'link-button', dataset: { openCountry: d.country.iso3 }, onclick: () => ctx.openCountry(d.country.iso3) }, d.country.name);
  const row = (label, a, b) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, a), h('td', {}, b));
  panel.append(
    h('header', { class: 'panel-header' },
      h('div', { class: 'panel-heading' },
        h('h2', { class: 'panel-title', id: 'panel-title' }, `${left.country.name} and ${right.country.name}`),
        h('p', { class: 'panel-meta' }, 'Side by side. ',
          h('button', { type: 'button', class: 'chip', dataset: { swap: '' }, onclick: () => ctx.openCompare(right.country.iso3, left.country.iso3) }, 'Swap sides'))),
      h('button', { class: 'close', type: 'button', title: 'Close (Esc)', 'aria-label': 'Close panel', onclick: ctx.onClose }, '×')),
    h('section', { class: 'panel-section' }, h('h3', {}, 'At the ministerial'),
      h('table', { class: 'ranking compare' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, nameButton(left)), h('th', { scope: 'col' }, nameButton(right)))),
        h('tbody', {},
          row('Role', roleLabel(left.role), roleLabel(right.role)),
          row('Head of delegation', headOf(left), headOf(right)),
          row(`Agreements`, agreementList(left), agreementList(right)),
          row('Sessions', sessionList(left, ctx), sessionList(right, ctx)),
          row('Timeline entries', String(left.timeline.length), String(right.timeline.length))))),
    h('section', { class: 'panel-section' }, h('h3', {}, 'Minerals (USGS MCS 2026)'),
      cmp.minerals.length
        ? h('table', { class: 'ranking compare', dataset: { compareMinerals: '' } },
          h('caption', {}, 'Each USGS world table either country has a row in, its latest year; largest share first. "Not reported separately": USGS counts any output under "Other countries", not as zero.'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Table'), h('th', { scope: 'col' }, left.country.name), h('th', { scope: 'col' }, right.country.name))),
          h('tbody', {}, cmp.minerals.map((t) => h('tr', { dataset: { series: t.series } },
            h('th', { scope: 'row' }, `${t.mineral_name}: ${tableLabel(t.statistic, t.year, t.detail, t.mineral_name)}`),
            figureCell(t.left),
            figureCell(t.right)))))
        : h('p', { class: 'muted' }, 'Neither has a row of its own in any USGS world table.')),
  );
  panel.setAttribute('aria-labelledby', 'panel-title');
}

/** The "Compare with…" picker on a country panel, with its prompt only (see addCompareChoices). */
export function comparePicker(onPick) {
  const select = h('select', { class: 'compare-picker', 'aria-label': 'Compare with another country' },
    h('option', { value: '' }, 'Compare with…'));
  select.addEventListener('change', () => {
    if (select.value) onPick(select.value);
  });
  return select;
}

/**
 * Fills the picker with every country but `iso3`, by name. Apart from the
 * picker, so the panel adds them a frame after the click: laying out the
 * 120 choices cost the click's own frame 1-3 ms.
 */
export function addCompareChoices(select, iso3, countries) {
  select.append(...countries.filter((c) => c.iso3 !== iso3).slice().sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => h('option', { value: c.iso3 }, c.role ? c.name : `${c.name} (did not attend)`)));
}
