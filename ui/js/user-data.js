// The user's own data as the page holds it: stars, notes, the zone times
// are read in. Every change goes to the backend first; the page keeps what
// the backend saved.

import * as api from './api.js';
import { $, app, state } from './app-state.js';
import { showError, showNotice } from './messages.js';
import { renderZonePicker, systemZone } from './zone-picker.js';

/** Called after a change that other views show (set by main.js). */
export const userHooks = { onStarsChanged: () => {}, onZoneChanged: () => {} };

export const viewerZone = () => app.user.settings.time_zone || systemZone();
export const isStarred = (kind, id) => app.user.starred.some((s) => s.kind === kind && s.id === id);
export const noteOf = (target) => app.user.notes[target] || '';

export async function setStar(kind, id, starred) {
  try {
    app.user = await api.setStar(kind, id, starred);
    if (state.view === 'agenda') userHooks.onStarsChanged();
  } catch (e) {
    showError(e);
  }
  return isStarred(kind, id);
}

export async function setNote(target, text) {
  app.user = await api.setNote(target, text);
}

export async function loadUser() {
  try {
    const view = await api.getUserData();
    app.user = view.data;
    // What happened to the user's own data stays until it is read and dismissed.
    if (view.notice) showNotice(view.notice, null);
  } catch (e) {
    showError(e);
  }
  renderZonePicker($('zone-picker'), app.user.settings.time_zone, onZoneChange, api.listTimeZones);
}

async function onZoneChange(zone) {
  try {
    app.user = await api.setTimeZone(zone);
  } catch (e) {
    showError(e);
  }
  renderZonePicker($('zone-picker'), app.user.settings.time_zone, onZoneChange, api.listTimeZones);
  userHooks.onZoneChanged();
}
