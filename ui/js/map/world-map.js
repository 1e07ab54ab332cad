// The world map: one SVG path per country (path[data-iso3]) marked by role
// or by a mineral's share and painted on a canvas beneath (map-canvas.js),
// with zoom and pan (d3-zoom), keyboard use (one tab stop, arrows between
// countries), hover labels, the disputed overlay, and markers for states too
// small to click (see map-markers.js).

import { s, clear } from '../dom.js';
import { shareClass } from './choropleth.js';
import { MapCanvas } from './map-canvas.js';
import { MapMarkers } from './map-markers.js';
import { MAP_HEIGHT as HEIGHT, MAP_WIDTH as WIDTH } from './size.js';

const MIN_CLICKABLE_AREA = 12; // square units of the viewBox; smaller states get a marker
const ZOOM_STEP = 1.6;
const PAN_STEP = 60;
/** A country whose outline is smaller than this on screen (px, both ways) is zoomed to when opened. */
const SMALL_ON_SCREEN = 14;
const MAX_REVEAL_ZOOM = 8;

export class WorldMap {
  /**
   * @param container element to draw into
   * @param world the projected map from geometry.js (paths, areas, centroids)
   * @param countries CountrySummary list from the backend
   * @param handlers { onSelect(iso3), onHover(text|null, event) }
   */
  constructor(container, world, countries, handlers) {
    this.container = container;
    this.handlers = handlers;
    this.byIso3 = new Map(countries.map((c) => [c.iso3, c]));
    this.world = world;
    this.items = world.countries;
    this.mode = 'participation';
    // At start-up the canvas paints the map first and the SVG outlines (for
    // the pointer and the keyboard) follow once it is on screen: parsing and
    // laying out 240 outlines twice in the first frame would delay the map.
    this.outlinesShown = false;
    this.render();
    // The canvas takes its colours from the stylesheet: a theme change repaints it.
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.painter.restyle());
  }

  render() {
    const d3 = globalThis.d3;
    clear(this.container);

    this.svg = s('svg', {
      class: 'world-map',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      preserveAspectRatio: 'xMidYMid meet',
      role: 'application',
      'aria-label': 'World map of the participants. Arrow keys move between countries, Enter opens one; plus and minus zoom, Shift with the arrows pans, 0 resets.',
    });
    this.layer = s('g', { class: 'zoom-layer' });

    // Attending parties last and alphabetically, so Tab walks them by name.
    const attending = (item) => item.iso3 && this.byIso3.get(item.iso3) && this.byIso3.get(item.iso3).role;
    const ordered = [...this.items].sort((a, b) => {
      const aa = attending(a) ? 1 : 0;
      const bb = attending(b) ? 1 : 0;
      return aa - bb || a.name.localeCompare(b.name);
    });
    const countriesLayer = s('g', { class: 'countries' });
    const small = [];
    this.paths = new Map();
    /** The attending countries' paths in Tab order: arrows walk this list. */
    this.stops = [];
    const shapes = [];
    for (const item of ordered) {
      const d = item.d;
      if (!d) continue;
      const summary = item.iso3 ? this.byIso3.get(item.iso3) : null;
      const role = summary && summary.role ? summary.role : 'none';
      const known = !!summary;
      const el = s('path', {
        class: 'country',
        d: this.outlinesShown ? d : null,
        dataset: {
          iso3: item.iso3 || '',
          numeric: item.numeric || '',
          role,
          name: summary ? summary.name : item.name,
          signed: summary && summary.signed_at_ministerial ? 'true' : 'false',
          known: known ? 'true' : 'false',
        },
        tabindex: role !== 'none' ? '-1' : null,
        'aria-label': role !== 'none' ? `${summary.name}, ${role}` : null,
        role: role !== 'none' ? 'button' : null,
      });
      countriesLayer.append(el);
      shapes.push({ el, d });
      if (item.iso3 && !this.paths.has(item.iso3)) this.paths.set(item.iso3, el);
      if (role !== 'none' && !this.stops.some((p) => p.dataset.iso3 === item.iso3)) this.stops.push(el);
      if (role !== 'none' && item.area < MIN_CLICKABLE_AREA) {
        small.push({ iso3: item.iso3, role, name: summary.name, signed: el.dataset.signed, centroid: item.centroid, area: item.area });
      }
    }
    // One tab stop: the first attending country until another is focused.
    if (this.stops.length) this.stops[0].tabIndex = 0;
    this.layer.append(countriesLayer, s('path', { class: 'disputed', d: this.world.disputed }));
    this.svg.append(this.layer);
    this.container.append(this.svg);
    this.shapes = shapes;
    if (this.painter) this.painter.dispose();
    this.painter = new MapCanvas(this.container, shapes, { width: WIDTH, height: HEIGHT });
    this.painter.restyle(this.mode);
    this.markers = new MapMarkers(this.container, small, this.organisationBadges(), { width: WIDTH, height: HEIGHT });
    this.markers.element.addEventListener('click', (e) => this.activate(e.target));
    this.markers.element.addEventListener('pointermove', (e) => this.hover(e));
    this.markers.element.addEventListener('pointerleave', () => this.handlers.onHover(null));

    this.svg.addEventListener('click', (e) => this.activate(e.target));
    this.svg.addEventListener('keydown', (e) => this.onKey(e));
    this.svg.addEventListener('pointermove', (e) => this.hover(e));
    this.svg.addEventListener('pointerleave', () => this.handlers.onHover(null));
    this.svg.addEventListener('focusin', (e) => {
      this.setStop(e.target);
      this.markers.setFocused(e.target.dataset ? e.target.dataset.iso3 : null);
      this.hover(e, true);
    });
    this.svg.addEventListener('focusout', () => {
      this.markers.setFocused(null);
      this.handlers.onHover(null);
    });

    this.zoom = d3.zoom().scaleExtent([1, 24]).translateExtent([[0, 0], [WIDTH, HEIGHT]])
      .on('zoom', (event) => {
        this.layer.setAttribute('transform', event.transform.toString());
        this.painter.setTransform(event.transform, isContinuous(event.sourceEvent));
        this.markers.place(event.transform);
      });
    d3.select(this.svg).call(this.zoom);
    this.markers.place(d3.zoomIdentity);
    if (this.resizing) this.resizing.disconnect();
    this.resizing = new ResizeObserver(() => {
      this.markers.place(d3.zoomTransform(this.svg));
      this.painter.resized();
    });
    this.resizing.observe(this.container);
  }

  /** Gives the SVG paths their outlines: from then on the map takes the pointer, and shows hover, focus and selection. */
  showOutlines() {
    if (this.outlinesShown) return;
    this.outlinesShown = true;
    for (const { el, d } of this.shapes) el.setAttribute('d', d);
  }

  /**
   * New facts about the parties (an import or an undo changed them): the map
   * is drawn again from them, where the user had moved it. The caller marks
   * the open country and the mineral's shares again.
   */
  setCountries(countries) {
    const d3 = globalThis.d3;
    // A reveal still moving the old drawing would go on moving the new one.
    d3.select(this.svg).interrupt();
    const view = d3.zoomTransform(this.svg);
    this.byIso3 = new Map(countries.map((c) => [c.iso3, c]));
    this.hoverExtra = null;
    this.render();
    this.zoom.transform(d3.select(this.svg), view);
  }

  /**
   * Organisations that attended have no outline of their own: each gets a
   * badge at its seat's country (the European Commission at Belgium, for
   * Brussels), from the backend's capital and the outlines' centroids.
   */
  organisationBadges() {
    const badges = [];
    for (const c of this.byIso3.values()) {
      if (c.kind !== 'organisation' || !c.role) continue;
      const seat = [...this.byIso3.values()].find((o) => o.kind === 'country' && o.capital && o.capital === c.capital);
      const item = seat && this.items.find((i) => i.iso3 === seat.iso3);
      if (!item) continue;
      badges.push({ iso3: c.iso3, role: c.role, name: c.name, label: c.iso2 || c.iso3, signed: c.signed_at_ministerial ? 'true' : 'false', centroid: item.centroid, seat: seat.name });
    }
    return badges;
  }

  /** Makes `el` the map's one tab stop (roving tabindex). */
  setStop(el) {
    if (!this.stops.includes(el)) return;
    for (const p of this.stops) if (p !== el && p.tabIndex === 0) p.tabIndex = -1;
    el.tabIndex = 0;
  }

  /** The element Tab lands on in the map. */
  currentStop() {
    return this.stops.find((p) => p.tabIndex === 0) || this.stops[0] || null;
  }

  /** Moves focus `step` countries along (by name), wrapping; Home/End go to the ends. */
  moveFocus(step, to = null) {
    if (!this.stops.length) return;
    const i = this.stops.indexOf(document.activeElement);
    const next = to === 'first' ? 0 : to === 'last' ? this.stops.length - 1
      : ((i < 0 ? 0 : i + step) + this.stops.length) % this.stops.length;
    const el = this.stops[next];
    this.setStop(el);
    el.focus({ preventScroll: true });
    this.reveal(el.dataset.iso3);
  }

  countryElement(target) {
    if (!target || !target.dataset) return null;
    const iso3 = target.dataset.iso3;
    if (!iso3 || target.dataset.known !== 'true' && !target.dataset.marker) return null;
    return iso3;
  }

  activate(target) {
    const iso3 = this.countryElement(target);
    if (iso3) this.handlers.onSelect(iso3);
  }

  hover(event, fromFocus = false) {
    const t = event.target;
    if (!t.dataset || !t.dataset.name) {
      this.handlers.onHover(null);
      return;
    }
    const role = t.dataset.role;
    const roleText = role === 'host' ? 'host' : role === 'participant' ? 'participant' : 'did not attend';
    const extra = this.hoverExtra ? this.hoverExtra(t.dataset.iso3) : '';
    const text = `${t.dataset.name} — ${roleText}${t.dataset.signed === 'true' ? '; signed with the US on 4 Feb 2026' : ''}${extra}`;
    this.handlers.onHover(text, event, fromFocus ? t.getBoundingClientRect() : null);
  }

  onKey(event) {
    const d3 = globalThis.d3;
    const sel = d3.select(this.svg);
    const pan = event.shiftKey;
    sel.interrupt();
    switch (event.key) {
      case 'Home':
        this.moveFocus(0, 'first');
        break;
      case 'End':
        this.moveFocus(0, 'last');
        break;
      case 'Enter':
      case ' ':
        if (event.target.dataset && event.target.dataset.iso3) {
          event.preventDefault();
          this.activate(event.target);
        }
        return;
      case '+':
      case '=':
        this.zoom.scaleBy(sel, ZOOM_STEP);
        break;
      case '-':
      case '_':
        this.zoom.scaleBy(sel, 1 / ZOOM_STEP);
        break;
      case 'ArrowLeft':
        if (pan) this.zoom.translateBy(sel, PAN_STEP, 0);
        else this.moveFocus(-1);
        break;
      case 'ArrowRight':
        if (pan) this.zoom.translateBy(sel, -PAN_STEP, 0);
        else this.moveFocus(1);
        break;
      case 'ArrowUp':
        if (pan) this.zoom.translateBy(sel, 0, PAN_STEP);
        else this.moveFocus(-1);
        break;
      case 'ArrowDown':
        if (pan) this.zoom.translateBy(sel, 0, -PAN_STEP);
        else this.moveFocus(1);
        break;
      case '0':
        this.reset();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  zoomBy(factor) {
    this.zoom.scaleBy(globalThis.d3.select(this.svg), factor);
  }

  reset() {
    // A reveal still moving the map would otherwise carry on past the reset.
    globalThis.d3.select(this.svg).interrupt();
    this.zoom.transform(globalThis.d3.select(this.svg), globalThis.d3.zoomIdentity);
  }

  /** Marks the open country (and clears the previous one); it becomes the tab stop. */
  select(iso3) {
    for (const el of this.container.querySelectorAll('[data-selected]')) el.removeAttribute('data-selected');
    if (!iso3) return;
    for (const el of this.container.querySelectorAll(`[data-iso3="${iso3}"]`)) el.setAttribute('data-selected', 'true');
    const path = this.paths.get(iso3);
    if (path) this.setStop(path);
  }

  /**
   * Pans and zooms to a country when it is too small to see or not in the
   * visible part of the map (`covered`, a screen rect such as the panel
   * floating over the map, counts as not visible). Leaves the view alone
   * when the country is already in sight.
   */
  reveal(iso3, covered = null) {
    const d3 = globalThis.d3;
    const path = this.paths.get(iso3);
    // Before the outlines, a path has no box to bring into view.
    if (!path || !this.outlinesShown) return;
    const frame = this.container.getBoundingClientRect();
    let right = frame.right;
    if (covered && covered.left > frame.left && covered.left < frame.right) right = covered.left;
    const box = path.getBoundingClientRect();
    const small = box.width < SMALL_ON_SCREEN && box.height < SMALL_ON_SCREEN;
    const inSight = box.left >= frame.left && box.right <= right && box.top >= frame.top && box.bottom <= frame.bottom;
    if (!small && inSight) return;
    const t = d3.zoomTransform(this.svg);
    const scale = this.viewScale();
    // The country's box in map units, and the visible area's centre in the
    // SVG's (untransformed) units.
    const b = path.getBBox();
    const visibleWidth = (right - frame.left) / scale.s;
    const visibleHeight = frame.height / scale.s;
    const fit = Math.min(visibleWidth / Math.max(b.width, 1), visibleHeight / Math.max(b.height, 1)) * 0.4;
    const k = Math.max(1, Math.min(MAX_REVEAL_ZOOM, small ? Math.max(fit, 4) : Math.min(fit, Math.max(t.k, 1))));
    const cx = ((right - frame.left) / 2 - scale.x) / scale.s;
    const cy = (frame.height / 2 - scale.y) / scale.s;
    const target = d3.zoomIdentity.translate(cx - k * (b.x + b.width / 2), cy - k * (b.y + b.height / 2)).scale(k);
    const sel = d3.select(this.svg);
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) this.zoom.transform(sel, target);
    else this.zoom.transform(sel.transition().duration(350), target);
  }

  /** How the viewBox sits in the frame ("meet"): px per unit, and the offsets. */
  viewScale() {
    const w = this.container.clientWidth;
    const h = this.container.clientHeight;
    const scale = Math.min(w / WIDTH, h / HEIGHT);
    return { s: scale, x: (w - WIDTH * scale) / 2, y: (h - HEIGHT * scale) / 2 };
  }

  /** Marks the countries of an open session or entry. */
  highlight(iso3s) {
    const before = [...this.container.querySelectorAll('[data-highlighted]')];
    for (const el of before) el.removeAttribute('data-highlighted');
    for (const iso3 of iso3s) {
      for (const el of this.container.querySelectorAll(`[data-iso3="${iso3}"]`)) el.setAttribute('data-highlighted', 'true');
    }
    // Nothing marked before or now (a country's panel opening or closing): no repaint.
    if (before.length || iso3s.length) this.painter.restyle();
  }

  /** Participation view: styles come from data-role and data-signed. */
  showParticipation() {
    this.mode = 'participation';
    this.svg.dataset.mode = 'participation';
    this.hoverExtra = null;
    this.markers.element.dataset.mode = 'participation';
    for (const el of this.container.querySelectorAll('.country, .marker')) {
      delete el.dataset.share;
      delete el.dataset.shareClass;
    }
    this.painter.restyle(this.mode);
  }

  /**
   * Mineral view: each country's share of the headline table; a country with
   * a USGS row but no share there (a marker, no world total, or a row in
   * another table) is marked apart from one with no row at all.
   */
  showShares(cells, describe) {
    this.mode = 'mineral';
    this.svg.dataset.mode = 'mineral';
    this.markers.element.dataset.mode = 'mineral';
    for (const el of this.container.querySelectorAll('.country, .marker')) {
      const entry = cells.get(el.dataset.iso3);
      const percent = entry ? entry.percent : null;
      el.dataset.share = percent === null || percent === undefined ? '' : String(percent);
      const cls = shareClass(percent);
      if (cls !== null) el.dataset.shareClass = String(cls);
      else if (entry) el.dataset.shareClass = 'row';
      else delete el.dataset.shareClass;
    }
    this.hoverExtra = (iso3) => `; ${describe(cells.get(iso3))}`;
    this.painter.restyle(this.mode);
  }
}

/**
 * Whether a zoom comes from input that sends many events a frame (a wheel, a
 * drag): its canvas draw waits for the frame. A double-click's animation
 * steps carry their dblclick and run in a frame of their own: drawn at once.
 */
function isContinuous(sourceEvent) {
  return !!sourceEvent && ['wheel', 'mousemove', 'pointermove', 'touchmove'].includes(sourceEvent.type);
}
