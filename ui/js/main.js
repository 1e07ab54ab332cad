// Boot and wiring. The URL hash is the one source of view state (view, open
// panel, mineral): `applyState` reacts to each change. The modules beside
// this one each do one job: app-state (state, navigation), panels,
// mineral-mode, user-data, agenda-controller, timeline/timeline-controller.
// Marks documentElement.dataset.ready = "true" once the first view is painted.

import * as api from './api.js';
import { $, app, navigate, primaryEvent, replaceView, state } from './app-state.js';
import { dateRangeText } from './format.js';
import { renderCountryList } from './country-list.js';
import { setupSearch } from './search.js';
import { parseHash } from './router.js';
import { loadWorld } from './map/geometry.js';
import { WorldMap } from './map/world-map.js';
import { BOUNDARY_NOTE } from './map/disputed.js';
import { renderParticipationLegend } from './map/legend.js';
import { setupImport } from './import-view.js';
import { showError, showNotice } from './messages.js';
import { closePanel, hidePanel, openCountry, openPanel, showPanel, warmPanel } from './panels.js';
import { forgetPanelData, prefetchPanelData } from './panel-data.js';
import { fillMineralPicker, showMineral, usgsRelease } from './mineral-mode.js';
import { loadUser, userHooks, viewerZone } from './user-data.js';
import { showAgenda } from './agenda-controller.js';
import { applyAxisView, rebuildTimeline, renderAxisZone, renderPresets, showEventOnTimeline, showSchedule, zoomTimeline } from './timeline/timeline-controller.js';
import { timelineItems } from './timeline/items.js';
import { statusDetails, statusText } from './status-bar.js';
import { refreshLayout, wireLayout } from './layout.js';

// Anything the CSP blocks is a bug: keep a record (the offline tests read it) and say so.
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`);
  console.warn(`CSP blocked ${e.blockedURI} (${e.violatedDirective})`);
});

function showView(view) {
  for (const tab of document.querySelectorAll('[role="tab"][data-view]')) {
    const on = tab.dataset.view === view;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
  }
  for (const v of ['map', 'timeline', 'agenda']) $(`view-${v}`).hidden = v !== view;
  refreshLayout();
  if (view === 'timeline') showSchedule();
  if (view === 'agenda') showAgenda();
}

function applyState(next) {
  const viewChanged = next.view !== state.view;
  const panelChanged = JSON.stringify(next.panel) !== JSON.stringify(state.panel);
  const mineralChanged = next.mineral !== state.mineral || next.measure !== state.measure;
  const scheduleChanged = next.schedule !== state.schedule;
  const axisChanged = next.preset !== state.preset || JSON.stringify(next.span) !== JSON.stringify(state.span);
  Object.assign(state, next);
  if (viewChanged) showView(state.view);
  else if (scheduleChanged && state.view === 'timeline') showSchedule();
  else if (axisChanged && state.view === 'timeline' && state.schedule === 'axis') applyAxisView();
  if (mineralChanged && app.map) showMineral(state.mineral, state.measure);
  if (panelChanged) {
    if (state.panel) showPanel(state.panel);
    else hidePanel();
  }
}
app.applyState = applyState;
userHooks.onStarsChanged = showAgenda;
userHooks.onZoneChanged = () => {
  renderAxisZone();
  if (state.panel && state.panel.type !== 'country') showPanel(state.panel);
  if (state.view === 'agenda') showAgenda();
};

function onHover(text, event, rect) {
  const tip = $('map-tooltip');
  if (!text) {
    tip.hidden = true;
    return;
  }
  tip.textContent = text;
  tip.hidden = false;
  const frame = $('map-frame').getBoundingClientRect();
  const x = rect ? rect.left + rect.width / 2 : event.clientX;
  const y = rect ? rect.top : event.clientY;
  tip.style.left = `${Math.min(Math.max(x - frame.left + 12, 0), frame.width - 220)}px`;
  tip.style.top = `${Math.max(y - frame.top - 36, 0)}px`;
}

function openSearchResult(r) {
  if (r.kind === 'country') openCountry(r.id);
  else if (r.kind === 'person' || r.kind === 'agreement') {
    if (r.country) openCountry(r.country);
  } else if (r.kind === 'session') openPanel('session', r.id);
  else if (r.kind === 'timeline') openPanel('entry', r.id);
  else if (r.kind === 'mineral') navigate({ view: 'map', mineral: r.id });
  else if (r.kind === 'event') showEventOnTimeline(r.id);
}

/** Events, sessions and timeline entries, and what depends on them. */
async function loadSchedule() {
  const [info, events, entries] = await Promise.all([api.datasetInfo(), api.listEvents(), api.getTimeline()]);
  app.info = info;
  app.events = events;
  const sessions = await Promise.all(events.map((e) => api.listSessions(e.id)));
  app.items = timelineItems(sessions, entries, events);
  const primary = primaryEvent();
  $('app-subtitle').textContent = primary
    ? [primary.title, primary.city, dateRangeText(primary.start, primary.end)].filter(Boolean).join(' · ') : '';
  $('status-bar').textContent = statusText(info, events, usgsRelease());
  $('status-bar').title = statusDetails(info);
}

/** After an import or an undo: the schedule again, and every view built on it. */
async function reloadData() {
  forgetPanelData();
  // A pack may carry minerals and USGS tables: none is shown from before it.
  app.mineralCache = new Map();
  const [minerals, countries] = await Promise.all([api.listMinerals(), api.listCountries(), loadSchedule()]);
  app.minerals = minerals;
  fillMineralPicker(minerals);
  // A mineral the undo took away is no longer shown (quietly: nothing failed).
  if (state.mineral && !minerals.some((m) => m.id === state.mineral)) replaceView({ mineral: null });
  // A pack may name, add or place parties: the map and the list are drawn
  // again from the new facts, only when they changed.
  if (JSON.stringify(countries) !== JSON.stringify(app.countries)) {
    if (app.map) app.map.setCountries(countries);
    showCountries(countries);
  }
  if (app.map) await showMineral(state.mineral, state.measure);
  rebuildTimeline();
  if (state.view === 'agenda') showAgenda();
  if (state.panel) showPanel(state.panel);
}

let rememberTimer = null;
app.onViewChanged = () => rememberView();
/** Keeps the view for the next start, once the user has stayed on it a moment. */
function rememberView() {
  clearTimeout(rememberTimer);
  rememberTimer = setTimeout(() => {
    // A read-only start (another window has the folder) cannot keep it: no matter.
    api.setLastView(location.hash || null).catch(() => {});
  }, 400);
}

function wireControls() {
  wireLayout();
  $('mineral-picker').addEventListener('change', (e) => navigate({ mineral: e.target.value || null }));
  for (const b of document.querySelectorAll('[data-measure]')) {
    b.addEventListener('click', () => navigate({ measure: b.dataset.measure }));
  }
  $('zoom-in').addEventListener('click', () => app.map && app.map.zoomBy(1.6));
  $('zoom-out').addEventListener('click', () => app.map && app.map.zoomBy(1 / 1.6));
  $('zoom-reset').addEventListener('click', () => app.map && app.map.reset());
  // Delegated: the preset buttons are made from the events.
  document.querySelector('#view-timeline .toolbar').addEventListener('click', (e) => {
    const b = e.target.closest('[data-timeline-zoom]');
    if (b) zoomTimeline(b.dataset.timelineZoom);
  });
  for (const b of document.querySelectorAll('[data-schedule]')) {
    b.addEventListener('click', () => navigate({ schedule: b.dataset.schedule }));
  }
  $('tl-in').addEventListener('click', () => app.timeline && app.timeline.zoomBy(2));
  $('tl-out').addEventListener('click', () => app.timeline && app.timeline.zoomBy(0.5));
  const tabs = [...document.querySelectorAll('[role="tab"][data-view]')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => navigate({ view: tab.dataset.view }));
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      e.preventDefault();
      const next = tabs[(i + step + tabs.length) % tabs.length];
      next.focus();
      navigate({ view: next.dataset.view });
    });
  }
  $('skip-to-map').addEventListener('click', (e) => {
    e.preventDefault();
    navigate({ view: 'map' });
    const stop = app.map && app.map.currentStop();
    if (stop) stop.focus({ preventScroll: true });
  });
  $('notice-close').addEventListener('click', () => { $('notice-banner').hidden = true; });
  // A hash typed or set from outside, and Back and Forward (both events may
  // come for one step: applying the same state twice changes nothing).
  const followHash = () => {
    applyState(parseHash(location.hash));
    rememberView();
  };
  window.addEventListener('hashchange', followHash);
  window.addEventListener('popstate', followHash);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !$('panel').hidden && !document.querySelector('dialog[open]')) {
      event.preventDefault();
      closePanel();
    }
  });
  setupSearch($('search'), $('search-results'), openSearchResult, showError);
  // The participation map's table: the delegations as CSV, written in Rust.
  $('export-participants').addEventListener('click', async () => {
    try {
      const path = await api.exportParticipantsCsv();
      if (path) showNotice(`Saved the delegations as CSV: ${path}`);
    } catch (e) {
      showError(e);
    }
  });
  imports = setupImport({
    importButton: $('import-button'),
    libraryButton: $('library-button'),
    progress: $('import-progress'),
    progressLabel: $('import-progress-label'),
    progressBar: $('import-progress-bar'),
    dropOverlay: $('drop-overlay'),
    resultSheet: $('import-sheet'),
    librarySheet: $('library-sheet'),
  }, {
    onChanged: reloadData,
    showOnTimeline: showEventOnTimeline,
    showError,
    showNotice,
  });
}

/** The parties as the page keeps them, their list and its count line. */
function showCountries(countries) {
  app.countries = countries;
  app.countryNames = new Map(countries.map((c) => [c.iso3, c.name]));
  renderCountryList($('country-list'), countries, openCountry);
  $('countries-count').textContent = countriesLine(countries);
}

/** "54 countries and the European Commission; the United States hosted", from the list. */
function countriesLine(countries) {
  const attending = countries.filter((c) => c.role === 'participant');
  const nations = attending.filter((c) => c.kind === 'country').length;
  const organisations = attending.filter((c) => c.kind === 'organisation').map((c) => c.name);
  const host = countries.find((c) => c.role === 'host');
  const orgText = organisations.length ? ` and the ${organisations.join(', the ')}` : '';
  return `${nations} countries${orgText}${host ? `; ${host.name} hosted` : ''}`;
}

/** The import controls (set up by wireControls): their data-update check runs at start when the user asked for it. */
let imports = null;

async function boot() {
  wireControls();
  $('boundary-note').textContent = BOUNDARY_NOTE;
  // The map first: it is the front page, and all it needs is the countries
  // and the (pre-projected) geometry. Everything else (the list beside it,
  // the other requests and their parsing) waits for its first frame, so
  // the main thread paints the map and nothing else.
  let countries = null;
  let firstFrame = Promise.resolve();
  try {
    let world;
    [countries, world] = await Promise.all([api.listCountries(), loadWorld()]);
    app.countries = countries;
    app.countryNames = new Map(countries.map((c) => [c.iso3, c.name]));
    performance.mark('map-start');
    app.map = new WorldMap($('map'), world, countries, { onSelect: openCountry, onHover });
    $('map').removeAttribute('aria-busy');
    const host = countries.find((c) => c.role === 'host');
    renderParticipationLegend($('map-legend'), host ? { iso3: host.iso3, name: host.name } : null);
    // The start-up probe's moment: the frame after the map's first paint.
    firstFrame = new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
      performance.measure('map-render', 'map-start');
      api.appReady().catch(() => {});
      resolve();
    })));
  } catch (e) {
    showError(e);
    $('country-list').removeAttribute('aria-busy');
  }
  await firstFrame;
  // The map is on screen: now its outlines take the pointer and the keyboard.
  if (app.map) app.map.showOutlines();
  const rest = Promise.all([api.listMinerals(), loadSchedule(), loadUser()]);
  if (countries) showCountries(countries);
  try {
    const [minerals] = await rest;
    app.minerals = minerals;
    fillMineralPicker(minerals);
    renderPresets();
  } catch (e) {
    showError(e);
  }
  // The hash is the state: with none given, the view of the last session.
  const lastView = app.user.settings.last_view;
  if ((!location.hash || location.hash === '#') && lastView) history.replaceState(null, '', lastView);
  const initial = parseHash(location.hash);
  state.measure = initial.measure;
  if (app.map) await showMineral(null, 'production');
  state.view = null;
  applyState(initial);
  // Ready for the tests once the initial view (whatever the hash asked for) is painted.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    document.documentElement.dataset.ready = 'true';
  }));
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 200));
  // Never automatic unless the user turned it on (the Imports sheet's box).
  if (imports && app.user.settings.check_updates_at_start) idle(() => imports.checkAtStart());
  idle(() => warmPanel().catch(() => {}).finally(() => prefetchPanelData([
    ...app.countries.filter((c) => c.role).map((c) => ({ type: 'country', id: c.iso3 })),
    ...app.items.filter((i) => !i.imported).slice(0, 200).map((i) => ({ type: i.type, id: i.id })),
  ], viewerZone())));
}

boot();
