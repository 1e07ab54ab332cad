// The error banner and the notice toast: both go by themselves.

import { $ } from './app-state.js';

let errorTimer = null;

export function showError(error) {
  const banner = $('error-banner');
  banner.textContent = error && error.message ? error.message : String(error);
  banner.hidden = false;
  clearTimeout(errorTimer);
  errorTimer = setTimeout(() => { banner.hidden = true; }, 8000);
}

let noticeTimer = null;

/**
 * A notice (a toast): it goes by itself after `seconds`, but not while the
 * pointer or the keyboard is on it; Dismiss closes it at once. `null`
 * seconds: it stays until dismissed.
 */
export function showNotice(text, seconds = 10) {
  const banner = $('notice-banner');
  $('notice-text').textContent = text;
  banner.hidden = false;
  clearTimeout(noticeTimer);
  if (seconds === null) return;
  const hideLater = () => {
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => {
      if (banner.matches(':hover, :focus-within')) hideLater();
      else banner.hidden = true;
    }, seconds * 1000);
  };
  hideLater();
}
