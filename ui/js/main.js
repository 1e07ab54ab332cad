// Boot and wiring: the delegation list, the map, the mineral picker, the
// country panel and the URL hash (the single source of the view state).
// Marks documentElement.dataset.ready = "true" once the map is painted.

import * as api from './api.js';
import { renderCountryList } from './country-list.js';
import { renderCountryPanel } from './country-panel.js';
import { clear, h } from './dom.js';
import { parseHash, toHash } from './router.js';
import { loadWorld } from './map/geometry.js';
import { WorldMap } from './map/world-map.js';
import { headlineSeries, sharesBySeries } from './map/choropleth.js';
import { renderParticipationLegend, renderShareLegend } from './map/legend.js';
import { mineralSummary } from './map/mineral-summary.js';
import { BOUNDARY_NOTE } from './map/disputed.js';

const $ = (id) => document.getElementById(id);
const state = { country: null, mineral: null, measure: 'production' };
let map = null;
let lastFocus = null;
const mineralCache = new Map();

function showError(error) {
  const banner = $('error-banner');
  banner.textContent = error && error.message ? error.message : String(error);
  banner.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => { banner.hidden = true; }, 8000);
}

function navigate(changes) {
  const next = { ...state, ...changes };
  const hash = toHash(next);
  if (location.hash === hash) applyState(parseHash(hash));
  else location.hash = hash;
}

// ---- country panel ----------------------------------------------------

async function openCountry(iso3) {
  const panel = $('panel');
  try {
    const detail = await api.getCountry(iso3);
    if (state.country !== iso3) return; // the user moved on meanwhile
    renderCountryPanel(panel, detail, { onClose: closePanel, onError: showError });
    panel.hidden = false;
    $('placeholder').hidden = true;
    markSelected(iso3);
    panel.focus({ preventScroll: true });
  } catch (e) {
    hidePanel();
    showError(e);
  }
}

function markSelected(iso3) {
  document.querySelectorAll('.country-button[aria-current]').forEach((b) => b.removeAttribute('aria-current'));
  if (iso3) {
    const button = document.querySelector(`.country-button[data-iso3="${iso3}"]`);
    if (button) button.setAttribute('aria-current', 'true');
  }
  if (map) map.select(iso3);
}

function hidePanel() {
  const panel = $('panel');
  panel.hidden = true;
  clear(panel);
  delete panel.dataset.panel;
  delete panel.dataset.iso3;
  $('placeholder').hidden = false;
  markSelected(null);
}

function closePanel() {
  navigate({ country: null });
  if (lastFocus && document.contains(lastFocus)) lastFocus.focus();
}

function selectCountry(iso3) {
  lastFocus = document.activeElement;
  navigate({ country: iso3 });
}

// ---- mineral mode -----------------------------------------------------

async function showMineral(id, measure) {
  const picker = $('mineral-picker');
  picker.value = id || '';
  for (const b of document.querySelectorAll('[data-measure]')) {
    b.setAttribute('aria-pressed', String(b.dataset.measure === measure));
    b.disabled = !id;
  }
  const summary = $('mineral-summary');
  if (!id) {
    map.showParticipation();
    renderParticipationLegend($('map-legend'));
    summary.hidden = true;
    return;
  }
  try {
    let mineral = mineralCache.get(id);
    if (!mineral) {
      mineral = await api.getMineral(id);
      mineralCache.set(id, mineral);
    }
    if (state.mineral !== id || state.measure !== measure) return;
    const series = headlineSeries(mineral, measure);
    map.showShares(sharesBySeries(series));
    renderShareLegend($('map-legend'), series
      ? `Share of world ${measure}, ${series.year} (USGS MCS 2026)`
      : `No world ${measure} table for ${mineral.mineral.name}`);
    summary.textContent = mineralSummary(mineral, series, measure);
    summary.hidden = false;
  } catch (e) {
    showError(e);
    navigate({ mineral: null });
  }
}

// ---- state ------------------------------------------------------------

function applyState(next) {
  const countryChanged = next.country !== state.country;
  const mineralChanged = next.mineral !== state.mineral || next.measure !== state.measure;
  Object.assign(state, next);
  if (mineralChanged && map) showMineral(state.mineral, state.measure);
  if (countryChanged) {
    if (state.country) openCountry(state.country);
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

function wireControls() {
  $('mineral-picker').addEventListener('change', (e) => navigate({ mineral: e.target.value || null }));
  for (const b of document.querySelectorAll('[data-measure]')) {
    b.addEventListener('click', () => navigate({ measure: b.dataset.measure }));
  }
  $('zoom-in').addEventListener('click', () => map && map.zoomBy(1.6));
  $('zoom-out').addEventListener('click', () => map && map.zoomBy(1 / 1.6));
  $('zoom-reset').addEventListener('click', () => map && map.reset());
  window.addEventListener('hashchange', () => applyState(parseHash(location.hash)));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !$('panel').hidden) {
      event.preventDefault();
      closePanel();
    }
  });
}

function fillMineralPicker(minerals) {
  const picker = $('mineral-picker');
  const critical = h('optgroup', { label: 'Critical minerals' });
  const others = h('optgroup', { label: 'Other minerals' });
  for (const m of minerals) {
    if (!m.has_production && !m.has_reserves) continue;
    (m.critical ? critical : others).append(h('option', { value: m.id }, m.name));
  }
  picker.append(critical, others);
}

async function boot() {
  wireControls();
  $('boundary-note').textContent = BOUNDARY_NOTE;
  try {
    const [countries, minerals, info, world] = await Promise.all([
      api.listCountries(), api.listMinerals(), api.datasetInfo(), loadWorld(),
    ]);
    renderCountryList($('country-list'), countries, selectCountry);
    const nations = countries.filter((c) => c.role === 'participant' && c.kind === 'country').length;
    const organisations = countries.filter((c) => c.role === 'participant' && c.kind === 'organisation').length;
    $('countries-count').textContent = `${nations} countries${organisations ? ' and the European Commission' : ''}; the United States hosted`;
    fillMineralPicker(minerals);
    map = new WorldMap($('map'), world, countries, { onSelect: selectCountry, onHover });
    $('map').removeAttribute('aria-busy');
    renderParticipationLegend($('map-legend'));
    const p = info.provenance;
    $('status-bar').textContent = `Dataset ${info.dataset_version} · ${info.counts.stat_rows.toLocaleString('en')} USGS country rows · ${p.usgs_version} · works offline`;
  } catch (e) {
    showError(e);
    $('country-list').removeAttribute('aria-busy');
  }
  const initial = parseHash(location.hash);
  state.measure = initial.measure;
  if (map) await showMineral(null, 'production');
  applyState(initial);
  // Two frames: the first paints the map, the second runs after that paint.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    document.documentElement.dataset.ready = 'true';
    api.appReady().catch(() => {});
  }));
}

boot();
