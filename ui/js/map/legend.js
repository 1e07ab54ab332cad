// The map's legend: what each style means, in both modes.

import { h, clear } from '../dom.js';
import { SHARE_CLASSES } from './choropleth.js';

/** The participation map's legend; `host` is the primary event's ({ iso3, name }). */
export function renderParticipationLegend(el, host) {
  clear(el);
  el.append(
    h('ul', { class: 'legend', 'aria-label': 'Legend' },
      item('swatch-host', host ? `Host (${host.name})` : 'Host'),
      item('swatch-participant', 'Participant'),
      item('swatch-signed', 'Signed a framework or MOU with the US on 4 February 2026'),
      item('swatch-none', 'Did not attend'),
      item('swatch-disputed', 'Disputed region (outline approximate)')));
}

export function renderShareLegend(el, title) {
  clear(el);
  el.append(
    h('p', { class: 'legend-title' }, title),
    h('ul', { class: 'legend', 'aria-label': 'Legend' },
      SHARE_CLASSES.map((c, i) => item(`swatch-share-${i}`, c.label)),
      item('swatch-row', 'USGS row without a share here (withheld, not available, no world total, or another table)'),
      item('swatch-unreported', 'No USGS row: not reported separately (not zero)'),
      item('swatch-attending-outline', 'Attended the ministerial (outlined)')));
}

function item(cls, label) {
  return h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), label);
}
