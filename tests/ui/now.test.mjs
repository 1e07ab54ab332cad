import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nowAndNext } from '../../ui/js/timeline/now.js';

const events = [
  { id: 'cmm', short_title: 'Ministerial 2026', start: '2026-02-03', end: '2026-02-04', time_zone: 'America/New_York' },
  { id: 'pmif', short_title: 'PMIF 2026', start: '2026-04-08', end: '2026-04-09', time_zone: 'Asia/Karachi' },
];
const items = [
  { title: 'Opening remarks', start: Date.parse('2026-02-04T14:00:00Z') },
  { title: 'Signings', start: Date.parse('2026-02-04T20:00:00Z') },
];

test('during an event: now and the next items', () => {
  const r = nowAndNext(events, items, Date.parse('2026-02-04T13:00:00Z'));
  assert.equal(r.state, 'during');
  assert.match(r.text, /Now: Ministerial 2026, 2026-02-04\. Next: Opening remarks; Signings\./);
});

test('the event day is the event zone\'s day', () => {
  // 03:00 UTC on 5 Feb is still 4 Feb in Washington.
  assert.equal(nowAndNext(events, items, Date.parse('2026-02-05T03:00:00Z')).state, 'during');
  // 20:00 UTC on 7 Apr is already 8 Apr in Islamabad.
  assert.equal(nowAndNext(events, items, Date.parse('2026-04-07T20:00:00Z')).state, 'during');
});

test('before, between and after', () => {
  assert.match(nowAndNext(events, items, Date.parse('2026-01-01T00:00:00Z')).text, /Ministerial 2026 starts in 33 days/);
  assert.equal(nowAndNext(events, items, Date.parse('2026-03-01T00:00:00Z')).state, 'between');
  const after = nowAndNext(events, items, Date.parse('2026-11-27T00:00:00Z'));
  assert.equal(after.state, 'after');
  assert.match(after.text, /PMIF 2026, ended 8 months ago \(2026-04-09\)/);
});

test('dates are ISO whatever the engine\'s locale formats', async () => {
  const { zonedDate } = await import('../../ui/js/timeline/now.js');
  assert.equal(zonedDate(Date.parse('2026-02-05T03:00:00Z'), 'America/New_York'), '2026-02-04');
  assert.equal(zonedDate(Date.parse('2026-04-07T20:00:00Z'), 'Asia/Karachi'), '2026-04-08');
});
