// Which parts of the window show. The map has the window: the right-hand
// column appears only when a panel is open or, in mineral mode, to hold the
// ranked table; below 1100 px the delegations list is a drawer. On the map a
// panel floats over the view (as a place card does over a map), so opening
// one never resizes or redraws the map. The timeline and the agenda make room
// for it instead (on a wide window): laid over them, the panel hid the
// axis's later months and the rows' ends, and each panel drawn was a
// software repaint of every item beneath it.

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
  else {
    delete layout.dataset.panel;
    delete layout.dataset.room;
  }
  if (mineralShown) layout.dataset.mineral = 'true';
  else delete layout.dataset.mineral;
  $('panel-area').hidden = !panelOpen && !mineralShown;
  $('mineral-table').hidden = panelOpen || !mineralShown;
}

/**
 * Has a view other than the map make room for the open panel's column.
 * Called a frame after the panel is painted: the view's relayout then never
 * delays the click's frame. A comparison's wider column still floats: room
 * for it would leave the timeline a strip.
 */
export function makeRoomForPanel(type) {
  const layout = $('layout');
  if (type === 'compare') delete layout.dataset.room;
  else layout.dataset.room = 'column';
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
