// Which parts of the window show. The map has the window: the right-hand
// column appears only when a panel is open or, in mineral mode, to hold the
// ranked table; below 1100 px the delegations list is a drawer. A panel
// floats over the view (as a place card does over a map), so opening one
// never resizes or repaints the map or the timeline.

import { $, state } from './app-state.js';

/** The width below which the list is a drawer and the panel an overlay. */
export const narrowWindow = window.matchMedia('(max-width: 1099px)');

/** Sets the layout's marks from the state and what is open; cheap, call it freely. */
export function refreshLayout() {
  const layout = $('layout');
  const panelOpen = !$('panel').hidden;
  const mineralShown = state.view === 'map' && !!state.mineral;
  layout.dataset.view = state.view || 'map';
  if (panelOpen) layout.dataset.panel = 'open';
  else delete layout.dataset.panel;
  if (mineralShown) layout.dataset.mineral = 'true';
  else delete layout.dataset.mineral;
  $('panel-area').hidden = !panelOpen && !mineralShown;
  $('mineral-table').hidden = panelOpen || !mineralShown;
}

export function drawerOpen() {
  return $('layout').dataset.drawer === 'open';
}

/** Opens or closes the delegations drawer (a narrow window's list). */
export function setDrawer(open) {
  const layout = $('layout');
  if (open) layout.dataset.drawer = 'open';
  else delete layout.dataset.drawer;
  $('nav-toggle').setAttribute('aria-expanded', String(open));
}

export function wireLayout() {
  $('nav-toggle').addEventListener('click', () => {
    const open = !drawerOpen();
    setDrawer(open);
    if (open) {
      const current = document.querySelector('.country-button[tabindex="0"]');
      if (current) current.focus();
    }
  });
  $('country-nav').addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && drawerOpen()) {
      e.stopPropagation();
      setDrawer(false);
      $('nav-toggle').focus();
    }
  });
  // Only when it is open: WebKit re-evaluates media queries while it takes a
  // snapshot, and a change made on each of those stalls the snapshot.
  narrowWindow.addEventListener('change', () => {
    if (drawerOpen()) setDrawer(false);
  });
}
