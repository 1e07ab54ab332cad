// Processing stages side by side (the domain's `StageChain`): each stage's
// leaders, then one row per country with its place at every stage, so
// "mined here, refined there" reads across a row. A country without a row in
// a stage's table says "not reported separately", never 0.

import { h, clear } from '../dom.js';
import { ordinal, roleLabel, shareText, tableLabel, tableName } from '../format.js';

const spansChapters = (chain) => new Set(chain.stages.map((s) => s.mineral)).size > 1;

/** A stage in full: the table in plain words and its year, with its mineral when the chain spans chapters. */
export function stageHeading(stage, chain) {
  const label = tableLabel('production', stage.year, stage.detail, stage.mineral_name);
  return spansChapters(chain) ? `${stage.mineral_name}: ${label}` : label;
}

/**
 * A stage's short column heading: its mineral when the chain spans chapters
 * and the mineral has one table in it, else its table ("Refinery
 * production", "Production · Pig iron").
 */
export function stageColumn(stage, chain) {
  const tablesOfMineral = chain.stages.filter((s) => s.mineral === stage.mineral).length;
  return spansChapters(chain) && tablesOfMineral === 1 ? stage.mineral_name : tableName('production', stage.detail, stage.mineral_name);
}

/** What a country's cell at one stage says. */
export function placeText(place) {
  if (!place) return 'not reported separately';
  if (place.share) return `${shareText(place.share)}${place.rank ? `, ${ordinal(place.rank)}` : ''}`;
  return place.value.kind === 'number' || place.value.kind === 'zero' ? place.value.text : place.value.description;
}

/** Draws the chain into `el` (emptied when there is none); a country opens with `onOpen(iso3)`. */
export function renderStages(el, chain, onOpen) {
  clear(el);
  el.hidden = !chain;
  if (!chain) return;
  const leaders = chain.stages.map((s) => h('li', {},
    h('strong', {}, `${stageHeading(s, chain)}: `),
    s.leaders.map((l) => `${l.name} ${shareText({ percent: l.percent })}`).join(', ') || 'no shares'));
  el.append(
    h('h3', { class: 'stages-title' }, `Processing stages: ${chain.name}`),
    h('ul', { class: 'stage-leaders' }, leaders),
    h('table', { class: 'ranking stages' },
      h('caption', {}, 'Each attending country and each stage\'s leaders, with share of the world total and place at every stage USGS tables.'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Country'),
        h('th', { scope: 'col' }, 'Attended'),
        chain.stages.map((s) => h('th', { scope: 'col', class: 'num', title: stageHeading(s, chain), dataset: { series: s.series } }, stageColumn(s, chain))))),
      h('tbody', {}, chain.countries.map((c) => h('tr', { dataset: { iso3: c.iso3 } },
        h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link-button', onclick: () => onOpen(c.iso3) }, c.name)),
        h('td', {}, roleLabel(c.role)),
        c.places.map((p, i) => h('td', { class: p ? 'num' : 'num muted', dataset: { series: chain.stages[i].series } }, placeText(p))))))));
}
