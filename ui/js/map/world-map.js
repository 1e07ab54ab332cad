// The world map: one SVG path per country (path[data-iso3]), styled by role
// or by a mineral's share, with zoom and pan (d3-zoom), keyboard use, hover
// labels, markers for states too small to click, and the disputed overlay.

import { s, clear } from '../dom.js';
import { shareClass } from './choropleth.js';
import { MAP_HEIGHT as HEIGHT, MAP_WIDTH as WIDTH } from './size.js';

const MIN_CLICKABLE_AREA = 12; // square units of the viewBox; smaller states get a marker
const ZOOM_STEP = 1.6;
const PAN_STEP = 60;

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
    this.render();
  }

  render() {
    const d3 = globalThis.d3;
    clear(this.container);

    this.svg = s('svg', {
      class: 'world-map',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      preserveAspectRatio: 'xMidYMid meet',
      role: 'application',
      'aria-label': 'World map of the ministerial\'s participants. Tab to a country, Enter to open it; plus and minus zoom, arrows pan.',
    });
    this.layer = s('g', { class: 'zoom-layer' });
    this.layer.append(s('path', { class: 'sphere', d: this.world.sphere }));

    // Attending parties last and alphabetically, so Tab walks them by name.
    const attending = (item) => item.iso3 && this.byIso3.get(item.iso3) && this.byIso3.get(item.iso3).role;
    const ordered = [...this.items].sort((a, b) => {
      const aa = attending(a) ? 1 : 0;
      const bb = attending(b) ? 1 : 0;
      return aa - bb || a.name.localeCompare(b.name);
    });
    const countriesLayer = s('g', { class: 'countries' });
    const markers = s('g', { class: 'markers' });
    this.paths = new Map();
    for (const item of ordered) {
      const d = item.d;
      if (!d) continue;
      const summary = item.iso3 ? this.byIso3.get(item.iso3) : null;
      const role = summary && summary.role ? summary.role : 'none';
      const known = !!summary;
      const el = s('path', {
        class: 'country',
        d,
        dataset: {
          iso3: item.iso3 || '',
          numeric: item.numeric || '',
          role,
          name: summary ? summary.name : item.name,
          signed: summary && summary.signed_at_ministerial ? 'true' : 'false',
          known: known ? 'true' : 'false',
        },
        tabindex: role !== 'none' ? '0' : null,
        'aria-label': role !== 'none' ? `${summary.name}, ${role}` : null,
        role: role !== 'none' ? 'button' : null,
      });
      countriesLayer.append(el);
      if (item.iso3 && !this.paths.has(item.iso3)) this.paths.set(item.iso3, el);
      if (role !== 'none' && item.area < MIN_CLICKABLE_AREA) {
        const [x, y] = item.centroid;
        markers.append(s('circle', {
          class: 'marker',
          cx: x.toFixed(2),
          cy: y.toFixed(2),
          r: 3.2,
          dataset: { iso3: item.iso3, role, name: summary.name, marker: 'true', signed: el.dataset.signed },
          tabindex: '-1',
          'aria-hidden': 'true',
        }));
      }
    }
    this.layer.append(countriesLayer, s('path', { class: 'disputed', d: this.world.disputed }), markers);
    this.svg.append(this.layer);
    this.container.append(this.svg);

    this.svg.addEventListener('click', (e) => this.activate(e.target));
    this.svg.addEventListener('keydown', (e) => this.onKey(e));
    this.svg.addEventListener('pointermove', (e) => this.hover(e));
    this.svg.addEventListener('pointerleave', () => this.handlers.onHover(null));
    this.svg.addEventListener('focusin', (e) => this.hover(e, true));
    this.svg.addEventListener('focusout', () => this.handlers.onHover(null));

    this.zoom = d3.zoom().scaleExtent([1, 24]).translateExtent([[0, 0], [WIDTH, HEIGHT]])
      .on('zoom', (event) => {
        this.layer.setAttribute('transform', event.transform.toString());
        this.svg.style.setProperty('--zoom-k', String(event.transform.k));
      });
    d3.select(this.svg).call(this.zoom);
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
    switch (event.key) {
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
        this.zoom.translateBy(sel, PAN_STEP, 0);
        break;
      case 'ArrowRight':
        this.zoom.translateBy(sel, -PAN_STEP, 0);
        break;
      case 'ArrowUp':
        this.zoom.translateBy(sel, 0, PAN_STEP);
        break;
      case 'ArrowDown':
        this.zoom.translateBy(sel, 0, -PAN_STEP);
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
    this.zoom.transform(globalThis.d3.select(this.svg), globalThis.d3.zoomIdentity);
  }

  /** Marks the open country (and clears the previous one). */
  select(iso3) {
    for (const el of this.svg.querySelectorAll('[data-selected]')) el.removeAttribute('data-selected');
    if (!iso3) return;
    for (const el of this.svg.querySelectorAll(`[data-iso3="${iso3}"]`)) el.setAttribute('data-selected', 'true');
  }

  /** Marks the countries of an open session or entry. */
  highlight(iso3s) {
    for (const el of this.svg.querySelectorAll('[data-highlighted]')) el.removeAttribute('data-highlighted');
    for (const iso3 of iso3s) {
      for (const el of this.svg.querySelectorAll(`[data-iso3="${iso3}"]`)) el.setAttribute('data-highlighted', 'true');
    }
  }

  /** Participation view: styles come from data-role and data-signed. */
  showParticipation() {
    this.svg.dataset.mode = 'participation';
    this.hoverExtra = null;
    for (const el of this.svg.querySelectorAll('.country, .marker')) {
      delete el.dataset.share;
      delete el.dataset.shareClass;
    }
  }

  /**
   * Mineral view: each country's share of the headline table; a country with
   * a USGS row but no share there (a marker, no world total, or a row in
   * another table) is marked apart from one with no row at all.
   */
  showShares(cells, describe) {
    this.svg.dataset.mode = 'mineral';
    for (const el of this.svg.querySelectorAll('.country, .marker')) {
      const entry = cells.get(el.dataset.iso3);
      const percent = entry ? entry.percent : null;
      el.dataset.share = percent === null || percent === undefined ? '' : String(percent);
      const cls = shareClass(percent);
      if (cls !== null) el.dataset.shareClass = String(cls);
      else if (entry) el.dataset.shareClass = 'row';
      else delete el.dataset.shareClass;
    }
    this.hoverExtra = (iso3) => `; ${describe(cells.get(iso3))}`;
  }
}
