// Star and note controls, shared by the session and timeline-entry panels.

import { h } from './dom.js';

export function starButton(starred, onToggle) {
  const button = h('button', {
    type: 'button',
    class: 'star',
    'aria-pressed': String(starred),
    title: starred ? 'Remove from My agenda' : 'Add to My agenda',
    dataset: { star: 'true' },
    onclick: async () => {
      button.disabled = true;
      try {
        const now = await onToggle(button.getAttribute('aria-pressed') !== 'true');
        button.setAttribute('aria-pressed', String(now));
        button.textContent = now ? '★ In My agenda' : '☆ Add to My agenda';
        button.title = now ? 'Remove from My agenda' : 'Add to My agenda';
      } finally {
        button.disabled = false;
      }
    },
  }, starred ? '★ In My agenda' : '☆ Add to My agenda');
  return button;
}

export function noteEditor(target, text, onSave) {
  const area = h('textarea', { class: 'note-text', rows: '3', 'aria-label': 'Your note', maxlength: '20000', dataset: { noteFor: target } });
  area.value = text || '';
  const status = h('span', { class: 'note-status', role: 'status' });
  const save = async () => {
    try {
      await onSave(area.value);
      status.textContent = 'Saved';
    } catch (e) {
      status.textContent = `Not saved: ${e.message}`;
    }
  };
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    }
  });
  area.addEventListener('input', () => { status.textContent = 'Not saved yet (Ctrl+Enter saves)'; });
  return h('div', { class: 'note' },
    h('label', { class: 'note-label' }, 'Your note (kept on this computer)', area),
    h('div', { class: 'note-actions' }, h('button', { type: 'button', onclick: save }, 'Save note'), status));
}
