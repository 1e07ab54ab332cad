// The timeline: sessions and timeline entries on one zoomable time axis, from
// the whole arc (2025 to PMIF 2026) down to the ministerial's hours. Items are
// buttons (data-session-id / data-timeline-id) styled by kind and status;
// arrows move between them, Enter opens. Only items in view have elements, so
// an imported schedule of 20,000 sessions costs what is on screen.

import { h, clear } from '../dom.js';
import { assignLanes, labelsThatFit, linearScale, ticks } from './scale.js';

const LANE_HEIGHT = 30;
const MIN_ITEM_WIDTH = 10;
const LABEL_ROOM = 220;
const ARC_PADDING = 7 * 86400e3;
// More items than this in view are drawn as a density strip of bins (a
// button per bin: Enter zooms in), never as thousands of buttons.
const MAX_DRAWN = 600;
const BIN_PX = 14;

export class TimelineView {
  /**
   * @param container element
   * @param items [{ key, type: 'session'|'entry', id, title, kind, status, precision, start, end, countries }]
   * @param handlers { onOpen(item), onSpan([t0, t1]) after each zoom or pan ends, zone: the IANA zone the axis is drawn in }
   */
  constructor(container, items, handlers) {
    this.container = container;
    this.items = [...items].sort((a, b) => a.start - b.start || a.title.localeCompare(b.title));
    this.handlers = handlers;
    this.zone = handlers.zone || 'UTC';
    this.focusIndex = 0;
    this.highlight = null;
    this.selectedKey = null;
    // The arc is the built-in story; imported conferences have their own presets.
    const own = this.items.filter((i) => !i.imported);
    const span = own.length ? own : this.items;
    let t0 = Infinity;
    let t1 = -Infinity;
    for (const i of span) {
      if (i.start < t0) t0 = i.start;
      if (i.end > t1) t1 = i.end;
    }
    this.arc = [t0 - ARC_PADDING, t1 + ARC_PADDING];
    this.build();
  }

  build() {
    const d3 = globalThis.d3;
    clear(this.container);
    this.canvas = h('div', { class: 'tl-canvas', role: 'group', 'aria-label': this.canvasLabel() });
    this.axis = h('div', { class: 'tl-axis', 'aria-hidden': 'true' });
    this.lanes = h('div', { class: 'tl-lanes' });
    this.canvas.append(this.axis, this.lanes);
    this.container.append(this.canvas);
    this.elements = new Array(this.items.length).fill(null);
    this.zoom = d3.zoom()
      .scaleExtent([1, 5000])
      .filter((event) => !event.button && event.type !== 'dblclick')
      .on('zoom', (event) => {
        this.transform = event.transform;
        this.layout();
      })
      .on('end', () => {
        if (this.handlers.onSpan) this.handlers.onSpan(this.visibleSpan());
      });
    this.transform = d3.zoomIdentity;
    d3.select(this.canvas).call(this.zoom);
    this.resizeObserver = new ResizeObserver(() => this.resized());
    this.resizeObserver.observe(this.canvas);
    this.layout();
  }

  /**
   * A new width shows the same span, narrower or wider (as when a panel's
   * column opens beside the axis): the zoom's offset is in pixels, so it is
   * scaled with the width, or the span would slide.
   */
  resized() {
    if (!this.canvas.clientWidth) return; // hidden: `ensureTimeline` calls this again when it is shown
    const before = this.drawnWidth;
    const width = this.width();
    this.drawnWidth = width;
    if (!before || before === width) {
      this.layout();
      return;
    }
    // An animation under way (to a preset, as the panel closing widens the
    // axis) is aimed again at its span, not cut short where it was: its end
    // would be taken for the reader's own zoom.
    if (this.isAnimating() && this.target) {
      this.zoomTo(...this.target, 0);
      return;
    }
    const d3 = globalThis.d3;
    const t = this.transform;
    this.zoom.transform(d3.select(this.canvas), d3.zoomIdentity.translate((t.x * width) / before, t.y).scale(t.k));
  }

  canvasLabel() {
    return `Timeline; axis times in ${this.zone}. Arrow keys move between items, Enter opens.`;
  }

  /** Draws the axis's ticks in another zone (the reader's "Times in"); items keep their instants. */
  setZone(zone) {
    if (!zone || zone === this.zone) return;
    this.zone = zone;
    this.canvas.setAttribute('aria-label', this.canvasLabel());
    this.layout();
  }

  /** [t0, t1]: the instants at the left and right edges. */
  visibleSpan() {
    const x = this.scale();
    return [x.invert(0), x.invert(this.width())];
  }

  width() {
    return Math.max(200, this.canvas.clientWidth);
  }

  /** The element of item `index`, made when it first comes into view. */
  element(index) {
    if (this.elements[index]) return this.elements[index];
    const item = this.items[index];
    const unverified = item.unverified ? '; unverified data pack' : '';
    const el = h('button', {
      type: 'button',
      class: 'tl-item',
      tabindex: index === this.focusIndex ? '0' : '-1',
      dataset: {
        kind: item.kind,
        status: item.status,
        precision: item.precision,
        ...(item.type === 'session' ? { sessionId: item.id } : { timelineId: item.id }),
      },
      title: `${item.title} (${item.status}${unverified})`,
      'aria-label': `${item.title}; ${item.when}; ${item.status}${unverified}`,
      onclick: () => {
        this.focusIndex = index;
        this.handlers.onOpen(item);
      },
      onkeydown: (e) => this.onKey(e, index),
    }, h('span', { class: 'tl-label' }, item.title));
    if (this.highlight && item.countries.includes(this.highlight)) el.dataset.highlighted = 'true';
    if (item.key === this.selectedKey) el.setAttribute('aria-current', 'true');
    this.elements[index] = el;
    return el;
  }

  /** The current scale from time to pixels. */
  scale() {
    const base = linearScale(this.arc, [0, this.width()]);
    const k = this.transform.k;
    const x = this.transform.x;
    const s = (t) => base(t) * k + x;
    s.invert = (px) => base.invert((px - x) / k);
    return s;
  }

  layout() {
    const x = this.scale();
    const w = this.width();
    const t0 = x.invert(0);
    const t1 = x.invert(w);
    this.canvas.dataset.spanHours = String(Math.round((t1 - t0) / 3600e3));
    clear(this.axis);
    // (A minute's grace: a tick on the very left edge survives the scale's rounding.)
    const shown = ticks(t0 - 60e3, t1, this.zone);
    const xs = shown.map((tick) => x(tick.t));
    const labelled = labelsThatFit(shown, xs);
    shown.forEach((tick, i) => {
      const el = h('div', { class: `tl-tick${tick.major ? ' major' : ''}` }, labelled[i] ? h('span', {}, tick.label) : null);
      el.style.left = `${xs[i].toFixed(1)}px`;
      this.axis.append(el);
    });
    // Zoomed in to days, a short item's label runs past its box: lanes keep room for it.
    const labelRoom = t1 - t0 <= 4 * 86400e3 ? LABEL_ROOM : 0;
    const boxes = this.items.map((item) => {
      const x0 = x(item.start);
      const x1 = Math.max(x(item.end), x0 + MIN_ITEM_WIDTH);
      return { x0, x1, visible: x1 > 1 && x0 < w - 1 };
    });
    const visible = [];
    for (let i = 0; i < boxes.length; i += 1) if (boxes[i].visible) visible.push(i);
    if (visible.length > MAX_DRAWN) {
      this.layoutBins(visible, boxes, x, w);
      return;
    }
    this.clearBins();
    // Lanes among the visible items only, so nothing off screen leaves a gap.
    const visibleLanes = assignLanes(visible.map((i) => ({ x0: boxes[i].x0, x1: Math.max(boxes[i].x1, boxes[i].x0 + labelRoom) })), 3);
    const lanes = new Array(this.items.length).fill(0);
    visible.forEach((i, j) => { lanes[i] = visibleLanes[j]; });
    // Roving focus stays on something in view.
    if (visible.length && !boxes[this.focusIndex].visible && !this.lanes.contains(document.activeElement)) {
      this.focusIndex = visible[0];
    }
    for (let i = 0; i < this.items.length; i += 1) {
      const { x0, x1, visible: shown } = boxes[i];
      if (!shown) {
        // Out of view: no element (the focused one is kept for the keyboard).
        const old = this.elements[i];
        if (old && i !== this.focusIndex) {
          old.remove();
          this.elements[i] = null;
        } else if (old) old.hidden = true;
        continue;
      }
      const el = this.element(i);
      el.tabIndex = i === this.focusIndex ? 0 : -1;
      el.style.left = `${x0.toFixed(1)}px`;
      el.style.width = `${(x1 - x0).toFixed(1)}px`;
      el.style.top = `${lanes[i] * LANE_HEIGHT}px`;
      const narrow = x1 - x0 < 48;
      el.classList.toggle('narrow', narrow && !labelRoom);
      el.classList.toggle('label-outside', narrow && !!labelRoom);
      el.hidden = false;
      if (!el.isConnected) this.lanes.append(el);
    }
    this.lanes.style.height = `${(Math.max(0, ...visibleLanes) + 1) * LANE_HEIGHT}px`;
    if (this.nowMs !== undefined) {
      this.nowLine.style.left = `${x(this.nowMs).toFixed(1)}px`;
      this.nowLine.hidden = x(this.nowMs) < 0 || x(this.nowMs) > w;
    }
  }

  clearBins() {
    if (this.bins) {
      this.bins.remove();
      this.bins = null;
      delete this.canvas.dataset.density;
    }
  }

  /** Too many items in view: counts per time bin, each bin a button that zooms in. */
  layoutBins(visible, boxes, x, w) {
    for (let i = 0; i < this.elements.length; i += 1) {
      if (this.elements[i]) {
        this.elements[i].remove();
        this.elements[i] = null;
      }
    }
    const counts = new Map();
    for (const i of visible) {
      const b = Math.max(0, Math.floor(Math.max(0, boxes[i].x0) / BIN_PX));
      counts.set(b, (counts.get(b) || 0) + 1);
    }
    const max = Math.max(...counts.values());
    if (!this.bins) {
      this.bins = h('div', { class: 'tl-bins', role: 'group', 'aria-label': 'Too many items to show one by one: bins of items; Enter zooms in' });
      this.canvas.append(this.bins);
    }
    clear(this.bins);
    this.canvas.dataset.density = String(visible.length);
    const keys = [...counts.keys()].sort((a, b) => a - b);
    const fmt = (t) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');
    keys.forEach((b, k) => {
      const n = counts.get(b);
      const from = x.invert(b * BIN_PX);
      const to = x.invert((b + 1) * BIN_PX);
      const bin = h('button', {
        type: 'button',
        class: 'tl-bin',
        tabindex: k === 0 ? '0' : '-1',
        'aria-label': `${n} items from ${fmt(from)} to ${fmt(to)} UTC; Enter zooms in`,
        title: `${n} items`,
        onclick: () => this.zoomTo(from, to),
        onkeydown: (e) => {
          const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
          if (!step) return;
          e.preventDefault();
          const next = this.bins.children[k + step];
          if (next) next.focus();
        },
      });
      bin.style.left = `${(b * BIN_PX).toFixed(1)}px`;
      bin.style.width = `${BIN_PX - 2}px`;
      bin.style.height = `${Math.max(4, Math.round((n / max) * 3 * LANE_HEIGHT))}px`;
      this.bins.append(bin);
    });
    this.lanes.style.height = `${3 * LANE_HEIGHT + 4}px`;
  }

  /** Whether an animation to a preset or span is under way. */
  isAnimating() {
    return this.canvas.dataset.zooming === 'true';
  }

  /** Animates to show [start, end]. */
  zoomTo(start, end, duration = 600) {
    const d3 = globalThis.d3;
    this.target = [start, end];
    const base = linearScale(this.arc, [0, this.width()]);
    const k = Math.max(1, this.width() / (base(end) - base(start)));
    const t = d3.zoomIdentity.translate(-base(start) * k, 0).scale(k);
    const sel = d3.select(this.canvas);
    this.canvas.dataset.zooming = 'true';
    // Only the latest animation clears the flag: one interrupted by the next
    // (a second preset clicked mid-flight) leaves it set, so its in-between
    // span is not taken for the reader's own zoom.
    this.zoomToken = (this.zoomToken || 0) + 1;
    const token = this.zoomToken;
    const done = () => { if (this.zoomToken === token) delete this.canvas.dataset.zooming; };
    if (duration > 0) sel.transition().duration(duration).call(this.zoom.transform, t).on('end', done).on('interrupt', done);
    else {
      sel.call(this.zoom.transform, t);
      done();
    }
  }

  showArc(duration) {
    this.zoomTo(this.arc[0], this.arc[1], duration);
  }

  zoomBy(factor) {
    this.zoom.scaleBy(globalThis.d3.select(this.canvas), factor);
  }

  markNow(nowMs) {
    this.nowMs = nowMs;
    if (!this.nowLine) {
      this.nowLine = h('div', { class: 'tl-now', 'aria-hidden': 'true' }, h('span', {}, 'now'));
      this.canvas.append(this.nowLine);
    }
    this.layout();
  }

  onKey(event, index) {
    const last = this.items.length - 1;
    let next = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = Math.min(last, index + 1);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    this.focusItem(next);
  }

  focusItem(index) {
    const previous = this.elements[this.focusIndex];
    if (previous) previous.tabIndex = -1;
    this.focusIndex = index;
    const x = this.scale();
    const item = this.items[index];
    if (x(item.start) < 0 || x(item.start) > this.width()) {
      this.zoom.translateTo(globalThis.d3.select(this.canvas), linearScale(this.arc, [0, this.width()])(item.start), 0);
    }
    this.layout();
    const el = this.element(index);
    if (!el.isConnected) this.lanes.append(el);
    el.tabIndex = 0;
    el.hidden = false;
    el.focus();
  }

  /** Marks the items that concern a country. */
  setHighlight(iso3) {
    this.highlight = iso3;
    this.items.forEach((item, i) => {
      const el = this.elements[i];
      if (!el) return;
      if (iso3 && item.countries.includes(iso3)) el.dataset.highlighted = 'true';
      else delete el.dataset.highlighted;
    });
  }

  setSelected(key) {
    this.selectedKey = key;
    this.items.forEach((item, i) => {
      const el = this.elements[i];
      if (!el) return;
      if (item.key === key) el.setAttribute('aria-current', 'true');
      else el.removeAttribute('aria-current');
    });
  }

  /** [t0, t1] around the items of one event (an imported conference), or null when it has none. */
  eventSpan(eventId) {
    let t0 = Infinity;
    let t1 = -Infinity;
    for (const i of this.items) {
      if (i.event !== eventId) continue;
      if (i.start < t0) t0 = i.start;
      if (i.end > t1) t1 = i.end;
    }
    if (t0 === Infinity) return null;
    const pad = Math.max(3600e3, (t1 - t0) * 0.03);
    return [t0 - pad, t1 + pad];
  }

  destroy() {
    if (this.resizeObserver) this.resizeObserver.disconnect();
  }
}
