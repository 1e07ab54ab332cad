// The country panel: delegation, agreements with the US, USGS profile,
// sessions, timeline, and every source with its status.

import { h, clear } from './dom.js';
import { agreementKindLabel, dateText, roleLabel, shareText, statisticLabel } from './format.js';
import { sourceLink, sourceList, statusBadge } from './sources.js';
import { noteEditor } from './item-actions.js';

const TOP_SHARES = 8;

export function renderCountryPanel(panel, detail, ctx) {
  const { onClose, onError } = ctx;
  const c = detail.country;
  clear(panel);
  panel.dataset.panel = 'country';
  panel.dataset.iso3 = c.iso3;
  delete panel.dataset.sessionId;
  delete panel.dataset.timelineId;
  panel.setAttribute('aria-label', `${c.name}: details`);

  panel.append(
    h('header', { class: 'panel-header' },
      c.flag ? h('img', { class: 'flag', src: `vendor/flags/${c.flag}.svg`, alt: `Flag of ${c.name}`, width: '48', height: '36', onerror: (e) => e.target.remove() }) : null,
      h('div', { class: 'panel-heading' },
        h('h2', { class: 'panel-title', id: 'panel-title' }, c.name),
        h('p', { class: 'panel-meta' },
          h('span', { class: `role-badge role-${detail.role || 'none'}` }, roleLabel(detail.role)),
          c.capital ? ` · Capital: ${c.capital}` : '',
          c.kind === 'organisation' ? ' · Organisation (no map polygon)' : '')),
      h('button', { class: 'close', type: 'button', title: 'Close (Esc)', 'aria-label': 'Close panel', onclick: onClose }, '×')),
    delegationSection(detail, onError),
    agreementsSection(detail, onError),
    mineralsSection(detail),
    eventsSection(detail, ctx),
    sourcesSection(detail, onError),
    ctx.setNote ? section('Note', noteEditor(`country:${c.iso3}`, ctx.note(`country:${c.iso3}`), (text) => ctx.setNote(`country:${c.iso3}`, text))) : null,
  );
  panel.setAttribute('aria-labelledby', 'panel-title');
}

function section(title, ...body) {
  return h('section', { class: 'panel-section' }, h('h3', {}, title), ...body);
}

function delegationSection(detail, onError) {
  const ministerial = detail.participation.find((p) => p.event === 'cmm-2026');
  const others = detail.participation.filter((p) => p.event !== 'cmm-2026');
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
      h('div', { class: 'fact-sources' }, 'Attendance: ', statusBadge(ministerial.status), sourceList(ministerial.sources, onError))));
  } else {
    items.push(h('p', { class: 'muted' }, 'Not on the State Department\'s list of delegations at the ministerial.'));
  }
  for (const p of others) {
    items.push(h('div', { class: 'delegation other-event', dataset: { event: p.event } },
      h('p', {}, h('strong', {}, p.event_title), ` — ${roleLabel(p.role)}`,
        p.head_of_delegation ? `; led by ${p.head_of_delegation.name}` : '', ' ', statusBadge(p.status)),
      p.notes ? h('p', { class: 'notes' }, p.notes) : null));
  }
  return section('Delegation', ...items);
}

function agreementsSection(detail, onError) {
  if (detail.agreements.length === 0) {
    return section('Agreements with the United States',
      h('p', { class: 'muted' }, 'No agreement with the United States was found in the sources.'));
  }
  return section('Agreements with the United States',
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
        sourceList(a.sources, onError)))));
}

function mineralsSection(detail) {
  const profile = detail.minerals;
  if (!profile.usgs_reported) {
    return section('Minerals (USGS MCS 2026)',
      h('p', { class: 'gap-note', dataset: { gap: 'not-reported' } }, profile.gap_note),
      h('p', { class: 'citation' }, profile.usgs_citation));
  }
  // The latest year of each series kind, largest world share first.
  const seen = new Set();
  const latest = [];
  for (const s of profile.stats) {
    const key = `${s.mineral}|${s.statistic}|${s.detail}`;
    const newer = profile.stats.find((o) => `${o.mineral}|${o.statistic}|${o.detail}` === key && o.year > s.year);
    if (newer || seen.has(key)) continue;
    seen.add(key);
    latest.push(s);
  }
  const withShare = latest.filter((s) => s.share && s.share.percent > 0).slice(0, TOP_SHARES);
  const withoutShare = latest.filter((s) => !s.share || s.share.percent === 0);
  const max = Math.max(1, ...withShare.map((s) => s.share.percent));
  return section('Minerals (USGS MCS 2026)',
    withShare.length
      ? h('ol', { class: 'share-bars', 'aria-label': 'Largest world shares' }, withShare.map((s) =>
        h('li', { class: 'share-bar', dataset: { mineral: s.mineral, statistic: s.statistic } },
          h('span', { class: 'share-label' }, `${s.mineral_name} — ${statisticLabel(s.statistic).toLowerCase()}`,
            s.critical ? h('span', { class: 'critical-tag', title: 'On a US critical-minerals list' }, 'critical') : null),
          h('span', { class: 'bar', 'aria-hidden': 'true' },
            h('span', { class: 'bar-fill', style: { width: `${((s.share.percent / max) * 100).toFixed(1)}%` } })),
          h('span', { class: 'share-value' }, shareText(s.share)),
          h('span', { class: 'share-detail' }, `${s.value.text} ${s.unit}, ${s.year} (${s.detail}); world ${s.world_total ? s.world_total.text : 'not given'}`),
          s.erratum ? h('span', { class: 'erratum' }, s.erratum) : null)))
      : h('p', { class: 'muted' }, 'No measurable world share.'),
    withoutShare.length
      ? h('details', { class: 'other-figures' },
        h('summary', {}, `${withoutShare.length} more figures without a share (withheld, not available, zero or qualitative)`),
        h('ul', {}, withoutShare.map((s) => h('li', {}, `${s.mineral_name}, ${statisticLabel(s.statistic).toLowerCase()} ${s.year}: ${s.value.description}${s.value.kind === 'number' || s.value.kind === 'zero' ? ` ${s.unit}` : ''}`))))
      : null,
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
      ' ', statusBadge(s.status)));
  const timeline = detail.timeline.map((t) =>
    h('li', { class: 'timeline-item' },
      h('span', { class: 'when' }, dateText(t.local_start.date)), ' ',
      ctx.openEntry
        ? h('button', { type: 'button', class: 'link-button', dataset: { timelineId: t.id }, onclick: () => ctx.openEntry(t.id) }, t.title)
        : h('span', { dataset: { timelineId: t.id } }, t.title),
      ' ', statusBadge(t.status)));
  return section('Sessions and timeline',
    sessions.length ? h('ul', { class: 'sessions' }, sessions) : h('p', { class: 'muted' }, 'No session names this country.'),
    timeline.length ? h('ul', { class: 'timeline-list' }, timeline) : h('p', { class: 'muted' }, 'No timeline entry names this country.'));
}

function sourcesSection(detail, onError) {
  return section(`Sources (${detail.sources.length})`,
    h('ul', { class: 'source-index' }, detail.sources.map((s) =>
      h('li', {}, sourceLink(s, onError), ' ', statusBadge(s.status), h('span', { class: 'supports' }, ` — ${s.supports}`)))));
}
