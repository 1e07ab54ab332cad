// Real window: the timeline from the arc to 4 February, the opening remarks
// in two zones, a country from a session, search, stars that survive a
// restart, and an .ics export read back by an independent parser.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Keys } from './webdriver.mjs';
import { saveScreenshot, SCREENSHOT_DIR, withApp } from './app.mjs';

const exportDir = mkdtempSync(path.join(tmpdir(), 'atlas-ics-'));
const ICS = path.join(exportDir, 'agenda.ics');
let driver;
let session;

withApp({ env: { MINERALS_ATLAS_SAVE_PATH: ICS, MINERALS_ATLAS_NOW: '2026-12-03T09:00:00Z' }, port: 4464 }, async (s, d) => {
  session = s;
  driver = d;
});
after(() => console.log(`screenshots: ${SCREENSHOT_DIR}`));

const waitZoomed = () => session.waitFor('the zoom to finish', "return !document.querySelector('.tl-canvas').dataset.zooming;");
const settled = () => session.executeAsync('const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));');
const spanHours = () => session.execute("return Number(document.querySelector('.tl-canvas').dataset.spanHours);");

test('the schedule is a day list first: days in order, the untimed before the timed', async () => {
  await session.click(await session.find('[role="tab"][data-view="timeline"]'));
  await session.waitForSelector('#day-list .day');
  const days = await session.execute(`return [...document.querySelectorAll('#day-list .day')].map((d) => ({
    day: d.dataset.day, heading: d.querySelector('.day-heading').textContent,
    sub: (d.querySelector('.day-sub') || {}).textContent || '',
    times: [...d.querySelectorAll('.day-time')].map((t) => t.textContent) }));`);
  const sorted = [...days].map((d) => d.day).sort();
  assert.deepEqual(days.map((d) => d.day), sorted, 'days in order');
  const feb4 = days.find((d) => d.day === '2026-02-04');
  assert.equal(feb4.heading, 'Wednesday 4 February 2026');
  assert.match(feb4.sub, /time not published/);
  const firstTimed = feb4.times.findIndex((t) => t !== 'All day');
  assert.ok(firstTimed > 0, 'the day-only items come first');
  assert.ok(feb4.times.slice(firstTimed).every((t) => /^\d\d:\d\d /.test(t)), `then the timed: ${feb4.times}`);
  assert.ok(days.some((d) => d.day === '2026-04-08'), 'PMIF 2026 has its day');
  assert.equal(await session.execute("return document.getElementById('timeline').hidden;"), true, 'the axis waits for its button');
  // An item opens its panel and is marked in the list.
  await session.click(await session.find('#day-list .day-open[data-session-id="cmm-0204-opening"]'));
  await session.waitForSelector('[data-panel="session"][data-session-id="cmm-0204-opening"]');
  assert.equal(await session.execute("return document.querySelector('#day-list .day-open[data-session-id=\"cmm-0204-opening\"]').getAttribute('aria-current');"), 'true');
  await saveScreenshot(session, 'timeline-day-list');
  await session.pressKeys(Keys.Escape);
  // The axis is a second view, and the hash keeps the choice.
  await session.click(await session.find('[data-schedule="axis"]'));
  await session.waitFor('the axis in the hash', "return location.hash === '#/timeline/axis';");
});

test('the timeline zooms from the whole arc to 4 February', async () => {
  await session.waitForSelector('.tl-item[data-session-id="cmm-0204-opening"]');
  assert.ok(await spanHours() > 24 * 300, 'starts on the whole arc');
  const kinds = await session.execute("return [...new Set([...document.querySelectorAll('.tl-item')].map(e => e.dataset.kind))];");
  assert.ok(kinds.includes('signing') && kinds.includes('forum'), `kinds: ${kinds}`);
  const entries = await session.execute("return document.querySelectorAll('.tl-item[data-timeline-id]').length;");
  assert.ok(entries > 10, 'timeline entries without sessions are drawn');
  // An item too narrow for its label at this scale shows it while focused.
  const label = await session.execute(`const el = document.querySelector('.tl-item.narrow');
    if (!el) return null;
    const before = getComputedStyle(el.querySelector('.tl-label')).visibility;
    el.focus();
    const after = getComputedStyle(el.querySelector('.tl-label')).visibility;
    el.blur();
    return [before, after];`);
  assert.deepEqual(label, ['hidden', 'visible'], 'a narrow item at the whole arc, its label shown on focus');
  const nowLine = await session.text(await session.find('#now-line'));
  assert.match(nowLine, /PMIF 2026/);
  await saveScreenshot(session, 'timeline-arc-light');
  await session.click(await session.find('[data-timeline-zoom="2026-02-04"]'));
  await waitZoomed();
  const hours = await spanHours();
  assert.ok(hours >= 22 && hours <= 26, `one day is shown (${hours} h)`);
  const ticks = await session.execute("return [...document.querySelectorAll('.tl-tick span')].map(s => s.textContent);");
  assert.ok(ticks.filter((t) => /^\d\d:00$/.test(t)).length >= 3, `hour ticks: ${ticks}`);
  const opening = await session.find('.tl-item[data-session-id="cmm-0204-opening"]');
  const rect = await session.execute("const r = document.querySelector('.tl-item[data-session-id=\"cmm-0204-opening\"]').getBoundingClientRect(); return [r.left, r.width];");
  assert.ok(rect[1] > 20, 'the one-hour session is wide enough to click at this scale');
  await session.click(opening);
  await session.waitForSelector('[data-panel="session"][data-session-id="cmm-0204-opening"]');
});

// Tick labels as drawn, left to right: [left, right, text].
const tickLabels = () => session.execute(`return [...document.querySelectorAll('.tl-tick span')]
  .map((s) => { const r = s.getBoundingClientRect(); return [r.left, r.right, s.textContent]; }).sort((a, b) => a[0] - b[0]);`);
const overlapping = (labels) => labels.filter((l, i) => i > 0 && l[0] < labels[i - 1][1]).map((l) => l[2]);

test('the axis makes room for a panel: nothing under it, the same day shown, no label over another', async () => {
  await session.waitFor('the axis beside the panel', `const panel = document.getElementById('panel-area').getBoundingClientRect();
    return document.querySelector('.tl-canvas').getBoundingClientRect().right <= panel.left + 1;`);
  // The axis is drawn again for its new width in the frame after its resize.
  await settled();
  // (An item running on past the axis's right edge is clipped there, before the panel.)
  const seen = await session.execute(`const panel = document.getElementById('panel-area').getBoundingClientRect();
    const items = [...document.querySelectorAll('.tl-item:not([hidden])')].map((e) => e.getBoundingClientRect());
    return { under: items.filter((r) => r.width > 0 && r.left >= panel.left - 1).length, shown: items.length };`);
  assert.ok(seen.shown > 3, `items on 4 February: ${seen.shown}`);
  assert.equal(seen.under, 0, 'no item is drawn under the panel');
  const hours = await spanHours();
  assert.ok(hours >= 22 && hours <= 26, `the narrower axis still shows one day (${hours} h)`);
  const opening = await session.execute(`const c = document.querySelector('.tl-canvas').getBoundingClientRect();
    const el = document.querySelector('.tl-item[data-session-id="cmm-0204-opening"]');
    const r = el && !el.hidden ? el.getBoundingClientRect() : null;
    return r ? r.left >= c.left && r.right <= c.right : false;`);
  assert.ok(opening, 'the same day: the opening remarks are still in view');
  // The whole arc in the narrower axis: months closer than their labels keep their lines, not their labels.
  await session.click(await session.find('[data-timeline-zoom="arc"]'));
  await waitZoomed();
  const arc = await tickLabels();
  assert.ok(arc.length >= 4, `month labels: ${arc.map((l) => l[2])}`);
  assert.deepEqual(overlapping(arc), [], `labels drawn over another: ${arc.map((l) => l[2])}`);
  assert.ok(await session.execute("return document.querySelectorAll('.tl-tick').length;") > arc.length, 'some months are unlabelled lines');
  await session.click(await session.find('[data-timeline-zoom="2026-02-04"]'));
  await waitZoomed();
  // Closed, the panel gives the axis its width back.
  await session.execute("document.querySelector('#panel .close').click();");
  await session.waitFor('the axis at full width', "return document.querySelector('.tl-canvas').getBoundingClientRect().right > document.getElementById('view-timeline').getBoundingClientRect().right - 30;");
  await settled();
  assert.deepEqual(overlapping(await tickLabels()), []);
  await session.click(await session.find('.tl-item[data-session-id="cmm-0204-opening"]'));
  await session.waitForSelector('[data-panel="session"][data-session-id="cmm-0204-opening"]');
});

async function typeZone(name) {
  await session.click(await session.find('#zone-picker'));
  await session.click(await session.find('#zone-picker option[value="__other"]'));
  const input = await session.waitForSelector('input.zone-input');
  await session.sendKeys(input, `${name}${Keys.Enter}`);
}

test('any IANA zone by name or by city; a wrong one is refused clearly', async () => {
  await typeZone('Brussels');
  await session.waitFor('Brussels time', "const t = document.querySelector('[data-panel=\"session\"] .time-viewer'); return t && t.textContent.includes('15:00 CET');");
  await typeZone('Mars/Olympus_Mons');
  await session.waitFor('the error', "const b = document.getElementById('error-banner'); return !b.hidden && b.textContent.includes('unknown time zone');");
  // Centred on the window, the message runs under the panel's column: it is stacked over it.
  const [bannerZ, panelZ] = await session.execute("return ['error-banner', 'panel-area'].map((id) => Number(getComputedStyle(document.getElementById(id)).zIndex) || 0);");
  assert.ok(bannerZ > panelZ, `the error over the panel (z-index ${bannerZ} against ${panelZ})`);
  assert.equal(await session.execute("return document.getElementById('zone-picker').value;"), 'Europe/Brussels', 'the last good zone stays');
});

test('the opening remarks: 09:00 in Washington, 19:00 in Islamabad', async () => {
  await session.click(await session.find('#zone-picker'));
  await session.click(await session.find('#zone-picker option[value="Asia/Karachi"]'));
  await session.waitFor('Islamabad time', "const t = document.querySelector('[data-panel=\"session\"] .time-viewer'); return t && t.textContent.includes('19:00');");
  const local = await session.text(await session.find('[data-panel="session"] .time-local'));
  const viewer = await session.text(await session.find('[data-panel="session"] .time-viewer'));
  assert.match(local, /09:00 EST/);
  assert.match(viewer, /19:00 PKT/);
  assert.doesNotMatch(viewer, /day\)/, 'same calendar day');
  const speakers = await session.text(await session.find('[data-panel="session"] .speakers'));
  assert.match(speakers, /Horii Iwao/);
  // The map marks the session's countries (in the frame after the panel's).
  await session.waitFor('the map marks', "return document.querySelectorAll('path.country[data-highlighted]').length > 0;");
  const marked = await session.execute("return [...document.querySelectorAll('path.country[data-highlighted]')].map(p => p.dataset.iso3).sort();");
  assert.deepEqual(marked, ['JPN', 'USA']);
  await saveScreenshot(session, 'timeline-4feb-session-light');
});

test('a country in the session opens its panel and is marked on the timeline', async () => {
  await session.click(await session.find('[data-panel="session"] .chip[data-iso3="JPN"]'));
  const panel = await session.waitForSelector('[data-panel="country"][data-iso3="JPN"]');
  assert.match(await session.text(panel), /Horii Iwao/);
  await session.waitFor('Japan\'s items highlighted on the timeline', "return document.querySelectorAll('.tl-item[data-highlighted]').length >= 1;");
});

test('arrow keys move between timeline items and Enter opens one', async () => {
  await session.execute("document.querySelector('.tl-item[data-session-id=\"cmm-0204-opening\"]').focus();");
  await session.pressKeys(Keys.ArrowRight);
  const next = await session.execute('return document.activeElement.dataset.sessionId || document.activeElement.dataset.timelineId;');
  assert.ok(next && next !== 'cmm-0204-opening', `focus moved to ${next}`);
  await session.pressKeys(Keys.Enter);
  await session.waitFor('a panel for the focused item', `const p = document.querySelector('[data-panel="session"], [data-panel="timeline"]'); return p && (p.dataset.sessionId === '${next}' || p.dataset.timelineId === '${next}');`);
  await session.pressKeys(Keys.Escape);
  await session.waitFor('the panel to close', "return !document.querySelector('[data-panel]');");
});

test('no panel prints a stray "null"; an entry names its sessions by title', async () => {
  const entries = await session.executeAsync("const done = arguments[arguments.length - 1]; window.__TAURI__.core.invoke('get_timeline', { from: null, to: null }).then((t) => done(t.map((e) => ({ id: e.id, sessions: e.sessions }))), (e) => done(String(e)));");
  assert.ok(Array.isArray(entries) && entries.length > 10, `the timeline's entries: ${entries}`);
  let withSessions = 0;
  for (const e of entries) {
    await session.execute('location.hash = arguments[0];', [`#/timeline/axis/entry/${e.id}`]);
    await session.waitFor(`entry ${e.id}`, 'return document.querySelector(\'[data-panel="timeline"]\') && document.getElementById("panel").dataset.timelineId === arguments[0];', [e.id]);
    const text = await session.execute("return document.getElementById('panel').textContent;");
    assert.doesNotMatch(text, /\bnull\b|\bundefined\b/, `entry ${e.id}`);
    if (e.sessions.length) {
      withSessions += 1;
      const labels = await session.execute("return [...document.querySelectorAll('#panel [data-session-id]')].map((b) => [b.dataset.sessionId, b.textContent]);");
      assert.equal(labels.length, e.sessions.length);
      for (const [id, label] of labels) assert.notEqual(label, id, `session ${id} is named by its title`);
    }
  }
  assert.ok(withSessions > 0, 'some entry lists sessions');
  await session.pressKeys(Keys.Escape);
});

test('the axis is drawn in the "Times in" zone; its preset and its zoom are kept in the hash', async () => {
  // "Times in" is Islamabad since the test before last.
  await session.execute("location.hash = '#/timeline/axis';");
  await session.waitForSelector('[data-timeline-zoom="event:pmif-2026"]');
  assert.match(await session.execute("return document.querySelector('.tl-canvas').getAttribute('aria-label');"), /Asia\/Karachi/);
  await session.click(await session.find('[data-timeline-zoom="event:pmif-2026"]'));
  await session.waitFor('the preset pressed', "return document.querySelector('[data-timeline-zoom=\"event:pmif-2026\"]').getAttribute('aria-pressed') === 'true';");
  await waitZoomed();
  assert.equal(await session.execute('return location.hash;'), '#/timeline/axis/preset/event%3Apmif-2026');
  const first = await session.execute(`return [...document.querySelectorAll('.tl-tick')]
    .map((t) => ({ left: parseFloat(t.style.left), label: t.textContent })).filter((t) => t.left >= -2).sort((a, b) => a.left - b.left)[0];`);
  // Before, the axis was always Washington's: the Islamabad forum began at 18:00 on 7 April.
  assert.equal(first.label, '8 Apr', `the first tick: ${JSON.stringify(first)}`);
  assert.ok(first.left < 3, `PMIF 2026 begins at the left edge, at midnight in Islamabad (${first.left} px)`);
  await saveScreenshot(session, 'timeline-axis-pmif-2026-islamabad');
  // A zoom replaces the preset with the span shown.
  await session.click(await session.find('#tl-in'));
  await session.waitFor('the span in the hash', "return /^#\\/timeline\\/axis\\/span\\/\\d{8}T\\d{4}-\\d{8}T\\d{4}$/.test(location.hash);");
  assert.equal(await session.execute("return document.querySelector('[data-timeline-zoom=\"event:pmif-2026\"]').getAttribute('aria-pressed');"), 'false');
  // The hash is the state: a span written there is what the axis shows.
  await session.execute("location.hash = '#/timeline/axis/span/20260203T0000-20260206T0000';");
  await session.waitFor('three days shown', "return Number(document.querySelector('.tl-canvas').dataset.spanHours) === 72;");
  await waitZoomed();
  assert.equal(await session.execute('return location.hash;'), '#/timeline/axis/span/20260203T0000-20260206T0000', 'the span shown is the one asked for');
  // A preset clicked while another still animates: the hash keeps the second preset, not an in-between span.
  await session.execute(`document.querySelector('[data-timeline-zoom="arc"]').click();
    setTimeout(() => document.querySelector('[data-timeline-zoom="event:pmif-2026"]').click(), 150);`);
  await session.waitFor('the second preset pressed', "return document.querySelector('[data-timeline-zoom=\"event:pmif-2026\"]').getAttribute('aria-pressed') === 'true';");
  await waitZoomed();
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await session.execute('return location.hash;'), '#/timeline/axis/preset/event%3Apmif-2026', 'an interrupted animation leaves no span behind');
});

test('search "tshisekedi" finds Félix Tshisekedi and opens the DRC', async () => {
  await session.execute('document.body.focus();');
  await session.pressKeys('/');
  await session.waitFor('the search box to have focus', "return document.activeElement === document.querySelector('input[data-search]');");
  await session.pressKeys(...'tshisekedi');
  await session.waitForSelector('[data-search-result]');
  const first = await session.text(await session.find('[data-search-result]'));
  assert.match(first, /Félix Tshisekedi/);
  await session.pressKeys(Keys.Enter);
  const panel = await session.waitForSelector('[data-panel="country"][data-iso3="COD"]');
  assert.match(await session.text(panel), /Félix Tshisekedi/);
  assert.equal(await session.execute("return document.querySelector('input[data-search]').value;"), '', 'the box is cleared after a pick');
});

test('a country in the results names its kind once', async () => {
  const input = await session.find('input[data-search]');
  await session.click(input);
  await session.sendKeys(input, 'pakistan');
  await session.waitForSelector('[data-search-result="country"]');
  const line = await session.text(await session.find('[data-search-result="country"] .result-kind'));
  assert.match(line, /^Country · Islamabad$/, `not "Country · Country · …": ${line}`);
  await session.pressKeys(Keys.Escape);
  await session.execute("const i = document.querySelector('input[data-search]'); i.value = ''; i.dispatchEvent(new Event('input')); i.blur();");
});

async function star(sessionId) {
  await session.execute(`location.hash = '#/timeline/axis/session/${sessionId}';`);
  await session.waitForSelector(`[data-panel="session"][data-session-id="${sessionId}"]`);
  await session.click(await session.find('[data-panel="session"] button[data-star]'));
  await session.waitFor('the star', "return document.querySelector('[data-panel=\"session\"] button[data-star]').getAttribute('aria-pressed') === 'true';");
}

test('two starred sessions survive a restart, and the agenda exports to .ics', async () => {
  await star('cmm-0204-signings');
  await star('cmm-0204-opening');
  const note = await session.find('[data-panel="session"] textarea[data-note-for="session:cmm-0204-opening"]');
  await session.sendKeys(note, 'Ask Horii about the FORGE chair');
  await session.click(await session.find('[data-panel="session"] .note-actions button'));
  await session.waitFor('the note saved', "return document.querySelector('[data-panel=\"session\"] .note-status').textContent === 'Saved';");
  await session.delete();
  session = await driver.open();
  await session.execute("location.hash = '#/agenda';");
  await session.waitForSelector('.agenda-item[data-agenda-id="cmm-0204-signings"]');
  const ids = await session.execute("return [...document.querySelectorAll('.agenda-item')].map(e => e.dataset.agendaId);");
  assert.deepEqual(ids, ['cmm-0204-signings', 'cmm-0204-opening'], 'both, in time order (the day-only signing starts at midnight)');
  const noteShown = await session.text(await session.find('.agenda-item[data-agenda-id="cmm-0204-opening"] .agenda-note'));
  assert.match(noteShown, /Ask Horii about the FORGE chair/, 'the note survived the restart');
  // A day list: both under Wednesday 4 February; the opening's end time; the
  // day-only signing named as a same-day item whose clash cannot be checked.
  const days = await session.execute("return [...document.querySelectorAll('.agenda-day')].map((e) => e.textContent);");
  assert.deepEqual(days, ['Wednesday 4 February 2026']);
  const openingWhen = await session.text(await session.find('.agenda-item[data-agenda-id="cmm-0204-opening"] .agenda-when'));
  assert.match(openingWhen, /^19:00 PKT \(end not published\) · event time 09:00 EST$/, openingWhen);
  const hint = await session.text(await session.find('.agenda-item[data-agenda-id="cmm-0204-opening"] .same-day'));
  assert.match(hint, /Same day as .*sign.*clash cannot be checked/i, hint);
  // The zone chosen before the restart is remembered too.
  assert.equal(await session.execute("return document.getElementById('zone-picker').value;"), 'Asia/Karachi');
  await saveScreenshot(session, 'agenda-light');
  // An item opened from the agenda: the agenda makes room, and its
  // right-hand controls (the export) stay in sight beside the panel.
  await session.click(await session.find('.agenda-item[data-agenda-id="cmm-0204-opening"] .agenda-open'));
  await session.waitForSelector('[data-panel="session"][data-session-id="cmm-0204-opening"]');
  await session.waitFor('the agenda beside the panel', `const panel = document.getElementById('panel-area').getBoundingClientRect();
    return document.getElementById('view-agenda').getBoundingClientRect().right <= panel.left + 1;`);
  const exportSeen = await session.execute(`const r = document.querySelector('[data-export-ics]').getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === document.querySelector('[data-export-ics]');`);
  assert.ok(exportSeen, 'the export button is not under the panel');
  await session.click(await session.find('#panel .close'));
  await session.waitFor('the panel closed', "return document.getElementById('panel-area').hidden;");

  await session.click(await session.find('[data-export-ics]'));
  await session.waitFor('the export notice', "return !document.getElementById('notice-banner').hidden;");
  assert.ok(existsSync(ICS), 'the file was written');
  // The system Python, which apt's python3-icalendar serves (scripts/setup.sh).
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const parsed = spawnSync(python, ['-c', `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for e in cal.walk('VEVENT'):
    s = e.decoded('DTSTART'); end = e.decoded('DTEND')
    out.append({'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'start': s.isoformat(), 'end': end.isoformat(),
                'tz': str(getattr(s, 'tzinfo', None)), 'description': str(e['DESCRIPTION'])})
print(json.dumps(out))
`, ICS], { encoding: 'utf8' });
  assert.equal(parsed.status, 0, parsed.stderr);
  const events = JSON.parse(parsed.stdout);
  assert.equal(events.length, 2);
  const opening = events.find((e) => e.uid === 'cmm-0204-opening@minerals-atlas');
  assert.equal(opening.start, '2026-02-04T14:00:00+00:00', '09:00 in Washington is 14:00 UTC');
  assert.equal(opening.end, '2026-02-04T15:00:00+00:00');
  assert.match(opening.summary, /Opening remarks/);
  assert.match(opening.description, /https:\/\//, 'sources travel with the event');
  assert.match(opening.description, /^Your note: Ask Horii about the FORGE chair/, 'the note travels with the event');
  // The notice is a toast: it goes by itself.
  await session.execute('document.activeElement && document.activeElement.blur();');
  await session.waitFor('the toast to go', "return document.getElementById('notice-banner').hidden;", [], 20000);
  const signings = events.find((e) => e.uid === 'cmm-0204-signings@minerals-atlas');
  assert.equal(signings.start, '2026-02-04', 'a day-only session is an all-day event');
  assert.equal(signings.end, '2026-02-05');
  assert.match(readFileSync(ICS, 'utf8'), /\r\n/, 'CRLF line ends');
});
