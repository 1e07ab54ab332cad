// The side panel: a country, a session or a timeline entry, drawn from the
// backend's view of it. The panel is painted first and the marks it causes
// elsewhere (the map, the list, the timeline) a frame later.

import { $, afterPaint, app, markPainted, navigate, state } from './app-state.js';
import { clear } from './dom.js';
import { panelData } from './panel-data.js';
import { renderCountryPanel } from './country-panel.js';
import { renderEntryPanel, renderSessionPanel } from './session-panel.js';
import { renderComparePanel } from './compare-panel.js';
import { showError, showNotice } from './messages.js';
import * as api from './api.js';
import { setListStop } from './country-list.js';
import { selectInDayList } from './timeline/day-list.js';
import { makeRoomForPanel, narrowWindow, refreshLayout, setDrawer } from './layout.js';
import { isStarred, noteOf, setNote, setStar, viewerZone } from './user-data.js';

export function openPanel(type, id) {
  performance.clearMarks('panel-request');
  performance.mark('panel-request');
  app.lastFocus = document.activeElement;
  navigate({ panel: { type, id } });
}

export const openCountry = (iso3) => openPanel('country', iso3);

export function closePanel() {
  navigate({ panel: null });
  if (app.lastFocus && document.contains(app.lastFocus)) app.lastFocus.focus();
}

export const panelContext = {
  onClose: closePanel,
  onError: showError,
  isStarred,
  setStar,
  note: noteOf,
  setNote,
  openCountry,
  openSession: (id) => openPanel('session', id),
  openEntry: (id) => openPanel('entry', id),
  openCompare: (left, right) => openPanel('compare', `${left}+${right}`),
  countries: () => app.countries,
  countryName: (iso3) => app.countryNames.get(iso3) || iso3,
  sessionTitle: (id) => {
    const item = app.items.find((i) => i.type === 'session' && i.id === id);
    return item ? item.title : id;
  },
  chosenMineral: () => state.mineral,
  primaryEventId: () => (app.info ? app.info.primary_event : null),
  host: () => (app.info ? app.info.host : null),
  writeBrief,
};

/** Writes a country's brief (times in the viewer's zone) and says where it went. */
async function writeBrief(iso3, paper) {
  try {
    const path = await api.exportCountryBrief(iso3, viewerZone(), paper);
    if (path) showNotice(`Saved the brief as PDF: ${path}`);
  } catch (e) {
    showError(e);
  }
}

// How each kind of panel is drawn.
const PANELS = {
  country: renderCountryPanel,
  session: renderSessionPanel,
  entry: renderEntryPanel,
  compare: renderComparePanel,
};

export function hidePanel() {
  const panel = $('panel');
  panel.hidden = true;
  clear(panel);
  for (const k of ['panel', 'iso3', 'sessionId', 'timelineId']) delete panel.dataset[k];
  refreshLayout();
  markCountry(null);
  markMapCountries([]);
  if (app.timeline) app.timeline.setSelected(null);
}

function markCountry(iso3) {
  document.querySelectorAll('.country-button[aria-current]').forEach((b) => b.removeAttribute('aria-current'));
  if (iso3) {
    const button = document.querySelector(`.country-button[data-iso3="${iso3}"]`);
    if (button) {
      button.setAttribute('aria-current', 'true');
      setListStop(button.closest('ul'), button);
    }
  }
  if (app.map) app.map.select(iso3);
  if (app.timeline) app.timeline.setHighlight(iso3);
}

function markMapCountries(list) {
  if (app.map) app.map.highlight(list);
}

/** A country's marks elsewhere, a frame after its panel: the list, the map, the timeline. */
function markForCountry(iso3) {
  markCountry(iso3);
  markMapCountries([]);
  // A small or hidden country is brought into view beside the panel.
  if (app.map && state.view === 'map') app.map.reveal(iso3, $('panel-area').getBoundingClientRect());
}

/** An item's marks elsewhere: selected on the timeline and the day list, its countries on the map. */
function markForItem(key, detail) {
  if (app.timeline) app.timeline.setSelected(key);
  selectInDayList($('day-list'), key);
  markCountry(null);
  // A comparison marks its two countries on the map.
  markMapCountries(detail.countries || [detail.left.country.iso3, detail.right.country.iso3]);
}

/**
 * Measures click to the end of the frame that shows the panel. Registered
 * before the marks queued for the frame after, so their work is not counted
 * as the panel's (it is not on screen until the next frame either way).
 */
/** The benchmark's split of click-to-panel: the data arrived, the panel's DOM built. */
const measureStep = (start, name) => {
  try {
    performance.measure(name, start);
  } catch {
    // no start mark (a panel opened from the hash): nothing to split
  }
};

const markPanelShown = () => markPainted('panel-request', 'click-to-panel');

// Each call of showPanel draws under its own number; a later call makes an
// earlier one's pending steps (its data arriving, its deferred rest) stale,
// even for the same item (shown again after an import, or X, Y, X in one frame).
// The hash must still name the item, too: a panel closed meanwhile stays closed.
let drawing = 0;

/**
 * Runs a panel's `finish` (its part drawn a frame after the click), if it
 * has one. A panel that cannot complete is closed with the reason, never
 * left half drawn: then false.
 */
function completed(finish) {
  if (!finish) return true;
  try {
    finish();
    return true;
  } catch (e) {
    hidePanel();
    showError(e);
    return false;
  }
}

const sameKey = (key) => state.panel && `${state.panel.type}:${state.panel.id}` === key;

export async function showPanel(panelState) {
  const panel = $('panel');
  const key = `${panelState.type}:${panelState.id}`;
  const mine = ++drawing;
  const current = () => mine === drawing && sameKey(key);
  try {
    // The panel is painted first and the map's marks a frame later: a
    // change on the map repaints it, about 10 ms in software, which would
    // double the time from the click to the panel.
    // (A country's panel does not depend on the zone: its cache key has none.)
    const detail = await panelData(panelState.type, panelState.id, viewerZone());
    if (!current()) return;
    measureStep('panel-request', 'panel-data');
    // Country, session and entry panels are finished a frame later; a comparison is drawn whole.
    const finish = PANELS[panelState.type](panel, detail, panelContext);
    measureStep('panel-request', 'panel-built');
    markPanelShown();
    afterPaint(() => {
      if (!current() || !completed(finish)) return;
      makeRoomForPanel(panelState.type);
      if (panelState.type === 'country') markForCountry(panelState.id);
      else markForItem(key, detail);
    });
    panel.hidden = false;
    refreshLayout();
    if (narrowWindow.matches) setDrawer(false);
    panel.scrollTop = 0;
    panel.focus({ preventScroll: true });
  } catch (e) {
    hidePanel();
    showError(e);
  }
}

/**
 * The first panel pays once for its styles, layout and code warming up
 * (about 100 ms): pay it while the user is still looking at the map, on a
 * copy laid out off screen and thrown away.
 */
export async function warmPanel() {
  const host = app.countries.find((c) => c.role === 'host');
  if (!host) return;
  const detail = await panelData('country', host.iso3);
  const scratch = document.createElement('aside');
  scratch.className = 'panel panel-warmup';
  scratch.setAttribute('aria-hidden', 'true');
  scratch.inert = true;
  renderCountryPanel(scratch, detail, { ...panelContext, setNote: null })();
  // Nothing in the copy may be mistaken for the real panel (hooks, ids).
  delete scratch.dataset.panel;
  delete scratch.dataset.iso3;
  for (const el of scratch.querySelectorAll('[id]')) el.removeAttribute('id');
  $('panel').after(scratch);
  // The column is not displayed while nothing is open: lay it out, unseen, for the copy's frame.
  const area = $('panel-area');
  area.dataset.warming = 'true';
  await new Promise((resolve) => afterPaint(resolve));
  scratch.remove();
  delete area.dataset.warming;
}
