// Boot and wiring. The URL hash is the one source of view state (view, open
// panel, mineral); everything here reacts to it. Marks
// documentElement.dataset.ready = "true" once the first view is painted.

import * as api from './api.js';
import { renderCountryList } from './country-list.js';
import { renderCountryPanel } from './country-panel.js';
import { renderEntryPanel, renderSessionPanel } from './session-panel.js';
import { renderAgenda } from './agenda-view.js';
import { setupSearch } from './search.js';
import { renderZonePicker, systemZone } from './zone-picker.js';
import { clear } from './dom.js';
import { dateText } from './format.js';
import { EMPTY_STATE, parseHash, toHash } from './router.js';
import { loadWorld } from './map/geometry.js';
import { WorldMap } from './map/world-map.js';
import { cellText, cellsByCountry, headlineSeries } from './map/choropleth.js';
import { renderParticipationLegend, renderShareLegend } from './map/legend.js';
import { mineralSummary } from './map/mineral-summary.js';
import { BOUNDARY_NOTE } from './map/disputed.js';
import { TimelineView } from './timeline/timeline-view.js';
import { nowAndNext } from './timeline/now.js';
import { setupImport } from './import-view.js';

const $ = (id) => document.getElementById(id);

// Anything the CSP blocks is a bug: keep a record (the offline tests read it) and say so.
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`);
  console.warn(`CSP blocked ${e.blockedURI} (${e.violatedDirective})`);
});
const state = { ...EMPTY_STATE };
const app = {
  map: null,
  timeline: null,
  countries: [],
  countryNames: new Map(),
  events: [],
  items: [],
  user: { starred: [], notes: {}, settings: { time_zone: null } },
  mineralCache: new Map(),
  lastFocus: null,
};

// ---- messages -------------------------------------------------------------

function showError(error) {
  const banner = $('error-banner');
  banner.textContent = error && error.message ? error.message : String(error);
  banner.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => { banner.hidden = true; }, 8000);
}

function showNotice(text) {
  $('notice-text').textContent = text;
  $('notice-banner').hidden = false;
}

// ---- navigation -----------------------------------------------------------

function navigate(changes) {
  const hash = toHash({ ...state, ...changes });
  if (location.hash === hash) applyState(parseHash(hash));
  else location.hash = hash;
}

/**
 * Runs `fn` once the current frame is on screen: a task queued from a frame
 * callback runs after that frame is rendered, not a frame later.
 */
const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));

/** Marks for the benchmarks: click to panel painted, timeline render. */
function markPainted(start, name) {
  afterPaint(() => {
    try {
      performance.measure(name, start);
    } catch {
      // the start mark was cleared: nothing to measure
    }
  });
}

function openPanel(type, id) {
  performance.clearMarks('panel-request');
  performance.mark('panel-request');
  app.lastFocus = document.activeElement;
  navigate({ panel: { type, id } });
}

const openCountry = (iso3) => openPanel('country', iso3);
const openSession = (id) => openPanel('session', id);

function closePanel() {
  navigate({ panel: null });
  if (app.lastFocus && document.contains(app.lastFocus)) app.lastFocus.focus();
}

// ---- the user's data --------------------------------------------------------

const viewerZone = () => app.user.settings.time_zone || systemZone();
const isStarred = (kind, id) => app.user.starred.some((s) => s.kind === kind && s.id === id);
const noteOf = (target) => app.user.notes[target] || '';

async function setStar(kind, id, starred) {
  try {
    app.user = await api.setStar(kind, id, starred);
    if (state.view === 'agenda') showAgenda();
    return isStarred(kind, id);
  } catch (e) {
    showError(e);
    return isStarred(kind, id);
  }
}

async function setNote(target, text) {
  app.user = await api.setNote(target, text);
}

const panelContext = {
  onClose: closePanel,
  onError: showError,
  isStarred,
  setStar,
  note: noteOf,
  setNote,
  openCountry,
  openSession,
  openEntry: (id) => openPanel('entry', id),
  countryName: (iso3) => app.countryNames.get(iso3) || iso3,
  chosenMineral: () => state.mineral,
};

// How each kind of item panel is fetched and drawn.
const ITEM_PANELS = {
  session: { load: api.getSession, render: renderSessionPanel },
  entry: { load: api.getTimelineEntry, render: renderEntryPanel },
};

// ---- panels ---------------------------------------------------------------

function hidePanel() {
  const panel = $('panel');
  panel.hidden = true;
  clear(panel);
  for (const k of ['panel', 'iso3', 'sessionId', 'timelineId']) delete panel.dataset[k];
  $('placeholder').hidden = false;
  markCountry(null);
  markMapCountries([]);
  if (app.timeline) app.timeline.setSelected(null);
}

function markCountry(iso3) {
  document.querySelectorAll('.country-button[aria-current]').forEach((b) => b.removeAttribute('aria-current'));
  if (iso3) {
    const button = document.querySelector(`.country-button[data-iso3="${iso3}"]`);
    if (button) button.setAttribute('aria-current', 'true');
  }
  if (app.map) app.map.select(iso3);
  if (app.timeline) app.timeline.setHighlight(iso3);
}

function markMapCountries(list) {
  if (app.map) app.map.highlight(list);
}

async function showPanel(panelState) {
  const panel = $('panel');
  const key = `${panelState.type}:${panelState.id}`;
  try {
    // The panel is painted first and the map's marks a frame later: a
    // change on the map repaints it, about 10 ms in software, which would
    // double the time from the click to the panel.
    if (panelState.type === 'country') {
      const detail = await api.getCountry(panelState.id);
      if (!sameKey(key)) return;
      renderCountryPanel(panel, detail, panelContext);
      afterPaint(() => {
        if (!sameKey(key)) return;
        markCountry(panelState.id);
        markMapCountries([]);
      });
    } else {
      const { load, render } = ITEM_PANELS[panelState.type];
      const detail = await load(panelState.id, viewerZone());
      if (!sameKey(key)) return;
      render(panel, detail, panelContext);
      if (app.timeline) app.timeline.setSelected(key);
      afterPaint(() => {
        if (!sameKey(key)) return;
        markCountry(null);
        markMapCountries(detail.countries);
      });
    }
    panel.hidden = false;
    $('placeholder').hidden = true;
    panel.scrollTop = 0;
    panel.focus({ preventScroll: true });
    markPainted('panel-request', 'click-to-panel');
  } catch (e) {
    hidePanel();
    showError(e);
  }
}

const sameKey = (key) => state.panel && `${state.panel.type}:${state.panel.id}` === key;

// ---- views ----------------------------------------------------------------

function showView(view) {
  for (const tab of document.querySelectorAll('[role="tab"][data-view]')) {
    const on = tab.dataset.view === view;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
  }
  for (const v of ['map', 'timeline', 'agenda']) $(`view-${v}`).hidden = v !== view;
  if (view === 'timeline') ensureTimeline();
  if (view === 'agenda') showAgenda();
}

function ensureTimeline() {
  if (app.timeline) {
    app.timeline.layout();
    return;
  }
  performance.mark('timeline-start');
  app.timeline = new TimelineView($('timeline'), app.items, {
    onOpen: (item) => openPanel(item.type, item.id),
  });
  const now = nowAndNext(app.events, app.items, Date.now());
  $('now-line').textContent = now.text;
  if (now.state === 'during') app.timeline.markNow(now.nowMs);
  app.timeline.showArc(0);
  markPainted('timeline-start', 'timeline-render');
  if (state.panel && state.panel.type === 'country') app.timeline.setHighlight(state.panel.id);
  if (state.panel && state.panel.type !== 'country') app.timeline.setSelected(`${state.panel.type}:${state.panel.id}`);
}

function zoomTimeline(preset) {
  if (!app.timeline) return;
  const day = (d) => Date.parse(`${d}T00:00:00-05:00`);
  if (preset.startsWith('event:')) app.timeline.zoomToEvent(preset.slice(6));
  else if (preset === 'arc') app.timeline.showArc();
  else if (preset === 'ministerial') app.timeline.zoomTo(day('2026-02-03'), day('2026-02-05'));
  else if (preset === 'pmif') app.timeline.zoomTo(Date.parse('2026-04-07T19:00:00Z'), Date.parse('2026-04-09T19:00:00Z'));
  else app.timeline.zoomTo(day(preset), day(preset) + 86400e3);
}

async function showAgenda() {
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

// ---- mineral mode -----------------------------------------------------------

async function showMineral(id, measure) {
  const picker = $('mineral-picker');
  picker.value = id || '';
  const summaryOfMineral = id ? (app.minerals || []).find((x) => x.id === id) : null;
  for (const b of document.querySelectorAll('[data-measure]')) {
    b.setAttribute('aria-pressed', String(b.dataset.measure === measure));
    // A measure USGS gives no table for cannot be chosen (and says why).
    const has = !summaryOfMineral || (b.dataset.measure === 'reserves' ? summaryOfMineral.has_reserves : summaryOfMineral.has_production);
    b.disabled = !has;
    b.title = has ? '' : `USGS gives no world ${b.dataset.measure} table for ${summaryOfMineral.name}`;
    b.disabled = !id || !has;
  }
  const summary = $('mineral-summary');
  if (!id) {
    app.map.showParticipation();
    renderParticipationLegend($('map-legend'));
    summary.hidden = true;
    return;
  }
  try {
    let mineral = app.mineralCache.get(id);
    if (!mineral) {
      mineral = await api.getMineral(id);
      app.mineralCache.set(id, mineral);
    }
    if (state.mineral !== id || state.measure !== measure) return;
    const series = headlineSeries(mineral, measure);
    app.map.showShares(cellsByCountry(mineral, measure), cellText);
    renderShareLegend($('map-legend'), series
      ? `Share of world ${measure}, ${series.year} (USGS MCS 2026)`
      : `No world ${measure} table for ${mineral.mineral.name}`);
    summary.textContent = mineralSummary(mineral, series, measure, cellsByCountry(mineral, measure));
    summary.hidden = false;
  } catch (e) {
    showError(e);
    navigate({ mineral: null });
  }
}

// ---- state ----------------------------------------------------------------

function applyState(next) {
  const viewChanged = next.view !== state.view;
  const panelChanged = JSON.stringify(next.panel) !== JSON.stringify(state.panel);
  const mineralChanged = next.mineral !== state.mineral || next.measure !== state.measure;
  Object.assign(state, next);
  if (viewChanged) showView(state.view);
  if (mineralChanged && app.map) showMineral(state.mineral, state.measure);
  if (panelChanged) {
    if (state.panel) showPanel(state.panel);
    else hidePanel();
  }
}

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
  else if (r.kind === 'person') {
    if (r.country) openCountry(r.country);
  } else if (r.kind === 'session') openPanel('session', r.id);
  else if (r.kind === 'timeline') openPanel('entry', r.id);
  else if (r.kind === 'mineral') navigate({ view: 'map', mineral: r.id });
  else if (r.kind === 'event') showEventOnTimeline(r.id);
}

/** The timeline, zoomed to one event's sessions (an imported conference). */
function showEventOnTimeline(eventId) {
  navigate({ view: 'timeline', panel: null });
  // The view switch builds the timeline synchronously from the hash change.
  setTimeout(() => { if (app.timeline) app.timeline.zoomToEvent(eventId); }, 0);
}

/** Presets for imported conferences, beside the built-in ones. */
function renderImportedPresets() {
  const holder = $('tl-imported');
  clear(holder);
  for (const e of app.events.filter((ev) => ev.id.startsWith('imp-'))) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.timelineZoom = `event:${e.id}`;
    b.textContent = e.short_title;
    b.title = `Show ${e.short_title} (imported)`;
    holder.append(b);
  }
}

/** Events, sessions and timeline entries again, after an import or an undo. */
async function reloadData() {
  const [info, events, entries] = await Promise.all([api.datasetInfo(), api.listEvents(), api.getTimeline()]);
  app.events = events.map((e) => ({ id: e.id, short_title: e.short_title, start: e.start, end: e.end, time_zone: e.time_zone }));
  const sessions = await Promise.all(events.map((e) => api.listSessions(e.id)));
  app.items = timelineItems(sessions, entries);
  showStatus(info);
  renderImportedPresets();
  if (app.timeline) {
    app.timeline.destroy();
    app.timeline = null;
    if (state.view === 'timeline') ensureTimeline();
  }
  if (state.view === 'agenda') showAgenda();
  if (state.panel) showPanel(state.panel);
}

function showStatus(info) {
  const p = info.provenance;
  const imported = app.events.filter((e) => e.id.startsWith('imp-')).length;
  const asOf = p.facts_as_of ? ` · data as of ${dateText(p.facts_as_of)}` : '';
  $('status-bar').textContent = `USGS MCS 2026 (${p.usgs_version})${asOf} · ${info.counts.stat_rows.toLocaleString('en')} USGS country rows${imported ? ` · ${imported} imported schedule${imported === 1 ? '' : 's'}` : ''} · offline · dataset ${info.dataset_version}`;
}

function wireControls() {
  $('mineral-picker').addEventListener('change', (e) => navigate({ mineral: e.target.value || null }));
  for (const b of document.querySelectorAll('[data-measure]')) {
    b.addEventListener('click', () => navigate({ measure: b.dataset.measure }));
  }
  $('zoom-in').addEventListener('click', () => app.map && app.map.zoomBy(1.6));
  $('zoom-out').addEventListener('click', () => app.map && app.map.zoomBy(1 / 1.6));
  $('zoom-reset').addEventListener('click', () => app.map && app.map.reset());
  // Delegated: imported conferences add their own preset buttons later.
  document.querySelector('#view-timeline .toolbar').addEventListener('click', (e) => {
    const b = e.target.closest('[data-timeline-zoom]');
    if (b) zoomTimeline(b.dataset.timelineZoom);
  });
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
  $('notice-close').addEventListener('click', () => { $('notice-banner').hidden = true; });
  window.addEventListener('hashchange', () => applyState(parseHash(location.hash)));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !$('panel').hidden && !document.querySelector('dialog[open]')) {
      event.preventDefault();
      closePanel();
    }
  });
  setupSearch($('search'), $('search-results'), openSearchResult, showError);
  setupImport({
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
  });
}

function timelineItems(sessionsByEvent, entries) {
  const items = [];
  for (const s of sessionsByEvent.flat()) {
    items.push({
      key: `session:${s.id}`, type: 'session', id: s.id, title: s.title, kind: s.kind, status: s.status_as_of ? 'past' : s.status,
      precision: s.time_precision, start: Date.parse(s.local_start.local), end: Date.parse(s.local_end.local),
      countries: s.countries, event: s.event, imported: s.event.startsWith('imp-'), when: s.time_precision === 'day' ? s.local_start.date : `${s.local_start.date} ${s.local_start.clock} ${s.local_start.abbreviation}`,
    });
  }
  for (const t of entries) {
    if (t.sessions.length) continue; // shown through its sessions
    const start = Date.parse(t.local_start.local);
    const end = t.end ? Date.parse(t.end.replace(/\[.*\]$/, '')) : start + (t.time_precision === 'day' ? 86400e3 : 3600e3);
    items.push({
      key: `entry:${t.id}`, type: 'entry', id: t.id, title: t.title, kind: t.kind, status: t.status_as_of ? 'past' : t.status,
      precision: t.time_precision, start, end, countries: t.countries, when: t.local_start.date,
    });
  }
  return items;
}

async function loadUser() {
  try {
    const view = await api.getUserData();
    app.user = view.data;
    if (view.notice) showNotice(view.notice);
  } catch (e) {
    showError(e);
  }
  renderZonePicker($('zone-picker'), app.user.settings.time_zone, onZoneChange, api.listTimeZones);
}

async function onZoneChange(zone) {
  try {
    app.user = await api.setTimeZone(zone);
  } catch (e) {
    showError(e);
  }
  renderZonePicker($('zone-picker'), app.user.settings.time_zone, onZoneChange, api.listTimeZones);
  if (state.panel && state.panel.type !== 'country') showPanel(state.panel);
  if (state.view === 'agenda') showAgenda();
}

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
    renderParticipationLegend($('map-legend'));
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
  const rest = Promise.all([api.listMinerals(), api.datasetInfo(), api.listEvents(), api.getTimeline(), loadUser()]);
  if (countries) {
    renderCountryList($('country-list'), countries, openCountry);
    const nations = countries.filter((c) => c.role === 'participant' && c.kind === 'country').length;
    const organisations = countries.filter((c) => c.role === 'participant' && c.kind === 'organisation').length;
    $('countries-count').textContent = `${nations} countries${organisations ? ' and the European Commission' : ''}; the United States hosted`;
  }
  try {
    const [minerals, info, events, entries] = await rest;
    app.minerals = minerals;
    fillMineralPicker(minerals);
    app.events = events.map((e) => ({ id: e.id, short_title: e.short_title, start: e.start, end: e.end, time_zone: e.time_zone }));
    showStatus(info);
    const sessions = await Promise.all(events.map((e) => api.listSessions(e.id)));
    app.items = timelineItems(sessions, entries);
    renderImportedPresets();
  } catch (e) {
    showError(e);
  }
  const initial = parseHash(location.hash);
  state.measure = initial.measure;
  if (app.map) await showMineral(null, 'production');
  state.view = null;
  applyState(initial);
  // Ready for the tests once the initial view (whatever the hash asked for) is painted.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    document.documentElement.dataset.ready = 'true';
  }));
  // The first panel pays once for its styles, layout and code warming up
  // (about 100 ms): pay it while the user is still looking at the map, on a
  // copy laid out off screen and thrown away.
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 200));
  idle(() => warmPanel().catch(() => {}));
}

async function warmPanel() {
  const host = app.countries.find((c) => c.role === 'host');
  if (!host) return;
  const detail = await api.getCountry(host.iso3);
  const scratch = document.createElement('aside');
  scratch.className = 'panel panel-warmup';
  scratch.setAttribute('aria-hidden', 'true');
  scratch.inert = true;
  renderCountryPanel(scratch, detail, { ...panelContext, setNote: null });
  // Nothing in the copy may be mistaken for the real panel (hooks, ids).
  delete scratch.dataset.panel;
  delete scratch.dataset.iso3;
  for (const el of scratch.querySelectorAll('[id]')) el.removeAttribute('id');
  $('panel').after(scratch);
  await new Promise((resolve) => afterPaint(resolve));
  scratch.remove();
}

function fillMineralPicker(minerals) {
  const picker = $('mineral-picker');
  const groups = [['Critical minerals', true], ['Other minerals', false]].map(([label, critical]) => {
    const g = document.createElement('optgroup');
    g.label = label;
    for (const m of minerals) {
      if (m.critical !== critical || (!m.has_production && !m.has_reserves)) continue;
      const o = document.createElement('option');
      o.value = m.id;
      o.textContent = m.name;
      g.append(o);
    }
    return g;
  });
  picker.append(...groups);
}

boot();
