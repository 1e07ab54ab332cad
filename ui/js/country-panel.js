// The country panel: delegation, agreements with the US, USGS profile,
// sessions, timeline, and every source with its status.

import { append, h, clear } from './dom.js';
import { agreementKindLabel, dateText, ordinal, roleLabel, shareText, tableLabel } from './format.js';
import { SourceIndex, statusBadge, unverifiedMarkIf } from './sources.js';
import { noteEditor } from './item-actions.js';
import { briefControls } from './country-brief.js';
import { addCompareChoices, comparePicker } from './compare-panel.js';

/**
 * Draws the panel's first screen (header, delegation, agreements) and
 * returns `finish`, which draws the rest (minerals, sessions, sources, note)
 * and marks the panel complete (`data-iso3`). The caller runs `finish` a
 * frame later, so the click's frame lays out and paints only what is seen
 * first; what `finish` adds lies below it.
 */
export function renderCountryPanel(panel, detail, ctx) {
  const { onClose, onError } = ctx;
  const c = detail.country;
  // Facts cite the panel's sources by number; the list at the end has each once.
  const sources = new SourceIndex(detail.sources, onError);
  clear(panel);
  panel.dataset.panel = 'country';
  delete panel.dataset.iso3;
  delete panel.dataset.sessionId;
  delete panel.dataset.timelineId;
  panel.setAttribute('aria-label', `${c.name}: details`);

  const picker = ctx.countries ? comparePicker((other) => ctx.openCompare(c.iso3, other)) : null;
  append(panel, [
    h('header', { class: 'panel-header' },
      c.flag ? h('img', { class: 'flag', src: `vendor/flags/${c.flag}.svg`, alt: `Flag of ${c.name}`, width: '48', height: '36', onerror: (e) => e.target.remove() }) : null,
      h('div', { class: 'panel-heading' },
        h('h2', { class: 'panel-title', id: 'panel-title' }, c.name),
        h('p', { class: 'panel-meta' },
          h('span', { class: `role-badge role-${detail.role || 'none'}` }, roleLabel(detail.role)),
          c.capital ? ` · Capital: ${c.capital}` : '',
          c.kind === 'organisation' ? ' · Organisation (no map polygon)' : '')),
      h('button', { class: 'close', type: 'button', title: 'Close (Esc)', 'aria-label': 'Close panel', onclick: onClose }, '×')),
    ctx.writeBrief ? briefControls(c.name, (paper) => ctx.writeBrief(c.iso3, paper), picker) : null,
    delegationSection(detail, sources, ctx.primaryEventId ? ctx.primaryEventId() : null),
    agreementsSection(detail, sources, ctx.host ? ctx.host() : null),
  ]);
  panel.setAttribute('aria-labelledby', 'panel-title');
  return function finish() {
    if (picker) addCompareChoices(picker, c.iso3, ctx.countries());
    append(panel, [
      mineralsSection(detail, ctx.chosenMineral ? ctx.chosenMineral() : null),
      eventsSection(detail, ctx),
      // Last: every fact above has cited its sources by now.
      section(`Sources (${sources.entries.length})`, sources.render()),
      ctx.setNote ? section('Note', noteEditor(`country:${c.iso3}`, ctx.note(`country:${c.iso3}`), (text) => ctx.setNote(`country:${c.iso3}`, text))) : null,
    ]);
    panel.dataset.iso3 = c.iso3;
  };
}

function section(title, ...body) {
  return h('section', { class: 'panel-section' }, h('h3', {}, title), ...body);
}

function delegationSection(detail, sources, primaryEventId) {
  const ministerial = detail.participation.find((p) => p.event === primaryEventId);
  const others = detail.participation.filter((p) => p.event !== primaryEventId);
  const items = [];
  if (ministerial) {
    const head = ministerial.head_of_delegation;
    items.push(h('div', { class: 'delegation', dataset: { event: ministerial.event } },
      h('p', { class: 'delegation-head' },
        head
          ? [h('strong', { class: 'person-name' }, head.name), h('span', { class: 'person-title' }, `, ${head.title}`), ' ', statusBadge(head.status)]
          : h('span', { class: 'muted' }, 'Head of delegation not named in the sources found.')),
      ministerial.members.length
        ? h('p', { class: 'members' }, 'With: ', ministerial.members.map((m) => `${m.name} (${m.title})`).join('; '))
        : null,
      ministerial.notes ? h('p', { class: 'notes' }, ministerial.notes) : null,
      h('div', { class: 'fact-sources' }, 'Attendance: ', statusBadge(ministerial.status),
        ministerial.delegation_status && ministerial.delegation_status !== ministerial.status
          ? [' · delegation details: ', statusBadge(ministerial.delegation_status)] : null,
        ' · ', sources.cite(ministerial.sources))));
  } else {
    items.push(h('p', { class: 'muted' }, 'Not on the State Department\'s list of delegations at the ministerial.'));
  }
  for (const p of others) {
    items.push(h('div', { class: 'delegation other-event', dataset: { event: p.event } },
      h('p', {}, h('strong', {}, p.event_title), ` — ${roleLabel(p.role)}`,
        p.head_of_delegation ? `; led by ${p.head_of_delegation.name}` : '', ' ', statusBadge(p.status, p.status_as_of)),
      p.notes ? h('p', { class: 'notes' }, p.notes) : null));
  }
  return section('Delegation', ...items);
}

function agreementsSection(detail, sources, host) {
  const hostName = host ? host.name : 'the host';
  if (detail.agreements.length === 0) {
    return section(`Agreements with ${hostName}`,
      h('p', { class: 'muted' }, `No agreement with ${hostName} was found in the sources.`));
  }
  return section(`Agreements with ${hostName}`,
    h('ul', { class: 'agreements' }, detail.agreements.map((a) =>
      h('li', { class: 'agreement', dataset: { agreementId: a.id } },
        h('p', {},
          h('strong', {}, a.title), ' ',
          h('span', { class: 'kind' }, agreementKindLabel(a.kind)), ' ',
          statusBadge(a.status)),
        h('p', { class: 'agreement-date' }, a.date ? dateText(a.date) : 'Date not recorded',
          a.at_ministerial ? ' · signed at the ministerial' : ''),
        a.date_note ? h('p', { class: 'notes' }, a.date_note) : null,
        h('p', { class: 'summary' }, a.summary),
        h('p', { class: 'fact-sources' }, sources.cite(a.sources))))));
}

/** A value with its unit where it is an amount; USGS's words where it is a marker (never a 0). */
function amountText(s) {
  const amount = ['number', 'zero', 'range', 'bound'].includes(s.value.kind) ? `${s.value.text} ${s.unit}` : s.value.description;
  return s.qualifier ? `${amount} (${s.qualifier})` : amount;
}

/** The row's place against the world: a share, or why there is none. */
function shareOrWhy(s) {
  // Among the rows with figures: a withheld one is not ranked, and could be larger.
  const place = s.rank ? `, ${ordinal(s.rank)} of ${s.ranked_among} with figures` : '';
  if (s.share) return `${`${shareText(s.share)} of world ${s.world_total ? `${s.world_total.text} ${s.unit}` : ''}`.trim()}${place}`;
  if (!s.world_total) return 'no world total from USGS';
  if (!['number', 'zero'].includes(s.value.kind)) return 'no share (no number)';
  return `world ${s.world_total.description}`;
}

/**
 * Every USGS world-table row the country has, grouped by mineral (the one
 * chosen on the map first, then largest share first), each table named
 * ("Mine production: Usable ore"), qualifiers and markers as USGS gives them.
 */
function mineralsSection(detail, chosenMineral) {
  const profile = detail.minerals;
  if (!profile.usgs_reported) {
    return section('Minerals (USGS MCS 2026)',
      h('p', { class: 'gap-note', dataset: { gap: 'not-reported' } }, profile.gap_note),
      h('p', { class: 'citation' }, profile.usgs_citation));
  }
  const groups = new Map();
  for (const s of profile.stats) {
    if (!groups.has(s.mineral)) groups.set(s.mineral, { id: s.mineral, name: s.mineral_name, critical: s.critical, rows: [], best: -1 });
    const g = groups.get(s.mineral);
    g.rows.push(s);
    if (s.share) g.best = Math.max(g.best, s.share.percent);
  }
  const ordered = [...groups.values()].sort((a, b) =>
    (b.id === chosenMineral) - (a.id === chosenMineral) || b.best - a.best || a.name.localeCompare(b.name));
  const statOrder = { production: 0, reserves: 1, capacity: 2 };
  return section(`Minerals (USGS MCS 2026): ${ordered.length}`,
    h('ul', { class: 'mineral-groups' }, ordered.map((g) => {
      const rows = g.rows.slice().sort((a, b) => statOrder[a.statistic] - statOrder[b.statistic] || b.year - a.year || a.detail.localeCompare(b.detail));
      return h('li', { class: 'mineral-group', dataset: { mineral: g.id } },
        h('h4', { class: 'mineral-group-name' }, g.name,
          g.critical ? h('span', { class: 'critical-tag', title: 'On a US critical-minerals list' }, 'critical') : null,
          g.id === chosenMineral ? h('span', { class: 'chosen-tag' }, 'on the map') : null),
        h('ul', { class: 'mineral-rows' }, rows.map((s) =>
          h('li', { class: 'mineral-row', dataset: { series: s.series, statistic: s.statistic, year: String(s.year) } },
            h('span', { class: 'row-label', title: `USGS: ${s.detail}` }, `${tableLabel(s.statistic, s.year, s.detail, g.name)}: `),
            h('span', { class: 'row-value' }, amountText(s)),
            h('span', { class: 'row-share' }, ` · ${shareOrWhy(s)}`),
            unverifiedMarkIf(s.unverified),
            // The bar is the share of the world itself (full width = 100%), drawn only where there is a share.
            s.share ? h('span', { class: 'bar', 'aria-hidden': 'true' },
              h('span', { class: 'bar-fill', style: { width: `${Math.min(100, s.share.percent).toFixed(1)}%` } })) : null,
            s.note ? h('span', { class: 'notes' }, ` · ${s.note}`) : null,
            s.erratum ? h('span', { class: 'erratum' }, ` · ${s.erratum}`) : null))));
    })),
    h('p', { class: 'gap-note' }, profile.gap_note),
    h('p', { class: 'citation' }, profile.usgs_citation));
}

function eventsSection(detail, ctx) {
  const sessions = detail.sessions.map((s) =>
    h('li', { class: 'session-item' },
      h('span', { class: 'when' }, s.time_precision === 'day' ? dateText(s.local_start.date) : `${dateText(s.local_start.date)}, ${s.local_start.clock} ${s.local_start.abbreviation}`),
      ' ',
      ctx.openSession
        ? h('button', { type: 'button', class: 'link-button', dataset: { sessionId: s.id }, onclick: () => ctx.openSession(s.id) }, s.title)
        : h('span', { dataset: { sessionId: s.id } }, s.title),
      ' ', statusBadge(s.status, s.status_as_of)));
  // An entry that only retells listed sessions is one fact, not two.
  const listed = new Set(detail.sessions.map((s) => s.id));
  const timeline = detail.timeline.filter((t) => !(t.sessions.length && t.sessions.every((id) => listed.has(id)))).map((t) =>
    h('li', { class: 'timeline-item' },
      h('span', { class: 'when' }, dateText(t.local_start.date)), ' ',
      ctx.openEntry
        ? h('button', { type: 'button', class: 'link-button', dataset: { timelineId: t.id }, onclick: () => ctx.openEntry(t.id) }, t.title)
        : h('span', { dataset: { timelineId: t.id } }, t.title),
      ' ', statusBadge(t.status, t.status_as_of)));
  return section('Sessions and timeline',
    sessions.length ? h('ul', { class: 'sessions' }, sessions) : h('p', { class: 'muted' }, 'No session names this country.'),
    timeline.length ? h('ul', { class: 'timeline-list' }, timeline) : h('p', { class: 'muted' }, 'No timeline entry names this country.'));
}

