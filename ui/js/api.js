// The backend's commands, one function each. Errors arrive as
// { code, message } and are rethrown as CommandError.

export class CommandError extends Error {
  constructor(command, payload) {
    const message = payload && payload.message ? payload.message : String(payload);
    super(message);
    this.name = 'CommandError';
    this.command = command;
    this.code = payload && payload.code ? payload.code : 'unknown';
  }
}

function invoke(command, args = {}, options = undefined) {
  const tauri = window.__TAURI__;
  if (!tauri || !tauri.core) {
    return Promise.reject(new CommandError(command, { code: 'no_backend', message: 'The app backend is not available.' }));
  }
  return tauri.core.invoke(command, args, options).catch((payload) => {
    throw new CommandError(command, payload);
  });
}

export const listCountries = () => invoke('list_countries');
export const getCountry = (iso3) => invoke('get_country', { iso3 });
export const compareCountries = (left, right) => invoke('compare_countries', { left, right });
export const listMinerals = () => invoke('list_minerals');
export const getMineral = (id) => invoke('get_mineral', { id });
export const exportTableCsv = (seriesId) => invoke('export_table_csv', { seriesId });
export const exportParticipantsCsv = () => invoke('export_participants_csv');
export const exportCountryBrief = (iso3, zone, paper) => invoke('export_country_brief', { iso3, zone, paper });
export const listEvents = () => invoke('list_events');
export const listSessions = (event, day = null) => invoke('list_sessions', { event, day });
export const getSession = (id, zone = null) => invoke('get_session', { id, zone });
export const setLastView = (view) => invoke('set_last_view', { view });
export const getTimeline = (from = null, to = null) => invoke('get_timeline', { from, to });
export const datasetInfo = () => invoke('dataset_info');
export const search = (query, limit = 12) => invoke('search', { query, limit });
export const getTimelineEntry = (id, zone = null) => invoke('get_timeline_entry', { id, zone });
export const listTimeZones = () => invoke('list_time_zones');
export const getUserData = () => invoke('get_user_data');
export const setStar = (kind, id, starred) => invoke('set_star', { kind, id, starred });
export const setNote = (target, text) => invoke('set_note', { target, text });
export const setTimeZone = (zone) => invoke('set_time_zone', { zone });
export const getAgenda = (zone = null) => invoke('get_agenda', { zone });
export const exportAgendaIcs = () => invoke('export_agenda_ics');
/** Tells the backend the first view is painted (the start-up probe listens). */
export const appReady = () => invoke('app_ready');

/**
 * Calls `handler(id)` for each choice in the window's native menu
 * (src-tauri/src/menu.rs emits `atlas-menu` to this window).
 */
export function onMenuChoice(handler) {
  const events = window.__TAURI__ && window.__TAURI__.event;
  if (!events) return Promise.resolve(() => {});
  return events.listen('atlas-menu', (e) => handler(e.payload));
}

/** Opens an https URL in the system browser; other schemes are refused. */
export function openExternal(url) {
  if (!/^https:\/\//.test(url)) return Promise.reject(new Error('Only https links open outside the app.'));
  const opener = window.__TAURI__ && window.__TAURI__.opener;
  if (!opener) return Promise.reject(new Error('Cannot open links: the opener is unavailable.'));
  return opener.openUrl(url);
}

// Importing. A dropped file's bytes go as the raw request body (no JSON
// encoding of 50 MiB); its name, URI-encoded, and the choices as headers.
export const importFromDialog = (zone = null, packMode = null) => invoke('import_from_dialog', { zone, packMode });
export const importFile = (path, zone = null, packMode = null) => invoke('import_file', { path, zone, packMode });
export const importBytes = (bytes, fileName, zone = null, packMode = null) => {
  const headers = { 'x-file-name': encodeURIComponent(fileName) };
  if (zone) headers['x-zone'] = zone;
  if (packMode) headers['x-pack-mode'] = packMode;
  return invoke('import_bytes', bytes, { headers });
};
export const getLibrary = () => invoke('get_library');
export const removeSchedule = (key) => invoke('remove_schedule', { key });
export const removePack = () => invoke('remove_pack');
export const undoImport = () => invoke('undo_import');
export const exportPack = () => invoke('export_pack');
export const checkDataUpdates = () => invoke('check_data_updates');
export const setCheckUpdatesAtStart = (enabled) => invoke('set_check_updates_at_start', { enabled });
export const applyDataUpdate = () => invoke('apply_data_update');
export const checkAppUpdate = () => invoke('check_app_update');
export const installAppUpdate = (version) => invoke('install_app_update', { version });
