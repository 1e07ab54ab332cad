// "Brief (PDF)" on a country panel: the paper (A4 or Letter, from the
// system's language, with a choice) and the button that writes the brief in
// Rust and saves it through the save dialog.

import { h } from './dom.js';

// Regions that print on Letter; everywhere else prints on A4.
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'CL', 'CO', 'VE', 'PH', 'PR', 'GT', 'CR', 'PA', 'SV']);

/** "letter" for en-US, es-MX, fr-CA; "a4" for en-GB, ur-PK, or no region. */
export function paperForLocale(locale) {
  const region = String(locale || '').split(/[-_.@]/)[1] || '';
  return LETTER_REGIONS.has(region.toUpperCase()) ? 'letter' : 'a4';
}

/**
 * The controls (and `extra`, another action for the row). `write(paper)` resolves to the saved path, or null when the
 * user cancelled; the button says it is working meanwhile and cannot be
 * pressed twice.
 */
export function briefControls(countryName, write, extra = null, locale = navigator.language) {
  const paper = h('select', { class: 'brief-paper', 'aria-label': 'Paper for the brief' },
    h('option', { value: 'a4' }, 'A4'),
    h('option', { value: 'letter' }, 'Letter'));
  paper.value = paperForLocale(locale);
  const button = h('button', {
    type: 'button', class: 'chip brief-button', dataset: { brief: '' },
    title: `Write a one- or two-page PDF brief on ${countryName}: delegation, agreements, minerals, sessions and sources`,
  }, 'Brief (PDF)');
  button.addEventListener('click', async () => {
    if (button.disabled) return;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    button.textContent = 'Writing the brief…';
    try {
      await write(paper.value);
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      button.textContent = 'Brief (PDF)';
    }
  });
  return h('div', { class: 'panel-actions' }, button, paper, extra);
}
