// The list of delegations: host first, then participants by name, each a
// button that carries data-iso3.

import { h, clear } from './dom.js';

export function renderCountryList(list, countries, onOpen) {
  clear(list);
  const attending = countries.filter((c) => c.role);
  attending.sort((a, b) => (a.role === 'host' ? -1 : b.role === 'host' ? 1 : a.name.localeCompare(b.name)));
  for (const c of attending) {
    list.append(h('li', {},
      h('button', {
        type: 'button',
        class: `country-button role-${c.role}${c.signed_at_ministerial ? ' signed' : ''}`,
        dataset: { iso3: c.iso3, role: c.role },
        title: `${c.name}${c.head_of_delegation ? ` — ${c.head_of_delegation}` : ''}`,
        onclick: () => onOpen(c.iso3),
      },
      h('span', { class: 'iso' }, c.iso2),
      h('span', { class: 'name' }, c.name),
      c.role === 'host' ? h('span', { class: 'tag' }, 'host') : null,
      c.signed_at_ministerial ? h('span', { class: 'tag tag-signed', title: 'Signed a framework or MOU with the US on 4 February 2026' }, '4 Feb ✓') : null)));
  }
  list.removeAttribute('aria-busy');
  return attending.length;
}
