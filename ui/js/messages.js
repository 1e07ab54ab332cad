// The error banner (goes by itself) and the notice banner (stays until closed).

import { $ } from './app-state.js';

let errorTimer = null;

export function showError(error) {
  const banner = $('error-banner');
  banner.textContent = error && error.message ? error.message : String(error);
  banner.hidden = false;
  clearTimeout(errorTimer);
  errorTimer = setTimeout(() => { banner.hidden = true; }, 8000);
}

export function showNotice(text) {
  $('notice-text').textContent = text;
  $('notice-banner').hidden = false;
}
