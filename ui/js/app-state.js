// The app's shared state and navigation. The URL hash is the one source of
// view state: `navigate` writes it and applies the change; main.js applies
// the hash set from outside (Back, Forward, a typed or test-set hash).

import { EMPTY_STATE, parseHash, toHash } from './router.js';

export const $ = (id) => document.getElementById(id);

/** What the hash says: view, open panel, mineral and measure. */
export const state = { ...EMPTY_STATE };

/** What the app has loaded, and its live views. */
export const app = {
  map: null,
  timeline: null,
  countries: [],
  countryNames: new Map(),
  minerals: [],
  /** Events as the backend gives them (zone, spans, primary, imported). */
  events: [],
  items: [],
  /** dataset_info: the primary event, the host, the fixed clock in tests. */
  info: null,
  user: { starred: [], notes: {}, settings: { time_zone: null } },
  mineralCache: new Map(),
  lastFocus: null,
  /** Set by main.js: applies a parsed hash. */
  applyState: () => {},
  /** Set by main.js: the hash changed without a hashchange (kept for the next start). */
  onViewChanged: () => {},
};

/** Changes the view state without a history entry (a zoom is not a step back). */
export function replaceView(changes) {
  Object.assign(state, changes);
  history.replaceState(null, '', toHash(state));
  app.onViewChanged();
}

/**
 * A step the user takes (a click, a key): a history entry, applied at once.
 * `pushState` rather than `location.hash =`, whose hashchange comes a task
 * later: a millisecond or two of the 16 a click has to show its panel. Back
 * and Forward still arrive as hashchange and popstate, which main.js applies.
 */
export function navigate(changes) {
  const hash = toHash({ ...state, ...changes });
  if (location.hash !== hash) history.pushState(null, '', hash);
  app.applyState(parseHash(hash));
  app.onViewChanged();
}

/** "Now" for the page: the backend's fixed clock when tests set one, else the system's. */
export const nowMs = () => (app.info && app.info.fixed_now ? Date.parse(app.info.fixed_now) : Date.now());

/** The primary event (the one the dataset is about), once loaded. */
export const primaryEvent = () => app.events.find((e) => e.primary) || null;

/**
 * Runs `fn` once the current frame is on screen: a task queued from a frame
 * callback runs after that frame is rendered, not a frame later.
 */
export const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));

/** Marks for the benchmarks: click to panel painted, timeline render. */
export function markPainted(start, name) {
  afterPaint(() => {
    try {
      performance.measure(name, start);
    } catch {
      // the start mark was cleared: nothing to measure
    }
  });
}
