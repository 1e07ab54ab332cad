// The ranked bar chart in mineral mode: the largest producers (or holders of
// reserves) of the headline USGS table, bar length by USGS's figure, with
// the year before as a tick on each bar and the change written beside it.
// Attendance is told by the bar's fill (solid, hatched, hollow) and by a
// word in the label, never by colour alone (WCAG 1.4.1). Rows USGS gives no
// number for (W, NA, bounds, ranges) are not drawn as bars; the chart says
// which, and the table below has them.

import { h, clear } from '../dom.js';
import { shareText } from '../format.js';

const SVG = 'http://www.w3.org/2000/svg';
const ROLE_TAG = { host: 'host', participant: 'attended' };

/** "+1.8%", "−3.5%" (a true minus sign), "0.0%"; null when there is no change. */
export function changeText(percent) {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return null;
  const size = Math.abs(percent);
  const digits = size >= 10 ? 0 : 1;
  const text = `${size.toFixed(digits)}%`;
  if (Number(size.toFixed(digits)) === 0) return `±${text}`;
  return percent > 0 ? `+${text}` : `−${text}`;
}

const isNumber = (v) => v && (v.kind === 'number' || v.kind === 'zero') && typeof v.number === 'number';

/**
 * What the chart draws, as plain data: up to `limit` country rows with a
 * number, largest first, each with its fraction of the longest bar and of
 * its year-before tick; and the rows left out, with why.
 */
export function barChartModel(series, limit = 12) {
  if (!series) return { bars: [], unplotted: [], more: 0, previousYear: null };
  const countries = series.rows.filter((r) => r.country);
  const plotted = countries.filter((r) => isNumber(r.value)).sort((a, b) => b.value.number - a.value.number || a.name.localeCompare(b.name));
  const shown = plotted.slice(0, limit);
  const prev = (r) => (isNumber(r.previous) ? r.previous.number : null);
  const max = Math.max(0, ...shown.map((r) => Math.max(r.value.number, prev(r) ?? 0)));
  const bars = shown.map((r) => ({
    iso3: r.country,
    name: r.name,
    role: r.role || null,
    tag: ROLE_TAG[r.role] || 'did not attend',
    valueText: r.value.text,
    fraction: max > 0 ? r.value.number / max : 0,
    previousFraction: max > 0 && prev(r) !== null ? prev(r) / max : null,
    previousText: r.previous ? (isNumber(r.previous) ? r.previous.text : r.previous.description) : null,
    share: r.share ? shareText(r.share) : null,
    change: changeText(r.change_percent),
  }));
  const unplotted = countries.filter((r) => !isNumber(r.value)).map((r) => `${r.name} (${r.value.description})`);
  return { bars, unplotted, more: plotted.length - shown.length, previousYear: series.previous_year ?? null };
}

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) if (c) el.append(c);
  return el;
}

/** Draws the chart into `el`; a bar's country opens with `onOpen(iso3)`. */
export function renderBarChart(el, series, unit, onOpen) {
  clear(el);
  const model = barChartModel(series);
  if (!model.bars.length) return;
  const rowHeight = 22;
  const labelWidth = 132;
  const width = 360;
  const barSpace = width - labelWidth - 92;
  const height = model.bars.length * rowHeight + 4;
  const chart = svg('svg', { class: 'bar-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'bar-chart-title' });
  const defs = svg('defs', {},
    svg('pattern', { id: 'bar-hatch', width: 5, height: 5, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svg('rect', { width: 5, height: 5, class: 'bar-hatch-ground' }),
      svg('line', { x1: 0, y1: 0, x2: 0, y2: 5, class: 'bar-hatch-line' })));
  chart.append(defs);
  for (const [i, b] of model.bars.entries()) {
    const y = i * rowHeight + 2;
    const length = Math.max(1, b.fraction * barSpace);
    // The table below is the keyboard's way to each country; a bar is a pointer shortcut.
    const g = svg('g', { class: `bar bar-${b.role || 'none'}`, 'data-iso3': b.iso3 });
    const title = svg('title');
    title.textContent = `${b.name} (${b.tag}): ${b.valueText} ${unit}${b.share ? `, ${b.share} of the world` : ''}`
      + (b.previousText && model.previousYear ? `; ${model.previousYear}: ${b.previousText}` : '') + (b.change ? ` (${b.change})` : '');
    g.append(title);
    const label = svg('text', { x: labelWidth - 6, y: y + 14, class: 'bar-label', 'text-anchor': 'end' });
    const letters = [...b.name];
    label.textContent = letters.length > 18 ? `${letters.slice(0, 17).join('')}…` : b.name;
    const tag = svg('tspan', { class: 'bar-tag' });
    tag.textContent = b.role === 'host' ? ' H' : b.role === 'participant' ? ' A' : '';
    label.append(tag);
    g.append(label,
      svg('rect', { x: labelWidth, y: y + 3, width: length, height: rowHeight - 8, class: 'chart-bar-fill', fill: b.role === 'host' ? 'url(#bar-hatch)' : null }));
    if (b.previousFraction !== null) {
      const x = labelWidth + b.previousFraction * barSpace;
      g.append(svg('line', { x1: x, x2: x, y1: y + 1, y2: y + rowHeight - 3, class: 'bar-previous' }));
    }
    const figure = svg('text', { x: labelWidth + length + 4, y: y + 14, class: 'bar-value' });
    figure.textContent = `${b.share || b.valueText}${b.change ? ` ${b.change}` : ''}`;
    g.append(figure);
    g.addEventListener('click', () => onOpen(b.iso3));
    chart.append(g);
  }
  const notes = [];
  if (model.previousYear) notes.push(`The tick on each bar is ${model.previousYear}; the change is from ${model.previousYear}.`);
  if (model.more > 0) notes.push(`${model.more} more in the table below.`);
  if (model.unplotted.length) notes.push(`Not drawn, USGS gives no number: ${model.unplotted.join('; ')}.`);
  el.append(
    h('p', { class: 'chart-title', id: 'bar-chart-title' }, `Largest ${series.statistic === 'reserves' ? 'reserves' : 'producers'}, ${series.year}, by USGS's figure (${unit}); the label gives the share of the world.`),
    chart,
    h('ul', { class: 'legend chart-legend' },
      h('li', {}, h('span', { class: 'swatch swatch-bar-host' }), 'H: host (hatched)'),
      h('li', {}, h('span', { class: 'swatch swatch-bar-participant' }), 'A: attended (solid)'),
      h('li', {}, h('span', { class: 'swatch swatch-bar-none' }), 'did not attend (hollow)')),
    notes.length ? h('p', { class: 'chart-note' }, notes.join(' ')) : null);
}
