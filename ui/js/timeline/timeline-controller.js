// The Timeline view: a day list by default (day-list.js), or the zoomable
// axis, built once it is first shown, drawn in the reader's "Times in" zone;
// its preset buttons come from the events (`timelinePresets`), so imported
// conferences get theirs too. Which one shows, and the axis's preset or
// zoomed span, are in the hash: a zoom replaces the hash (it is not a step
// back), a preset is navigated to.

import { $, app, markPainted, navigate, nowMs, replaceView, state } from '../app-state.js';
import { clear } from '../dom.js';
import { openPanel } from '../panels.js';
import { viewerZone } from '../user-data.js';
import { TimelineView } from './timeline-view.js';
import { nowAndNext } from './now.js';
import { timelinePresets } from './items.js';
import { renderDayList } from './day-list.js';

/** The zone the axis is drawn in: the reader's, as "Times in" says. */
export const axisZone = () => viewerZone();

export function ensureTimeline() {
  if (app.timeline) {
    // (Its width may have changed while it was hidden: the span is kept.)
    app.timeline.resized();
    if (!applyAxisView()) keepSpan(app.timeline.visibleSpan());
    return;
  }
  performance.mark('timeline-start');
  app.timeline = new TimelineView($('timeline'), app.items, {
    onOpen: (item) => openPanel(item.type, item.id),
    onSpan: keepSpan,
    zone: axisZone(),
  });
  const now = nowAndNext(app.events, app.items, nowMs());
  $('now-line').textContent = now.text;
  if (now.state === 'during') app.timeline.markNow(now.nowMs);
  if (!applyAxisView(0)) app.timeline.showArc(0);
  markPainted('timeline-start', 'timeline-render');
  if (state.panel && state.panel.type === 'country') app.timeline.setHighlight(state.panel.id);
  if (state.panel && state.panel.type !== 'country') app.timeline.setSelected(`${state.panel.type}:${state.panel.id}`);
}

/** The span the hash asks the axis for (a preset's or a zoomed one), or null. */
function wantedSpan() {
  const t = app.timeline;
  if (!t) return null;
  if (state.span) return state.span;
  if (!state.preset) return null;
  if (state.preset === 'arc') return t.arc;
  const preset = timelinePresets(app.events).find((p) => p.id === state.preset);
  if (!preset) return null;
  // An imported conference is shown by its sessions, as "Show on timeline" does.
  return preset.imported ? t.eventSpan(preset.id.replace(/^event:/, '')) : [preset.start, preset.end];
}

/** Two spans the eye cannot tell apart: ends within a minute, or 0.2% of the span. */
const near = (a, b) => {
  const slack = Math.max(60e3, (b[1] - b[0]) * 0.002);
  return Math.abs(a[0] - b[0]) <= slack && Math.abs(a[1] - b[1]) <= slack;
};

/** Zooms the axis to what the hash names; false when it names nothing the axis has. */
export function applyAxisView(duration = 600) {
  for (const b of document.querySelectorAll('[data-timeline-zoom]')) b.setAttribute('aria-pressed', String(b.dataset.timelineZoom === state.preset));
  const wanted = wantedSpan();
  if (!wanted) {
    // A preset the axis no longer has (its import was undone or removed) leaves the hash.
    if (state.preset && !state.span && app.timeline) replaceView({ preset: null });
    return false;
  }
  if (!near(app.timeline.visibleSpan(), wanted)) app.timeline.zoomTo(wanted[0], wanted[1], duration);
  return true;
}

/** After a zoom or pan: the hash keeps the span, unless it is still the preset's. */
function keepSpan(span) {
  if (state.view !== 'timeline' || state.schedule !== 'axis') return;
  // The end of an animation the app started (or one the next cut short) is not the reader's zoom.
  if (app.timeline.isAnimating()) return;
  const wanted = wantedSpan();
  if (wanted && near(span, wanted)) return;
  // The whole arc is the axis's default: a bare '#/timeline/axis' says it.
  if (!wanted && near(span, app.timeline.arc)) return;
  const minute = 60e3;
  replaceView({ preset: null, span: [Math.floor(span[0] / minute) * minute, Math.ceil(span[1] / minute) * minute] });
  for (const b of document.querySelectorAll('[data-timeline-zoom]')) b.setAttribute('aria-pressed', 'false');
}

const panelKey = () => (state.panel && state.panel.type !== 'country' ? `${state.panel.type}:${state.panel.id}` : null);

/** Shows the schedule as the hash says: the day list, or the axis. */
export function showSchedule() {
  const axis = state.schedule === 'axis';
  for (const b of document.querySelectorAll('[data-schedule]')) b.setAttribute('aria-pressed', String(b.dataset.schedule === state.schedule));
  $('tl-axis-controls').hidden = !axis;
  $('timeline').hidden = !axis;
  $('timeline-legend').hidden = !axis;
  $('day-list').hidden = axis;
  if (axis) {
    ensureTimeline();
    return;
  }
  $('now-line').textContent = nowAndNext(app.events, app.items, nowMs()).text;
  renderDayList($('day-list'), app.items, (item) => openPanel(item.type, item.id), panelKey());
}


/** Builds the timeline again over new items (after an import or an undo). */
export function rebuildTimeline() {
  renderPresets();
  if (!app.timeline) return;
  app.timeline.destroy();
  app.timeline = null;
  if (state.view === 'timeline') showSchedule();
}

/** A preset button: the axis on its span, kept in the hash. */
export function zoomTimeline(presetId) {
  if (state.preset === presetId && !state.span) applyAxisView();
  else navigate({ preset: presetId, span: null });
}

/** The preset buttons: the built-in events and days, then imported conferences. */
export function renderPresets() {
  const own = $('tl-presets');
  const imported = $('tl-imported');
  clear(own);
  clear(imported);
  for (const p of timelinePresets(app.events)) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.timelineZoom = p.id;
    b.textContent = p.label;
    b.title = p.title;
    (p.imported ? imported : own).append(b);
  }
  renderAxisZone();
}

/** The axis in the reader's zone: after "Times in" changes. */
export function renderAxisZone() {
  $('tl-axis-note').textContent = `Axis in ${axisZone()} time (as "Times in" says); items known only to the day span their day in the event's zone.`;
  if (app.timeline) app.timeline.setZone(axisZone());
}

/** The timeline, zoomed to one event's sessions (an imported conference). */
export function showEventOnTimeline(eventId) {
  navigate({ view: 'timeline', schedule: 'axis', panel: null, preset: `event:${eventId}`, span: null });
}
