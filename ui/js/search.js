// The search box: Ctrl+K or "/" focuses it; results come from the backend,
// ranked; arrows move, Enter opens, Esc leaves.

import { h, clear } from './dom.js';
import * as api from './api.js';
import { unverifiedMark } from './sources.js';

const KIND_LABELS = { country: 'Country', person: 'Person', session: 'Session', timeline: 'Timeline', event: 'Event', mineral: 'Mineral', agreement: 'Agreement' };

/**
 * The line under a result's title: its kind, then its subtitle, naming the
 * kind once ("Country · Islamabad", never "Country · Country · Islamabad").
 */
export function resultKindLine(r) {
  const kind = KIND_LABELS[r.kind] || r.kind;
  const subtitle = (r.subtitle || '').trim();
  if (!subtitle) return kind;
  return subtitle.toLowerCase().startsWith(kind.toLowerCase()) ? subtitle : `${kind} · ${subtitle}`;
}

export function setupSearch(input, list, onOpen, onError) {
  let results = [];
  let active = -1;
  let seq = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    // A hidden or emptied list has no active option to point at.
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const mark = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const open = (i) => {
    const r = results[i];
    if (!r) return;
    // The pick is made: the box is ready for the next search.
    seq += 1;
    input.value = '';
    results = [];
    clear(list);
    close();
    input.blur();
    onOpen(r);
  };

  const run = async () => {
    const q = input.value;
    const mine = ++seq;
    if (!q.trim()) {
      results = [];
      clear(list);
      close();
      return;
    }
    try {
      const found = await api.search(q);
      if (mine !== seq) return; // a newer query is on its way
      results = found;
      clear(list);
      if (!found.length) list.append(h('li', { class: 'search-empty', role: 'presentation' }, `Nothing matches “${q}”.`));
      found.forEach((r, i) => list.append(h('li', {
        id: `search-result-${i}`,
        role: 'option',
        'aria-selected': 'false',
        dataset: { searchResult: r.kind, id: r.id },
        onmousedown: (e) => e.preventDefault(),
        onclick: () => open(i),
      }, h('span', { class: 'result-title' }, r.title), h('span', { class: 'result-kind' }, resultKindLine(r)),
        // As on its panel: a result from an unsigned pack says so before it is opened.
        r.unverified ? unverifiedMark() : null)));
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      mark(found.length ? 0 : -1);
    } catch (e) {
      onError(e);
    }
  };

  input.addEventListener('input', run);
  input.addEventListener('focus', () => { if (results.length) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); } });
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && results.length) {
      e.preventDefault();
      mark((active + 1) % results.length);
    } else if (e.key === 'ArrowUp' && results.length) {
      e.preventDefault();
      mark((active - 1 + results.length) % results.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(active >= 0 ? active : 0);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
      input.blur();
    }
  });
  document.addEventListener('keydown', (e) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
    if ((e.key === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing)) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });
}
