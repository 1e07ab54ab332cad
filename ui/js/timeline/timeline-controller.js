// The Timeline view: a day list by default (day-list.js), or the zoomable
// axis, built once it is first shown, in the primary event's zone; its
// preset buttons come from the events (`timelinePresets`), so imported
// conferences get theirs too. Which one shows is in the hash.

import { $, app, markPainted, navigate, nowMs, primaryEvent, state } from '../app-state.js';
import { clear } from '../dom.js';
import { openPanel } from '../panels.js';
import { TimelineView } from './timeline-view.js';
import { nowAndNext } from './now.js';
import { timelinePresets } from './items.js';
import { renderDayList } from './day-list.js';

const FALLBACK_ZONE = 'UTC';

/** The zone the axis is drawn in: the primary event's. */
export const axisZone = () => (primaryEvent() ? primaryEvent().time_zone : FALLBACK_ZONE);

export function ensureTimeline() {
  if (app.timeline) {
    app.timeline.layout();
    return;
  }
  performance.mark('timeline-start');
  app.timeline = new TimelineView($('timeline'), app.items, {
    onOpen: (item) => openPanel(item.type, item.id),
    zone: axisZone(),
  });
  const now = nowAndNext(app.events, app.items, nowMs());
  $('now-line').textContent = now.text;
  if (now.state === 'during') app.timeline.markNow(now.nowMs);
  app.timeline.showArc(0);
  markPainted('timeline-start', 'timeline-render');
  if (state.panel && state.panel.type === 'country') app.timeline.setHighlight(state.panel.id);
  if (state.panel && state.panel.type !== 'country') app.timeline.setSelected(`${state.panel.type}:${state.panel.id}`);
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

export function zoomTimeline(presetId) {
  if (!app.timeline) return;
  if (presetId === 'arc') {
    app.timeline.showArc();
    return;
  }
  const preset = timelinePresets(app.events).find((p) => p.id === presetId);
  if (!preset) return;
  // An imported conference is shown by its sessions, as "Show on timeline" does.
  if (preset.imported) app.timeline.zoomToEvent(preset.id.replace(/^event:/, ''));
  else app.timeline.zoomTo(preset.start, preset.end);
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
  $('tl-axis-note').textContent = `Axis in ${axisZone()} time; items known only to the day span the day.`;
}

/** The timeline, zoomed to one event's sessions (an imported conference). */
export function showEventOnTimeline(eventId) {
  navigate({ view: 'timeline', schedule: 'axis', panel: null });
  // The view switch builds the timeline synchronously from the hash change.
  setTimeout(() => { if (app.timeline) app.timeline.zoomToEvent(eventId); }, 0);
}
