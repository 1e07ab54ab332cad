// My agenda: starred sessions and entries in time order, overlaps flagged,
// each with its note; export to .ics.

import { h, clear } from './dom.js';
import { dateText } from './format.js';
import { statusBadge } from './sources.js';
import { dayShift } from './session-panel.js';

export function renderAgenda(container, agenda, ctx) {
  clear(container);
  const header = h('div', { class: 'agenda-header' },
    h('h2', {}, 'My agenda'),
    h('button', { type: 'button', id: 'export-ics', dataset: { exportIcs: 'true' }, disabled: agenda.items.length === 0 || null, onclick: ctx.onExport }, 'Export to calendar (.ics)'));
  container.append(header);
  if (!agenda.items.length) {
    container.append(h('p', { class: 'muted' }, 'Nothing starred yet. Open a session or a timeline entry and choose “Add to My agenda”. Your agenda and notes stay on this computer.'));
  }
  container.append(h('ol', { class: 'agenda-list' }, agenda.items.map((item) => {
    const when = item.time_precision === 'day'
      ? `${dateText(item.local_start.date)} (time not published)`
      : `${dateText(item.viewer_start.date)}, ${item.viewer_start.clock} ${item.viewer_start.abbreviation}${dayShift(item.viewer_start)} · event time ${item.local_start.clock} ${item.local_start.abbreviation}`;
    const note = ctx.note(`${item.kind}:${item.id}`);
    return h('li', { class: 'agenda-item', dataset: { agendaId: item.id, kind: item.kind, conflict: item.conflicts_with.length ? 'true' : 'false' } },
      h('button', { type: 'button', class: 'link-button agenda-open', onclick: () => ctx.openItem(item) }, item.title),
      ' ', statusBadge(item.status, item.status_as_of),
      h('p', { class: 'agenda-when' }, when),
      item.conflicts_with.length
        ? h('p', { class: 'conflict', role: 'note' }, `⚠ Overlaps ${item.conflicts_with.length === 1 ? 'another starred item' : `${item.conflicts_with.length} starred items`}: ${item.conflicts_with.map(ctx.titleOf).join('; ')}`)
        : null,
      note ? h('p', { class: 'agenda-note' }, `Note: ${note}`) : null,
      h('button', { type: 'button', class: 'unstar', onclick: () => ctx.unstar(item) }, 'Remove'));
  })));
  if (agenda.missing.length) {
    container.append(h('p', { class: 'muted' }, `${agenda.missing.length} starred item(s) are no longer in the data: ${agenda.missing.join(', ')}.`));
  }
}
