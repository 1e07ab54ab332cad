// Source links: https opens in the system browser; anything else is shown as
// text, because the webview must never navigate away from the app.

import { h } from './dom.js';
import { openExternal } from './api.js';
import { statusLabel } from './format.js';
import { groupSources } from './source-groups.js';

/**
 * A record's status. `asOf` is the backend's reading of a scheduled record
 * whose date has passed ("Took place; outcomes not recorded in this data
 * (as of …)"): then the badge says "Past" and the sentence follows it, never
 * "Scheduled" for something that is over.
 */
export function statusBadge(status, asOf) {
  if (asOf) {
    return h('span', { class: 'status-as-of' },
      h('span', { class: 'status status-past', title: `Announced as scheduled; ${asOf}` }, 'Past'),
      h('span', { class: 'status-as-of-text' }, ` ${asOf}`));
  }
  return h('span', { class: `status status-${status}`, title: `Status: ${statusLabel(status)}` }, statusLabel(status));
}

const KIND_LABELS = {
  official: 'Official text',
  official_copy: 'Official text, read from a copy',
  press: 'Press',
  analysis: 'Analysis',
  imported_file: 'Imported file',
  unverified_pack: 'Unverified data pack',
};

/** The mark of a fact or row from a pack no trusted key signed. */
export function unverifiedMark() {
  return h('span', { class: 'unverified-mark', title: 'From a data pack that is not signed by a key this app trusts' }, 'Unverified');
}

/** The mark after a space, for a row whose record is `unverified`; nothing otherwise. */
export function unverifiedMarkIf(unverified) {
  return unverified ? [' ', unverifiedMark()] : null;
}

/** A fact whose sources include an unsigned pack says so beside them. */
function unverifiedMarkFor(sources) {
  return sources.some((s) => s.kind === 'unverified_pack') ? unverifiedMark() : null;
}

/** Copies text to the clipboard; resolves true when it went there. */
async function copyText(text, fallbackInput) {
  try {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection copy
  }
  fallbackInput.hidden = false;
  fallbackInput.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/**
 * A link the app will not open (not https, such as the State Department
 * fact sheet's mirror): what it is, the address in a field the user can
 * select, and a button that copies it.
 */
function unopenedLink(source, label) {
  const field = h('input', { class: 'source-url', type: 'text', readonly: '', value: source.url, 'aria-label': `Address of ${label}` });
  const button = h('button', {
    type: 'button',
    class: 'copy-link',
    title: 'The app opens only https addresses: copy this one to open it yourself',
    onclick: async () => {
      const ok = await copyText(source.url, field);
      button.textContent = ok ? 'Copied' : 'Select and copy the address';
      if (ok) button.dataset.copied = 'true';
    },
  }, 'Copy link');
  return h('span', { class: 'source-link source-plain', dataset: { sourceId: source.id } },
    label, ' ', field, ' ', button);
}

export function sourceLink(source, onError) {
  const kind = KIND_LABELS[source.kind];
  const copyOf = source.kind === 'official_copy' && source.copy_of ? ` (${source.copy_of})` : '';
  const label = `${kind ? `${kind}${copyOf} · ` : ''}${source.publisher}: ${source.title}`;
  if (!/^https:\/\//.test(source.url) && source.url) return unopenedLink(source, label);
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
  return h('span', { class: 'source-link source-plain' }, label);
}

/**
 * A panel's sources, each listed once and numbered; a fact cites them by
 * number ("Sources: [1] [3]") instead of repeating them. Cite every fact
 * first, then `render()` the list: a source a fact cites that the list
 * lacks is added to it, so no citation points nowhere.
 */
export class SourceIndex {
  /** @param sources [{ id, url, publisher, title, kind, status, supports }] the panel's citations, in order */
  constructor(sources, onError) {
    this.entries = groupSources(sources);
    this.numbers = new Map(this.entries.map((s, i) => [s.id, i + 1]));
    this.onError = onError;
    this.items = new Map();
  }

  number(source) {
    if (!this.numbers.has(source.id)) {
      this.entries.push(...groupSources([source]));
      this.numbers.set(source.id, this.entries.length);
    }
    return this.numbers.get(source.id);
  }

  /** "Sources: [1] [3]": each number a button that brings its entry in the list into view. */
  cite(sources) {
    if (!sources || sources.length === 0) return h('span', { class: 'muted' }, 'No source recorded');
    // Numbered, then cited in number order: "[1] [2] [4]", not "[4] [1] [2]".
    // A source a fact lists twice is cited once.
    const unique = sources.filter((s, i) => sources.findIndex((o) => o.id === s.id) === i);
    const numbered = unique.map((s) => [this.number(s), s]).sort((a, b) => a[0] - b[0]);
    const refs = numbered.map(([n, s]) => {
      const label = `${KIND_LABELS[s.kind] || 'Source'} · ${s.publisher}: ${s.title}`;
      return h('button', {
        type: 'button',
        class: 'source-ref',
        title: label,
        'aria-label': `Source ${n}: ${label}`,
        dataset: { cites: s.id },
        onclick: () => this.show(n),
      }, `[${n}]`);
    });
    const mark = unverifiedMarkFor(unique);
    return h('span', { class: 'source-refs' }, mark, mark ? ' ' : null, sources.length === 1 ? 'Source: ' : 'Sources: ', ...refs.flatMap((r, i) => (i ? [' ', r] : [r])));
  }

  show(n) {
    const item = this.items.get(n);
    if (!item) return;
    item.scrollIntoView({ block: 'nearest' });
    item.focus({ preventScroll: true });
    item.dataset.flash = 'true';
    setTimeout(() => { delete item.dataset.flash; }, 1200);
  }

  /** The numbered list, each source once: its link, then what it supports here, each with its status. */
  render() {
    return h('ol', { class: 'source-index' }, this.entries.map((s, i) => {
      const item = h('li', { tabindex: '-1', dataset: { sourceNumber: String(i + 1) } },
        sourceLink(s, this.onError),
        s.uses.length ? h('ul', { class: 'source-uses' }, s.uses.map((u) =>
          h('li', { class: 'supports' }, `${u.supports} `, statusBadge(u.status)))) : null);
      this.items.set(i + 1, item);
      return item;
    }));
  }
}

/** A compact "Sources: [1] [2]" line for one fact. */
export function sourceList(sources, onError) {
  if (!sources || sources.length === 0) return h('span', { class: 'muted' }, 'No source recorded');
  const mark = unverifiedMarkFor(sources);
  return h('ul', { class: 'sources-inline' }, mark ? h('li', {}, mark) : null, sources.map((s) => h('li', {}, sourceLink(s, onError))));
}
