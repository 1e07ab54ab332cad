// Boot: load the delegations, wire the list, the panel and the URL hash,
// then mark the document ready (documentElement.dataset.ready = "true").

import * as api from './api.js';
import { renderCountryList } from './country-list.js';
import { renderCountryPanel } from './country-panel.js';
import { countryHash, parseHash } from './router.js';
import { clear } from './dom.js';

const $ = (id) => document.getElementById(id);
let lastFocus = null;

function showError(error) {
  const banner = $('error-banner');
  banner.textContent = error && error.message ? error.message : String(error);
  banner.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => { banner.hidden = true; }, 8000);
}

async function openCountry(iso3) {
  const panel = $('panel');
  try {
    const detail = await api.getCountry(iso3);
    renderCountryPanel(panel, detail, { onClose: closePanel, onError: showError });
    panel.hidden = false;
    document.querySelectorAll('.country-button[aria-current]').forEach((b) => b.removeAttribute('aria-current'));
    const button = document.querySelector(`.country-button[data-iso3="${iso3}"]`);
    if (button) button.setAttribute('aria-current', 'true');
    panel.focus({ preventScroll: true });
  } catch (e) {
    hidePanel();
    showError(e);
  }
}

function hidePanel() {
  const panel = $('panel');
  panel.hidden = true;
  clear(panel);
  delete panel.dataset.panel;
  delete panel.dataset.iso3;
  document.querySelectorAll('.country-button[aria-current]').forEach((b) => b.removeAttribute('aria-current'));
}

function closePanel() {
  hidePanel();
  if (location.hash) history.pushState(null, '', location.pathname);
  if (lastFocus && document.contains(lastFocus)) lastFocus.focus();
}

function route() {
  const state = parseHash(location.hash);
  if (state.view === 'country') openCountry(state.iso3);
  else hidePanel();
}

function navigateToCountry(iso3) {
  lastFocus = document.activeElement;
  const hash = countryHash(iso3);
  if (location.hash === hash) openCountry(iso3);
  else location.hash = hash;
}

async function boot() {
  window.addEventListener('hashchange', route);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !$('panel').hidden) {
      event.preventDefault();
      closePanel();
    }
  });
  try {
    const [countries, info] = await Promise.all([api.listCountries(), api.datasetInfo()]);
    renderCountryList($('country-list'), countries, navigateToCountry);
    const nations = countries.filter((c) => c.role === 'participant' && c.kind === 'country').length;
    const organisations = countries.filter((c) => c.role === 'participant' && c.kind === 'organisation').length;
    $('countries-count').textContent = `${nations} countries${organisations ? ' and the European Commission' : ''}; the United States hosted`;
    const p = info.provenance;
    $('status-bar').textContent = `Dataset ${info.dataset_version} · ${info.counts.stat_rows} USGS rows · ${p.usgs_version} · offline`;
  } catch (e) {
    showError(e);
    $('country-list').removeAttribute('aria-busy');
  }
  route();
  requestAnimationFrame(() => { document.documentElement.dataset.ready = 'true'; });
}

boot();
