// The Imports sheet's "Data updates" part: what is installed, "Check for
// data updates" (never automatic), the offer with what it changes, and
// "Apply" (through the same import as a file, one step of undo); and the
// app's own "Check for app updates". The checking and verifying is the
// backend's; every failure is its sentence, and nothing changed.

import * as api from './api.js';
import { h, clear } from './dom.js';
import { app } from './app-state.js';

/** "12 KB", "1.4 MB": a pack's size in words. */
export function sizeText(bytes) {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What the library's pack is, in words: verified by what, or unverified. */
export function installedText(pack) {
  if (!pack) return 'Installed: the built-in data, no update applied.';
  if (pack.signed) return `Installed: data pack ${pack.signed.pack_version} of ${pack.signed.date}, verified, from ${pack.signed.origin}.`;
  return `Installed: data pack ${pack.dataset_version} from ${pack.file_name}, unverified (not signed by a key this app trusts); its facts are marked so.`;
}

/** A check's answer in words. */
export function checkText(check) {
  if (check.status === 'offer') {
    return `Data pack ${check.offered_version} of ${check.date} is available (${sizeText(check.size)}): ${check.summary}`;
  }
  return `No newer data: the channel offers pack ${check.offered_version}, and this app takes only packs newer than ${check.newer_than}.`;
}

/**
 * @param section the sheet's [data-updates] element
 * @param hooks { applied(result): show the import's result and reload, showError(e) }
 */
export function dataUpdates(section, hooks) {
  const installed = h('p', { 'data-update-installed': '' });
  const status = h('p', { role: 'status', 'data-update-status': '' });
  const offer = h('div', { 'data-update-offer': '', hidden: '' });
  const check = h('button', { type: 'button', 'data-check-updates': '' }, 'Check for data updates');
  const appCheck = h('button', { type: 'button', 'data-check-app': '' }, 'Check for app updates');
  const appStatus = h('p', { role: 'status', 'data-app-update-status': '' });
  const atStart = h('input', { type: 'checkbox', 'data-check-at-start': '' });
  atStart.addEventListener('change', async () => {
    try {
      app.user = await api.setCheckUpdatesAtStart(atStart.checked);
    } catch (e) {
      atStart.checked = !atStart.checked;
      failed(status, e);
    }
  });
  clear(section);
  section.append(h('h3', {}, 'Data updates'), installed,
    h('p', { class: 'hint' }, 'Signed packs of new facts, fetched over HTTPS only when you ask; nothing changes until you apply one, and one step of undo is kept.'),
    h('label', {}, atStart, ' Check for data updates when the app starts'),
    h('div', { class: 'sheet-actions' }, check, appCheck), status, offer, appStatus);

  let busy = false;
  async function withBusy(button, label, work) {
    if (busy) return;
    busy = true;
    const before = button.textContent;
    button.textContent = label;
    button.setAttribute('aria-busy', 'true');
    button.disabled = true;
    try {
      await work();
    } finally {
      busy = false;
      button.textContent = before;
      button.removeAttribute('aria-busy');
      button.disabled = false;
    }
  }

  function failed(target, e) {
    target.dataset.result = 'error';
    target.setAttribute('role', 'alert');
    target.textContent = e && e.message ? e.message : String(e);
  }

  function said(target, text) {
    target.dataset.result = 'ok';
    target.setAttribute('role', 'status');
    target.textContent = text;
  }

  function runCheck() {
    return withBusy(check, 'Checking…', async () => {
      offer.hidden = true;
      clear(offer);
      try {
        const answer = await api.checkDataUpdates();
        said(status, checkText(answer));
        status.dataset.bodyBytes = String(answer.body_bytes);
        if (answer.passed_over.length) status.append(h('span', { class: 'hint' }, ` (passed over: ${answer.passed_over.join('; ')})`));
        if (answer.status === 'offer') {
          offer.append(h('button', { type: 'button', 'data-apply-update': '', onclick: (e) => apply(e.currentTarget) }, `Apply data pack ${answer.offered_version}`));
          offer.hidden = false;
        }
      } catch (e) {
        failed(status, e);
      }
    });
  }

  function apply(button) {
    return withBusy(button, 'Downloading and checking…', async () => {
      try {
        const result = await api.applyDataUpdate();
        offer.hidden = true;
        said(status, `Applied data pack ${result.file_name}.`);
        await hooks.applied(result);
      } catch (e) {
        failed(status, e);
      }
    });
  }

  function runAppCheck() {
    return withBusy(appCheck, 'Checking…', async () => {
      try {
        const update = await api.checkAppUpdate();
        if (!update) {
          said(appStatus, 'This is the newest Minerals Atlas.');
          return;
        }
        said(appStatus, `Minerals Atlas ${update.version} is available (this is ${update.current_version}).${update.notes ? ` ${update.notes}` : ''}`);
        appStatus.append(' ', h('button', { type: 'button', 'data-install-app': '', onclick: (e) => withBusy(e.currentTarget, 'Installing…', async () => {
          try {
            await api.installAppUpdate(update.version);
          } catch (err) {
            failed(appStatus, err);
          }
        }) }, `Install ${update.version} and restart`));
      } catch (e) {
        failed(appStatus, e);
      }
    });
  }

  check.addEventListener('click', runCheck);
  appCheck.addEventListener('click', runAppCheck);
  /** The check the user asked for at start: quiet unless a pack is on offer. */
  async function checkAtStart() {
    await runCheck();
    if (!offer.hidden && hooks.showNotice) hooks.showNotice(`${status.textContent.split(' (passed over')[0]} Open Imports to apply it.`, 20);
  }

  return {
    /** Says what is installed (from the library view), and the start-up choice. */
    show(library, checkAtStartOn) {
      installed.textContent = installedText(library.pack);
      atStart.checked = !!checkAtStartOn;
    },
    check: runCheck,
    checkAtStart,
    checkApp: runAppCheck,
  };
}
