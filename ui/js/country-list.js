// The list of delegations: host first, then participants by name, each a
// button that carries data-iso3. One tab stop (roving tabindex): arrows,
// Home and End move within it, a letter jumps to the next name starting so.

import { h, clear } from './dom.js';

export function renderCountryList(list, countries, onOpen) {
  clear(list);
  const attending = countries.filter((c) => c.role);
  attending.sort((a, b) => (a.role === 'host' ? -1 : b.role === 'host' ? 1 : a.name.localeCompare(b.name)));
  for (const [i, c] of attending.entries()) {
    list.append(h('li', {},
      h('button', {
        type: 'button',
        class: `country-button role-${c.role}${c.signed_at_ministerial ? ' signed' : ''}`,
        dataset: { iso3: c.iso3, role: c.role, name: c.name },
        tabindex: i === 0 ? '0' : '-1',
        title: `${c.name}${c.head_of_delegation ? ` — ${c.head_of_delegation}` : ''}`,
        onclick: () => onOpen(c.iso3),
      },
      h('span', { class: 'iso' }, c.iso2),
      h('span', { class: 'name' }, c.name),
      c.role === 'host' ? h('span', { class: 'tag' }, 'host') : null,
      c.signed_at_ministerial ? h('span', { class: 'tag tag-signed', title: 'Signed a framework or MOU with the US on 4 February 2026' }, '4 Feb ✓') : null)));
  }
  list.removeAttribute('aria-busy');
  if (!list.dataset.keys) {
    list.dataset.keys = 'true';
    list.addEventListener('keydown', (e) => onListKey(list, e));
    list.addEventListener('focusin', (e) => {
      if (e.target.matches('.country-button')) setListStop(list, e.target);
    });
  }
  return attending.length;
}

/** Makes `button` the list's one tab stop. */
export function setListStop(list, button) {
  for (const b of list.querySelectorAll('.country-button[tabindex="0"]')) if (b !== button) b.tabIndex = -1;
  button.tabIndex = 0;
}

function onListKey(list, e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const buttons = [...list.querySelectorAll('.country-button')];
  const i = buttons.indexOf(document.activeElement);
  if (i < 0) return;
  let next = null;
  if (e.key === 'ArrowDown') next = buttons[Math.min(i + 1, buttons.length - 1)];
  else if (e.key === 'ArrowUp') next = buttons[Math.max(i - 1, 0)];
  else if (e.key === 'Home') next = buttons[0];
  else if (e.key === 'End') next = buttons[buttons.length - 1];
  else if (e.key.length === 1 && /\p{L}/u.test(e.key)) {
    // The next name (after this one, wrapping) that starts with the letter.
    const letter = e.key.toLocaleLowerCase();
    const order = [...buttons.slice(i + 1), ...buttons.slice(0, i + 1)];
    next = order.find((b) => b.dataset.name.toLocaleLowerCase().startsWith(letter)) || null;
  }
  if (!next) return;
  e.preventDefault();
  setListStop(list, next);
  next.focus();
}
