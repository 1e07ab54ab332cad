// Real window: "Brief (PDF)" on Pakistan's and the DRC's panels writes a PDF
// through the save dialog's stand-in; poppler's pdftotext (independent of the
// app) reads it back against what the app's own IPC says of the country, and
// pdftoppm renders page 1 to a PNG kept with the screenshots.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { saveScreenshot, SCREENSHOT_DIR, withApp } from './app.mjs';

const PDF = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-brief-')), 'brief.pdf');
let session;

withApp({ env: { MINERALS_ATLAS_SAVE_PATH: PDF, MINERALS_ATLAS_NOW: '2026-12-03T09:00:00Z' }, port: 4730 }, async (s) => {
  session = s;
});

function poppler(tool, args) {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`${tool} (poppler-utils) reads the brief back; run scripts/setup.sh test (${e.message})`);
  }
}

/** Text in drawing order, white space removed: a wrapped cell or URL reads back whole. */
const squeeze = (s) => s.replace(/\s+/g, '');

async function writeBrief(iso3, paper) {
  rmSync(PDF, { force: true });
  await session.click(await session.find(`.country-list [data-iso3="${iso3}"]`));
  await session.waitForSelector(`[data-panel="country"][data-iso3="${iso3}"]`);
  const select = await session.find('[data-panel="country"] .brief-paper');
  const initial = await session.execute('return document.querySelector(\'[data-panel="country"] .brief-paper\').value;');
  assert.ok(['a4', 'letter'].includes(initial), `the paper starts from the system's language: ${initial}`);
  if (paper && paper !== initial) {
    await session.execute(`const s = document.querySelector('[data-panel="country"] .brief-paper'); s.value = '${paper}'; s.dispatchEvent(new Event('change'));`);
  }
  const chosen = paper || initial;
  assert.ok(select);
  // The previous brief's notice may still show: hide it, so the wait is for this one.
  await session.execute("document.getElementById('notice-banner').hidden = true;");
  await session.click(await session.find('[data-panel="country"] [data-brief]'));
  await session.waitFor('the saved notice', "const b = document.getElementById('notice-banner'); return !b.hidden && b.textContent.includes('Saved the brief as PDF');", [], 20000);
  assert.ok(existsSync(PDF) && statSync(PDF).size > 5000, 'the PDF is written where the dialog said');
  const detail = await session.executeAsync(`const done = arguments[arguments.length - 1];
    window.__TAURI__.core.invoke('get_country', { iso3: '${iso3}' }).then(done, (e) => done(String(e)));`);
  const zone = await session.execute("return document.getElementById('zone-picker').value;");
  return { detail, zone, paper: chosen };
}

function checkAgainst({ detail, zone, paper }) {
  const raw = poppler('pdftotext', ['-raw', PDF, '-']);
  const text = squeeze(raw);
  assert.ok(text.includes(squeeze(detail.country.name)), 'the country');
  assert.ok(text.includes(squeeze(`Times in ${zone}`)), `the zone chosen in the window (${zone})`);
  for (const p of detail.participation) {
    if (p.head_of_delegation) assert.ok(text.includes(squeeze(p.head_of_delegation.name)), p.head_of_delegation.name);
  }
  for (const a of detail.agreements) assert.ok(text.includes(squeeze(a.title)), a.title);
  for (const s of detail.minerals.stats) assert.ok(text.includes(squeeze(s.value.text)), `${s.mineral_name}: ${s.value.text}`);
  const urls = new Set(detail.sources.map((c) => c.url));
  for (const url of urls) assert.ok(text.includes(url), `source URL ${url}`);
  const info = poppler('pdfinfo', [PDF]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  assert.ok(pages >= 1 && pages <= 3, `${detail.country.iso3}: ${pages} pages`);
  assert.match(info, paper === 'letter' ? /\(letter\)/ : /\(A4\)/, `printed on ${paper}`);
  return raw;
}

function keepPageOne(name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const prefix = path.join(SCREENSHOT_DIR, name);
  poppler('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', PDF, prefix]);
  assert.ok(existsSync(`${prefix}.png`), 'page 1 rendered');
}

test("Pakistan's brief: written through the dialog, read back against the panel's data", async () => {
  const written = await writeBrief('PAK');
  const raw = checkAgainst(written);
  assert.match(raw, /Ali Pervaiz Malik/);
  assert.match(raw, /Talc and pyrophyllite/);
  keepPageOne('brief-pakistan-page1');
  await saveScreenshot(session, 'brief-button-pakistan');
});

test("the DRC's brief on Letter, accents intact", async () => {
  const written = await writeBrief('COD', 'letter');
  const raw = checkAgainst(written);
  for (const name of ['Félix Tshisekedi', 'Gécamines']) assert.ok(raw.includes(name), `${name} with its accents`);
  keepPageOne('brief-drc-page1');
});

test('the button says it is working and cannot be pressed twice', async () => {
  const state = await session.executeAsync(`const done = arguments[arguments.length - 1];
    const b = document.querySelector('[data-panel="country"] [data-brief]');
    b.click();
    const during = { disabled: b.disabled, busy: b.getAttribute('aria-busy'), text: b.textContent };
    b.click();
    const wait = () => (b.disabled ? setTimeout(wait, 20) : done({ during, after: b.textContent }));
    wait();`);
  assert.equal(state.during.disabled, true);
  assert.equal(state.during.busy, 'true');
  assert.match(state.during.text, /Writing/);
  assert.equal(state.after, 'Brief (PDF)');
});
