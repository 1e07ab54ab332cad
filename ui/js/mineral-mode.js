// Mineral mode: the map coloured by one mineral's world shares, its legend,
// the summary and ranked table beside it, the picker and the measure buttons.

import * as api from './api.js';
import { $, app, navigate, state } from './app-state.js';
import { cellText, cellsByCountry, headlineSeries } from './map/choropleth.js';
import { renderParticipationLegend, renderShareLegend } from './map/legend.js';
import { concentrationText, mineralSummary } from './map/mineral-summary.js';
import { renderRanking } from './map/mineral-ranking.js';
import { renderBarChart } from './map/bar-chart.js';
import { renderStages } from './map/stage-table.js';
import { refreshLayout } from './layout.js';
import { showError, showNotice } from './messages.js';
import { openCountry } from './panels.js';
import { unverifiedMark } from './sources.js';

/** Shows `id` (or the participation map when null) for `measure`. */
export async function showMineral(id, measure) {
  const picker = $('mineral-picker');
  picker.value = id || '';
  const summaryOfMineral = id ? app.minerals.find((x) => x.id === id) : null;
  for (const b of document.querySelectorAll('[data-measure]')) {
    // With no mineral neither measure is chosen: disabled and not pressed.
    b.setAttribute('aria-pressed', String(!!id && b.dataset.measure === measure));
    // A measure USGS gives no table for cannot be chosen (and says why).
    const has = !summaryOfMineral || (b.dataset.measure === 'reserves' ? summaryOfMineral.has_reserves : summaryOfMineral.has_production);
    b.title = has ? '' : `USGS gives no world ${b.dataset.measure} table for ${summaryOfMineral.name}`;
    b.disabled = !id || !has;
  }
  const summary = $('mineral-summary');
  if (!id) {
    app.map.showParticipation();
    renderParticipationLegend($('map-legend'), app.info ? app.info.host : null);
    summary.textContent = '';
    $('mineral-concentration').textContent = '';
    renderStages($('mineral-stages'), null, openCountry);
    refreshLayout();
    return;
  }
  // An import replaces the cache: an answer asked for before it is dropped,
  // a failure too (an undo may have taken the mineral away).
  const cache = app.mineralCache;
  try {
    let mineral = cache.get(id);
    if (!mineral) {
      mineral = await api.getMineral(id);
      cache.set(id, mineral);
    }
    if (cache !== app.mineralCache || state.mineral !== id || state.measure !== measure) return;
    const series = headlineSeries(mineral, measure);
    app.map.showShares(cellsByCountry(mineral, measure), cellText);
    renderShareLegend($('map-legend'), series
      ? `Share of world ${measure}, ${series.year} (${usgsRelease()})`
      : `No world ${measure} table for ${mineral.mineral.name}`);
    const title = $('mineral-table-title');
    title.textContent = `${mineral.mineral.name}: who ${measure === 'reserves' ? 'holds reserves' : 'produces it'}`;
    // A mineral or table from a data pack no trusted key signed says so, as the panels do.
    if (mineral.unverified || (series && series.unverified)) title.append(' ', unverifiedMark());
    summary.textContent = mineralSummary(mineral, series, measure, cellsByCountry(mineral, measure));
    const concentration = $('mineral-concentration');
    concentration.textContent = concentrationText(series && series.concentration, measure, (iso3) => app.countryNames.get(iso3) || iso3);
    concentration.title = series && series.concentration ? `${series.concentration.threshold_source}: ${series.concentration.threshold_url}` : '';
    // Timed for the benchmark (bench/interaction.mjs): the chart against the table it sits on.
    timed('chart-render', () => renderBarChart($('mineral-chart'), series, series ? series.unit : '', openCountry));
    timed('table-render', () => renderRanking($('mineral-ranking'), series, measure, openCountry, mineral.mineral.name, exportTable));
    renderStages($('mineral-stages'), measure === 'production' ? mineral.stages : null, openCountry);
    refreshLayout();
  } catch (e) {
    if (cache !== app.mineralCache || state.mineral !== id) return;
    showError(e);
    navigate({ mineral: null });
  }
}

function timed(name, work) {
  const start = performance.now();
  work();
  performance.measure(name, { start, end: performance.now() });
}

/** The USGS release the data is from, as its citation names it. */
export function usgsRelease() {
  const citation = app.info ? app.info.provenance.usgs_citation : '';
  const m = /Mineral Commodity Summaries (\d{4})/.exec(citation);
  return m ? `USGS MCS ${m[1]}` : 'USGS';
}

/** Fills (or, after an import, refills) the picker's groups; its first, empty choice stays. */
export function fillMineralPicker(minerals) {
  const picker = $('mineral-picker');
  const chosen = picker.value;
  for (const g of picker.querySelectorAll('optgroup')) g.remove();
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
  picker.value = chosen;
  if (picker.selectedIndex < 0) picker.value = '';
}

/** Saves a table as CSV through the save dialog, and says where it went. */
async function exportTable(series) {
  try {
    const path = await api.exportTableCsv(series.id);
    if (path) showNotice(`Saved the table as CSV: ${path}`);
  } catch (e) {
    showError(e);
  }
}
