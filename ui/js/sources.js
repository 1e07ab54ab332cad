// Source links: https opens in the system browser; anything else is shown as
// text, because the webview must never navigate away from the app.

import { h } from './dom.js';
import { openExternal } from './api.js';
import { statusLabel } from './format.js';

export function statusBadge(status) {
  return h('span', { class: `status status-${status}`, title: `Status: ${statusLabel(status)}` }, statusLabel(status));
}

export function sourceLink(source, onError) {
  const label = `${source.publisher}: ${source.title}`;
  if (/^https:\/\//.test(source.url)) {
    return h('a', {
      class: 'source-link',
      href: source.url,
      title: source.url,
      dataset: { sourceId: source.id },
      onclick: (event) => {
        event.preventDefault();
        openExternal(source.url).catch((e) => onError && onError(e));
      },
    }, label);
  }
  return h('span', { class: 'source-link source-plain', title: 'Not an https link: copy the address to open it' },
    label, ' ', h('code', {}, source.url));
}

/** A compact "Sources: [1] [2]" line for one fact. */
export function sourceList(sources, onError) {
  if (!sources || sources.length === 0) return h('span', { class: 'muted' }, 'No source recorded');
  return h('ul', { class: 'sources-inline' }, sources.map((s) => h('li', {}, sourceLink(s, onError))));
}
