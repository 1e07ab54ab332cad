// My agenda: starred sessions and entries by day, in time order, with end
// times, overlaps flagged (and same-day items whose clash cannot be checked
// named), each with its note; export to .ics.

import { h, clear } from './dom.js';
import { statusBadge, unverifiedMarkIf } from './sources.js';
import { agendaDays, dayHeading, whenText } from './agenda-days.js';

function agendaItem(item, ctx) {
  const note = ctx.note(`${item.kind}:${item.id}`);
  return h('li', { class: 'agenda-item', dataset: { agendaId: item.id, kind: item.kind, conflict: item.conflicts_with.length ? 'true' : 'false' } },
    h('button', { type: 'button', class: 'link-button agenda-open', onclick: () => ctx.openItem(item) }, item.title),
    ' ', statusBadge(item.status, item.status_as_of),
    unverifiedMarkIf(item.unverified),
    h('p', { class: 'agenda-when' }, whenText(item)),
    item.conflicts_with.length
      ? h('p', { class: 'conflict', role: 'note' }, `⚠ Overlaps ${item.conflicts_with.length === 1 ? 'another starred item' : `${item.conflicts_with.length} starred items`}: ${item.conflicts_with.map(ctx.titleOf).join('; ')}`)
      : null,
    item.sameDayUntimed.length
      ? h('p', { class: 'same-day', role: 'note' }, `Same day as ${item.sameDayUntimed.join('; ')}; a time was not published, so a clash cannot be checked.`)
      : null,
    note ? h('p', { class: 'agenda-note' }, `Note: ${note}`) : null,
    h('button', { type: 'button', class: 'unstar', onclick: () => ctx.unstar(item) }, 'Remove'));
}

export function renderAgenda(container, agenda, ctx) {
  clear(container);
  const header = h('div', { class: 'agenda-header' },
    h('h2', {}, 'My agenda'),
    h('button', { type: 'button', id: 'export-ics', dataset: { exportIcs: 'true' }, disabled: agenda.items.length === 0 || null, onclick: ctx.onExport }, 'Export to calendar (.ics)'));
  container.append(header);
  if (!agenda.items.length) {
    container.append(h('p', { class: 'muted' }, 'Nothing starred yet. Open a session or a timeline entry and choose “Add to My agenda”. Your agenda and notes stay on this computer.'));
  }
  for (const { day, items } of agendaDays(agenda.items)) {
    container.append(
      h('h3', { class: 'agenda-day', dataset: { day } }, dayHeading(day)),
      h('ol', { class: 'agenda-list' }, items.map((item) => agendaItem(item, ctx))),
    );
  }
  if (agenda.missing.length) {
    container.append(h('p', { class: 'muted' }, `${agenda.missing.length} starred item(s) are no longer in the data: ${agenda.missing.join(', ')}.`));
  }
}
