// The map's outlines painted on a canvas beneath the SVG. WebKitGTK's
// software renderer repaints every SVG outline under any change above the
// map (a panel opening over it cost 4-5 ms more than over a blank page); a
// canvas is a bitmap to copy. The SVG keeps the paths, transparent, for the
// pointer, the keyboard, the hover and selection strokes and the tests.

import { countryPaint, readPalette } from './country-paint.js';

export class MapCanvas {
  /**
   * @param container the element the canvas fills (the map's box)
   * @param shapes [{ el, d }]: each country's SVG path and its outline
   * @param viewBox { width, height } of the map's drawing
   */
  constructor(container, shapes, viewBox) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'map-canvas';
    this.canvas.setAttribute('aria-hidden', 'true');
    container.prepend(this.canvas);
    this.container = container;
    this.viewBox = viewBox;
    this.shapes = shapes.map(({ el, d }) => ({ el, path: new Path2D(d), paint: null, box: null }));
    this.mode = 'participation';
    this.transform = { k: 1, x: 0, y: 0 };
    this.palette = readPalette();
    /** The zoom the paints were worked out for (borders depend on it); null: none yet. */
    this.paintsFor = null;
    this.pending = 0;
    this.watchPixelRatio();
  }

  /** A window moved to a screen of another scale: drawn again, sharp, at its pixel ratio. */
  watchPixelRatio() {
    const query = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    query.addEventListener('change', () => {
      if (this.disposed) return;
      this.resized();
      this.watchPixelRatio();
    }, { once: true });
  }

  /**
   * The marks or the theme changed: each country's paint is worked out
   * again and drawn in the next frame (once, however many changes come first).
   */
  restyle(mode = this.mode) {
    const palette = readPalette();
    const k = this.transform.k;
    const paints = this.shapes.map((shape) => countryPaint(shape.el.dataset, mode, palette, k));
    const unchanged = this.paintsFor === k && paints.every((p, i) => samePaint(p, this.shapes[i].paint));
    this.mode = mode;
    this.palette = palette;
    // Many calls change nothing (a panel closed with no marks, a mode set again): a frame's draw saved.
    if (unchanged) return;
    this.shapes.forEach((shape, i) => { shape.paint = paints[i]; });
    this.paintsFor = k;
    this.drawSoon();
  }

  /**
   * The view moved: drawn now (a transition's step, a button, a key), or,
   * when `continuous` input moves it (a wheel, a drag: many events a frame),
   * once in the next frame.
   */
  setTransform(transform, continuous = false) {
    this.transform = { k: transform.k, x: transform.x, y: transform.y };
    if (continuous) this.drawSoon();
    else this.draw();
  }

  drawSoon() {
    if (!this.pending) this.pending = requestAnimationFrame(() => this.draw());
  }

  /** The box may have changed size (a resize observed): drawn again now if it did, else nothing. */
  resized() {
    const { width, height } = this.container.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    if (!this.drawnAt || this.drawnAt.width !== width || this.drawnAt.height !== height || this.drawnAt.ratio !== ratio) this.draw();
  }

  /** This drawing is replaced (new countries): a draw it still has pending is dropped, and it stops watching the screen. */
  dispose() {
    if (this.pending) cancelAnimationFrame(this.pending);
    this.pending = 0;
    this.disposed = true;
  }

  draw() {
    if (this.pending) cancelAnimationFrame(this.pending);
    this.pending = 0;
    const { canvas, container, viewBox } = this;
    const ratio = window.devicePixelRatio || 1;
    // The box's own (fractional) size, as the SVG letterboxes the map in it.
    const { width: w, height: h } = container.getBoundingClientRect();
    if (!w || !h) return;
    this.drawnAt = { width: w, height: h, ratio };
    const pw = Math.round(w * ratio);
    const ph = Math.round(h * ratio);
    if (canvas.width !== pw || canvas.height !== ph) {
      canvas.width = pw;
      canvas.height = ph;
    }
    const { k, x, y } = this.transform;
    // Borders depend on the zoom: the paints are kept per zoom level.
    if (!this.paintsFor || this.paintsFor !== k) {
      for (const shape of this.shapes) shape.paint = countryPaint(shape.el.dataset, this.mode, this.palette, k);
      this.paintsFor = k;
    }
    // The viewBox sits in the box as preserveAspectRatio "meet" puts it; the zoom applies inside it.
    const s = Math.min(w / viewBox.width, h / viewBox.height);
    const ox = (w - viewBox.width * s) / 2;
    const oy = (h - viewBox.height * s) / 2;
    const ctx = canvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, pw, ph);
    const unit = s * k;
    ctx.setTransform(ratio * unit, 0, 0, ratio * unit, ratio * (ox + s * x), ratio * (oy + s * y));
    // SVG's default, which the outlines were drawn with (a canvas's is 10:
    // longer spikes at sharp coasts). Set on each draw: a resize resets it.
    ctx.miterLimit = 4;
    // Zoomed in, most outlines lie outside the box: skipped, they are most of
    // a frame's cost (the world view draws them all; it needs no boxes).
    const seen = k > 1 ? visibleArea(w, h, s, ox, oy, this.transform) : null;
    for (const shape of this.shapes) {
      const box = seen ? this.boxOf(shape) : null;
      if (box && !overlaps(box, seen)) continue;
      const { path, paint } = shape;
      ctx.fillStyle = paint.fill;
      ctx.fill(path);
      ctx.strokeStyle = paint.stroke;
      ctx.lineWidth = paint.width / unit;
      ctx.setLineDash(paint.dash ? paint.dash.map((v) => v / unit) : []);
      ctx.stroke(path);
    }
  }

  /**
   * A shape's box in map units, from its SVG path (WebKit keeps it from
   * layout), asked for once; null (drawn, never culled) while the path has
   * no outline yet, in the first frames after start-up.
   */
  boxOf(shape) {
    if (!shape.box) {
      const b = shape.el.getBBox();
      if (!b.width && !b.height) return null;
      shape.box = { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height };
    }
    return shape.box;
  }
}

function samePaint(a, b) {
  return !!b && a.fill === b.fill && a.stroke === b.stroke && a.width === b.width && String(a.dash) === String(b.dash);
}

/** The part of the map, in map units, that the box shows at zoom `t`. Pure. */
export function visibleArea(w, h, s, ox, oy, t) {
  const toMap = (screen, offset, shift) => ((screen - offset) / s - shift) / t.k;
  return { x0: toMap(0, ox, t.x), x1: toMap(w, ox, t.x), y0: toMap(0, oy, t.y), y1: toMap(h, oy, t.y) };
}

/** Whether two boxes ({ x0, y0, x1, y1 }) share any point. Pure. */
export function overlaps(a, b) {
  return a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;
}
