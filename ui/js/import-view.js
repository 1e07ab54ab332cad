// Importing schedules and data packs: the Import button (Ctrl+O), files
// dropped on the window, a progress line while a file is read and parsed,
// the result sheet (added, updated, removed, starred changes, warnings) and
// the Imports sheet (what was imported, remove, undo, export a data pack).
// Everything shown from a file is set as text.

import * as api from './api.js';
import { h, clear } from './dom.js';
import { instantText } from './format.js';
import { viewerZone } from './user-data.js';
import { dataUpdates } from './data-updates.js';
import { app } from './app-state.js';

const MAX_BYTES = 50 * 1024 * 1024;
const SHOWN_WARNINGS = 30;

/**
 * @param els { importButton, libraryButton, progress, progressLabel, progressBar, dropOverlay,
 *              resultSheet, librarySheet }
 * @param hooks { onChanged(): Promise (reload the data), showOnTimeline(eventId), showError(e), showNotice(text), zone(): the zone for files without one }
 */
export function setupImport(els, hooks) {
  const options = { zone: '', packMode: 'extend' };
  let busy = false;
  // The last file imported, to import it again in the zone the user names.
  let last = null;

  function progress(label, fraction) {
    els.progress.hidden = label === null;
    if (label === null) return;
    els.progressLabel.textContent = label;
    if (fraction === null) els.progressBar.removeAttribute('value');
    else els.progressBar.value = Math.round(fraction * 100);
  }

  async function run(label, work) {
    if (busy) {
      hooks.showError(new Error('An import is already running.'));
      return;
    }
    busy = true;
    document.documentElement.dataset.importing = 'true';
    try {
      progress(label, null);
      const result = await work();
      if (result) {
        await hooks.onChanged();
        showResult(result);
      }
    } catch (e) {
      showFailure(e);
    } finally {
      busy = false;
      delete document.documentElement.dataset.importing;
      progress(null);
    }
  }

  function fromDialog() {
    return run('Importing…', () => api.importFromDialog(options.zone || null, options.packMode));
  }

  function readFile(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onprogress = (e) => { if (e.lengthComputable) progress(`Reading ${file.name}…`, e.loaded / e.total); };
      reader.onerror = () => reject(new Error(`Cannot read ${file.name}: ${reader.error ? reader.error.message : 'unknown error'}`));
      reader.onload = () => resolve(new Uint8Array(reader.result));
      reader.readAsArrayBuffer(file);
    });
  }

  function fromFile(file) {
    if (file.size > MAX_BYTES) {
      showFailure(new Error(`${file.name} is ${(file.size / 1048576).toFixed(1)} MiB; files over 50 MiB are refused before reading.`));
      return Promise.resolve();
    }
    return run(`Reading ${file.name}…`, async () => {
      const bytes = await readFile(file);
      progress(`Importing ${file.name}…`, null);
      last = { bytes, name: file.name };
      return api.importBytes(bytes, file.name, options.zone || null, options.packMode);
    });
  }

  /** The same file again, its zone-less times read in `zone`. */
  function again(zone) {
    if (!last) return Promise.resolve();
    const source = last;
    return run(`Importing ${source.name} in ${zone}…`, () => (source.path
      ? api.importFile(source.path, zone, options.packMode)
      : api.importBytes(source.bytes, source.name, zone, options.packMode)));
  }

  // ---- the result sheet ----

  function showResult(result) {
    const s = result.summary;
    if (result.source_path) last = { path: result.source_path, name: result.file_name };
    const body = els.resultSheet.querySelector('[data-sheet-body]');
    clear(body);
    els.resultSheet.querySelector('[data-sheet-title]').textContent = `Imported ${s.title}`;
    els.resultSheet.dataset.result = 'ok';
    const counts = s.kind === 'pack'
      ? `Data pack from ${result.file_name}${s.added ? ` (${s.added} session${s.added === 1 ? '' : 's'})` : ''}.`
      : `${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.removed} removed, from ${result.file_name} (${s.format}).`;
    body.append(h('p', { 'data-import-counts': '' }, counts));
    if (s.kind === 'pack' && result.library && result.library.pack) {
      const p = result.library.pack;
      body.append(h('p', { 'data-pack-verified': p.signed ? 'true' : 'false' }, p.signed
        ? `Verified: data pack ${p.signed.pack_version} of ${p.signed.date}, signed by a key this app trusts, from ${p.signed.origin}.`
        : 'Unverified: this pack is not signed by a key this app trusts. Its facts are marked "Unverified" wherever they show.'));
    }
    if (s.pack_changes && s.pack_changes.length) {
      body.append(h('h3', {}, 'What changed'), h('ul', { 'data-pack-changes': '' }, s.pack_changes.map((c) => h('li', {}, c))));
    } else if (s.kind === 'pack') {
      body.append(h('p', { 'data-pack-changes': '' }, 'The pack changed nothing that the app shows.'));
    }
    if (s.first_start_utc) body.append(h('p', { class: 'hint' }, `Sessions from ${instantText(s.first_start_utc, viewerZone())} to ${instantText(s.last_start_utc, viewerZone())}.`));
    if (s.kind === 'schedule' && !s.zone_from_file) body.append(askZone(s.time_zone));
    if (result.starred_changes.length) {
      body.append(h('h3', {}, 'Changes to your starred sessions'),
        h('ul', { 'data-starred-changes': '' }, result.starred_changes.map((c) => h('li', {},
          `${c.title}: ${c.change}${c.from ? ` (was ${c.from})` : ''}${c.to && c.change !== 'new' ? `, now ${c.to}` : ''}`))));
    }
    if (s.warnings.length) {
      body.append(h('h3', {}, `${s.warnings.length} warning${s.warnings.length === 1 ? '' : 's'}`),
        h('ul', { class: 'warnings', 'data-import-warnings': '' },
          s.warnings.slice(0, SHOWN_WARNINGS).map((w) => h('li', {}, w)),
          s.warnings.length > SHOWN_WARNINGS ? h('li', {}, `and ${s.warnings.length - SHOWN_WARNINGS} more`) : null));
    }
    const show = els.resultSheet.querySelector('[data-sheet-show]');
    show.hidden = !s.event_id;
    show.onclick = () => { els.resultSheet.close(); hooks.showOnTimeline(s.event_id); };
    els.resultSheet.querySelector('[data-sheet-undo]').hidden = false;
    openSheet(els.resultSheet);
  }

  /** The file named no zone: say which one is used and offer the conference's. */
  function zoneList() {
    if (document.getElementById('import-zone-names')) return;
    const list = h('datalist', { id: 'import-zone-names' });
    document.body.append(list);
    api.listTimeZones().then((zones) => list.append(...zones.map((z) => h('option', { value: z })))).catch(() => {});
  }

  function askZone(current) {
    zoneList();
    const input = h('input', { type: 'text', list: 'import-zone-names', placeholder: 'e.g. Europe/Berlin', autocomplete: 'off', spellcheck: 'false', 'data-ask-zone': '', 'aria-label': "The conference's time zone (IANA name)" });
    const apply = h('button', { type: 'button', 'data-apply-zone': '', onclick: () => {
      const zone = input.value.trim();
      if (zone) again(zone);
    } }, 'Import again in this zone');
    input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); apply.click(); } });
    return h('div', { class: 'ask-zone', role: 'group', 'aria-label': 'Time zone' },
      h('p', {}, `The file names no time zone, so its times are shown in ${current}. If the conference was elsewhere, name its zone:`),
      input, ' ', apply);
  }

  function showFailure(e) {
    const body = els.resultSheet.querySelector('[data-sheet-body]');
    clear(body);
    els.resultSheet.querySelector('[data-sheet-title]').textContent = 'Nothing was imported';
    els.resultSheet.dataset.result = 'error';
    body.append(h('p', { 'data-import-error': '' }, e && e.message ? e.message : String(e)),
      h('p', { class: 'hint' }, 'Your data is as it was before.'));
    els.resultSheet.querySelector('[data-sheet-show]').hidden = true;
    els.resultSheet.querySelector('[data-sheet-undo]').hidden = true;
    openSheet(els.resultSheet);
  }

  function openSheet(sheet) {
    if (!sheet.open) sheet.showModal();
    const first = sheet.querySelector('[data-sheet-close]');
    if (first) first.focus();
  }

  async function undo() {
    try {
      await api.undoImport();
      await hooks.onChanged();
      els.resultSheet.close();
      if (els.librarySheet.open) await renderLibrary();
    } catch (e) {
      hooks.showError(e);
    }
  }

  // ---- the Imports sheet ----

  async function renderLibrary() {
    zoneList();
    const body = els.librarySheet.querySelector('[data-sheet-body]');
    let lib;
    try {
      lib = await api.getLibrary();
    } catch (e) {
      hooks.showError(e);
      return;
    }
    clear(body);
    if (lib.notice) body.append(h('p', { role: 'alert' }, lib.notice));
    if (!lib.schedules.length && !lib.pack) body.append(h('p', { class: 'hint' }, 'Nothing imported yet: the built-in dataset is shown.'));
    const list = h('ul', { class: 'library-list', 'data-library-list': '' });
    for (const sch of lib.schedules) {
      list.append(h('li', { dataset: { scheduleKey: sch.key } },
        h('strong', {}, sch.title), ' ',
        h('span', { class: 'hint' }, `${sch.events} sessions · ${sch.format} · ${sch.file_name} · times in ${sch.time_zone} · imported ${instantText(sch.imported_at, viewerZone())}`), ' ',
        h('button', { type: 'button', onclick: () => { els.librarySheet.close(); hooks.showOnTimeline(sch.event_id); } }, 'Show on timeline'), ' ',
        h('button', { type: 'button', 'data-remove': sch.key, onclick: () => change(() => api.removeSchedule(sch.key)) }, 'Remove')));
    }
    if (lib.pack) {
      list.append(h('li', { dataset: { pack: lib.pack.signed ? 'verified' : 'unverified' } }, h('strong', {}, `Data pack ${lib.pack.dataset_version}`), ' ',
        h('span', { class: lib.pack.signed ? 'pack-verified' : 'unverified-mark' }, lib.pack.signed ? 'verified' : 'unverified'), ' ',
        h('span', { class: 'hint' }, `${lib.pack.mode} · ${lib.pack.sessions} sessions · ${lib.pack.file_name} · imported ${instantText(lib.pack.imported_at, viewerZone())}`), ' ',
        h('button', { type: 'button', onclick: () => change(api.removePack) }, 'Remove')));
    }
    body.append(list);
    updates.show(lib, app.user.settings.check_updates_at_start);
    const undoButton = els.librarySheet.querySelector('[data-library-undo]');
    undoButton.hidden = !lib.undo;
    undoButton.textContent = lib.undo ? `Undo the ${lib.undo}` : 'Undo';
  }

  async function change(call) {
    try {
      await call();
      await hooks.onChanged();
      await renderLibrary();
    } catch (e) {
      hooks.showError(e);
    }
  }

  async function exportPack() {
    try {
      const path = await api.exportPack();
      if (path) els.librarySheet.querySelector('[data-export-result]').textContent = `Saved the data pack as ${path}`;
    } catch (e) {
      hooks.showError(e);
    }
  }

  const updates = dataUpdates(els.librarySheet.querySelector('[data-updates]'), {
    showNotice: hooks.showNotice,
    applied: async (result) => {
      await hooks.onChanged();
      showResult(result);
      await renderLibrary();
    },
  });

  // ---- wiring ----

  els.importButton.addEventListener('click', fromDialog);
  els.libraryButton.addEventListener('click', async () => { await renderLibrary(); openSheet(els.librarySheet); });
  for (const sheet of [els.resultSheet, els.librarySheet]) {
    sheet.querySelector('[data-sheet-close]').addEventListener('click', () => sheet.close());
  }
  els.resultSheet.querySelector('[data-sheet-undo]').addEventListener('click', undo);
  els.librarySheet.querySelector('[data-library-undo]').addEventListener('click', undo);
  els.librarySheet.querySelector('[data-library-import]').addEventListener('click', () => { els.librarySheet.close(); fromDialog(); });
  els.librarySheet.querySelector('[data-export-pack]').addEventListener('click', exportPack);
  const zoneInput = els.librarySheet.querySelector('[data-import-zone]');
  zoneInput.addEventListener('change', () => { options.zone = zoneInput.value.trim(); });
  for (const radio of els.librarySheet.querySelectorAll('[name="pack-mode"]')) {
    radio.addEventListener('change', () => { if (radio.checked) options.packMode = radio.value; });
  }
  // The window's File menu (src-tauri/src/menu.rs) runs the same actions.
  api.onMenuChoice((id) => {
    if (id === 'import') fromDialog();
    else if (id === 'imports') els.libraryButton.click();
    else if (id === 'export-pack') renderLibrary().then(() => { openSheet(els.librarySheet); exportPack(); });
    else if (id === 'check-data-updates') renderLibrary().then(() => { openSheet(els.librarySheet); updates.check(); });
    else if (id === 'check-app-update') renderLibrary().then(() => { openSheet(els.librarySheet); updates.checkApp(); });
  }).catch((e) => console.error('the menu is not connected', e));
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'o') {
      e.preventDefault();
      fromDialog();
    }
  });

  // Drops: the whole window is the target. The overlay says what will happen.
  let depth = 0;
  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth += 1;
    els.dropOverlay.hidden = false;
  });
  window.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) els.dropOverlay.hidden = true;
  });
  window.addEventListener('drop', (e) => {
    depth = 0;
    els.dropOverlay.hidden = true;
    const files = e.dataTransfer ? Array.from(e.dataTransfer.files) : [];
    // Text dropped into a field is the field's business; only files are ours.
    if (!files.length) return;
    e.preventDefault();
    if (files.length > 1) hooks.showError(new Error(`Drop one file at a time; importing ${files[0].name} only.`));
    if (files.length) fromFile(files[0]);
  });

  return { fromDialog, fromFile, renderLibrary, checkAtStart: updates.checkAtStart };
}
