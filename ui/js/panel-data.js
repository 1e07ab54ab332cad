// What the panels show, fetched once: a click then costs no round trip to
// the backend (a few ms of the 16 ms a frame has). Filled on demand and, in
// idle time after start-up, for every attending country and built-in item;
// emptied when the data changes (an import, an undo). A session's or
// entry's times depend on the reader's zone, so the zone is in its key.

import * as api from './api.js';

const cache = new Map();
// A panel's statuses are read against the clock ("scheduled" turns to
// "took place" once an event ends): an answer older than this is asked again.
export const MAX_AGE_MS = 10 * 60 * 1000;

const LOADERS = {
  country: (id) => api.getCountry(id),
  session: (id, zone) => api.getSession(id, zone),
  entry: (id, zone) => api.getTimelineEntry(id, zone),
  compare: (id) => api.compareCountries(...id.split('+')),
};

const keyOf = (type, id, zone) => (type === 'country' || type === 'compare' ? `${type}:${id}` : `${type}:${id}:${zone}`);

/** The backend's view of a panel's item, from the cache when it has it. */
export function panelData(type, id, zone, now = Date.now()) {
  const key = keyOf(type, id, zone);
  const kept = cache.get(key);
  if (!kept || now - kept.at > MAX_AGE_MS) {
    const loading = LOADERS[type](id, zone);
    const entry = { loading, at: now };
    cache.set(key, entry);
    // A failure is not kept: the next open asks again (and shows the error).
    loading.catch(() => { if (cache.get(key) === entry) cache.delete(key); });
    return loading;
  }
  return kept.loading;
}

/** Forgets everything: the data behind the panels changed. */
export function forgetPanelData() {
  cache.clear();
}

/** Loads and decodes a country's flag, so its first panel does not wait on it. */
export function warmFlag(flag) {
  if (!flag) return Promise.resolve();
  const img = new Image();
  img.src = `vendor/flags/${flag}.svg`;
  return img.decode().catch(() => {});
}

/**
 * Fetches `items` ([{ type, id }]) one by one in idle time, so start-up and
 * the reader's clicks never wait behind it. `zone` is the reader's.
 */
export function prefetchPanelData(items, zone) {
  // (WebKitGTK has no requestIdleCallback: a short pause between fetches leaves room for clicks.)
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 5));
  const queue = [...items];
  const next = () => {
    const item = queue.shift();
    if (!item) return;
    panelData(item.type, item.id, zone)
      .then((detail) => (item.type === 'country' && detail.country ? warmFlag(detail.country.flag) : null))
      .catch(() => {})
      .finally(() => idle(next));
  };
  idle(next);
}
