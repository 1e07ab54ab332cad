// The My agenda view: the starred items from the backend, in the viewer's
// zone, and their export as an .ics file.

import * as api from './api.js';
import { $ } from './app-state.js';
import { renderAgenda } from './agenda-view.js';
import { showError, showNotice } from './messages.js';
import { openPanel } from './panels.js';
import { noteOf, setStar, viewerZone } from './user-data.js';

export async function showAgenda() {
  try {
    const agenda = await api.getAgenda(viewerZone());
    const titles = new Map(agenda.items.map((i) => [i.id, i.title]));
    renderAgenda($('view-agenda'), agenda, {
      note: noteOf,
      titleOf: (id) => titles.get(id) || id,
      openItem: (item) => openPanel(item.kind === 'session' ? 'session' : 'entry', item.id),
      unstar: async (item) => {
        await setStar(item.kind, item.id, false);
        showAgenda();
      },
      onExport: exportIcs,
    });
  } catch (e) {
    showError(e);
  }
}

async function exportIcs() {
  try {
    const path = await api.exportAgendaIcs();
    if (path) showNotice(`Exported to ${path}`);
  } catch (e) {
    showError(e);
  }
}
