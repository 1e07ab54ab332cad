// The reader's time zone: the system's by default; quick picks; any IANA
// zone by name or by city ("Brussels"). Remembered in the user's data.

import { h, clear } from './dom.js';
import { zoneFromInput } from './zone-names.js';

export const QUICK_ZONES = [
  ['America/New_York', 'Washington'],
  ['Asia/Karachi', 'Islamabad'],
  ['UTC', 'UTC'],
];

export function systemZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function renderZonePicker(select, current, onChange, loadAllZones) {
  clear(select);
  const sys = systemZone();
  select.append(h('option', { value: '' }, `System (${sys})`));
  for (const [zone, label] of QUICK_ZONES) select.append(h('option', { value: zone }, `${label} (${zone})`));
  if (current && !QUICK_ZONES.some(([z]) => z === current)) select.append(h('option', { value: current }, current));
  select.append(h('option', { value: '__other' }, 'Other zone…'));
  select.value = current || '';
  select.onchange = async () => {
    if (select.value !== '__other') {
      onChange(select.value || null);
      return;
    }
    const zones = await loadAllZones();
    const input = h('input', { type: 'text', list: 'zone-names', class: 'zone-input', 'aria-label': 'Time zone: a city or an IANA name', placeholder: 'a city, e.g. Brussels' });
    const datalist = h('datalist', { id: 'zone-names' }, zones.map((z) => h('option', { value: z })));
    let finished = false; // Enter removes the input, which then blurs: act once.
    const done = () => {
      if (finished) return;
      finished = true;
      const v = zoneFromInput(input.value, zones);
      input.remove();
      datalist.remove();
      if (v) onChange(v);
      else select.value = current || '';
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') done();
      if (e.key === 'Escape') { e.stopPropagation(); input.value = ''; done(); }
    });
    input.addEventListener('blur', done);
    select.after(input, datalist);
    input.focus();
  };
}
