// Markers for what the map cannot show by outline: states too small to
// click, and organisations (a badge at their seat). Markers keep one size on
// screen at every zoom, with a hit area of 24 px (WCAG 2.5.8); a cluster is
// spread apart with leader lines back to each state; a state's marker gives
// way to its outline once the outline is big enough to click.
// They sit in an HTML layer over the map, so they are pointer targets only:
// the keyboard reaches each state through its outline (one tab stop).

import { h } from '../dom.js';

/** The hit area of a marker, px. */
export const MARKER_SIZE = 24;
/** An outline at least this big on screen (px², about 22 by 22) needs no marker. */
const OUTLINE_BIG_ENOUGH = 480;

/**
 * Where each marker goes, in screen px, so that no two overlap: each keeps
 * its anchor if it is free, else takes the first free spot on rings around
 * it. Pure. `anchors` are [{ x, y }] in placement order; returns [{ x, y,
 * moved }] in the same order.
 */
export function spreadMarkers(anchors, gap = MARKER_SIZE + 2) {
  const placed = [];
  const free = (x, y) => placed.every((p) => Math.hypot(p.x - x, p.y - y) >= gap);
  for (const a of anchors) {
    let spot = free(a.x, a.y) ? { x: a.x, y: a.y, moved: false } : null;
    for (let ring = 1; !spot && ring <= 4; ring += 1) {
      const steps = 8 * ring;
      for (let i = 0; i < steps && !spot; i += 1) {
        // Start straight up and go round, so a pair splits along a line a reader can follow.
        const angle = -Math.PI / 2 + (2 * Math.PI * i) / steps;
        const x = a.x + Math.cos(angle) * gap * ring;
        const y = a.y + Math.sin(angle) * gap * ring;
        if (free(x, y)) spot = { x, y, moved: true };
      }
    }
    placed.push(spot || { x: a.x, y: a.y, moved: false });
  }
  return placed;
}

/** Whether a state's outline, `area` map units² at zoom `k` and `pxPerUnit`, is big enough to click. */
export function outlineBigEnough(area, k, pxPerUnit) {
  return area * (k * pxPerUnit) ** 2 >= OUTLINE_BIG_ENOUGH;
}

export class MapMarkers {
  /**
   * @param container the map's frame (the layer is added to it)
   * @param small [{ iso3, role, name, signed, centroid: [x, y], area }] in map units
   * @param badges [{ iso3, role, name, label, signed, centroid, seat }] (organisations)
   * @param size { width, height } of the map's viewBox
   */
  constructor(container, small, badges, size) {
    this.size = size;
    this.element = h('div', { class: 'map-markers', 'aria-hidden': 'true' });
    this.leaders = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    this.leaders.setAttribute('class', 'map-leaders');
    this.element.append(this.leaders);
    const make = (m, badge) => {
      const el = h('span', {
        class: badge ? 'marker map-marker map-badge' : 'marker map-marker',
        dataset: { iso3: m.iso3, role: m.role, name: m.name, marker: 'true', signed: m.signed, known: 'true' },
        title: badge ? `${m.name} (shown at ${m.seat})` : m.name,
      }, badge ? m.label : null);
      this.element.append(el);
      return { ...m, badge, el, line: null };
    };
    // Badges first: they are placed first and never moved off their seat.
    this.items = [...badges.map((b) => make(b, true)), ...small.map((m) => make(m, false))];
    container.append(this.element);
  }

  /** Shows keyboard focus on a state's marker while its (tiny) outline has it. */
  setFocused(iso3) {
    for (const m of this.items) {
      if (m.iso3 === iso3) m.el.dataset.focused = 'true';
      else delete m.el.dataset.focused;
    }
  }

  /** Positions every marker for the zoom transform `t` (d3-zoom's). */
  place(t) {
    const w = this.element.clientWidth;
    const hgt = this.element.clientHeight;
    if (!w || !hgt) return;
    const pxPerUnit = Math.min(w / this.size.width, hgt / this.size.height);
    const offsetX = (w - this.size.width * pxPerUnit) / 2;
    const offsetY = (hgt - this.size.height * pxPerUnit) / 2;
    const shown = this.items.filter((m) => m.badge || !outlineBigEnough(m.area, t.k, pxPerUnit));
    const anchors = shown.map((m) => ({
      x: offsetX + (t.x + t.k * m.centroid[0]) * pxPerUnit,
      y: offsetY + (t.y + t.k * m.centroid[1]) * pxPerUnit,
    }));
    const spots = spreadMarkers(anchors);
    for (const m of this.items) m.el.hidden = !shown.includes(m);
    while (this.leaders.firstChild) this.leaders.firstChild.remove();
    shown.forEach((m, i) => {
      const spot = spots[i];
      m.el.style.transform = `translate(${(spot.x - MARKER_SIZE / 2).toFixed(1)}px, ${(spot.y - MARKER_SIZE / 2).toFixed(1)}px)`;
      m.el.hidden = spot.x < -MARKER_SIZE || spot.y < -MARKER_SIZE || spot.x > w + MARKER_SIZE || spot.y > hgt + MARKER_SIZE;
      if (spot.moved && !m.el.hidden) {
        const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
        line.setAttribute('x1', anchors[i].x.toFixed(1));
        line.setAttribute('y1', anchors[i].y.toFixed(1));
        line.setAttribute('x2', spot.x.toFixed(1));
        line.setAttribute('y2', spot.y.toFixed(1));
        this.leaders.append(line);
      }
    });
  }
}
