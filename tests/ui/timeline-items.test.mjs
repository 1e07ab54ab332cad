import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timelineItems, timelinePresets } from '../../ui/js/timeline/items.js';

const zoned = (local, date, clock = '00:00') => ({ local, date, clock, abbreviation: 'EST' });
const span = (date, start, end) => ({ date, start_utc: start, end_utc: end });

const events = [
  { id: 'main', title: 'Main meeting', short_title: 'Main', time_zone: 'America/New_York', primary: true, imported: false, session_count: 2,
    span: span('2026-02-03', '2026-02-03T05:00:00Z', '2026-02-05T05:00:00Z'),
    day_spans: [span('2026-02-03', '2026-02-03T05:00:00Z', '2026-02-04T05:00:00Z'), span('2026-02-04', '2026-02-04T05:00:00Z', '2026-02-05T05:00:00Z')] },
  { id: 'briefing', title: 'A briefing', short_title: 'Briefing', time_zone: 'America/New_York', primary: false, imported: false, session_count: 0,
    span: span('2026-02-12', '2026-02-12T05:00:00Z', '2026-02-13T05:00:00Z'), day_spans: [] },
  { id: 'forum', title: 'Forum', short_title: 'Forum', time_zone: 'Asia/Karachi', primary: false, imported: false, session_count: 3,
    span: span('2026-04-08', '2026-04-07T19:00:00Z', '2026-04-09T19:00:00Z'), day_spans: [] },
  { id: 'conf', title: 'Some conference', short_title: 'Conf', time_zone: 'Europe/Berlin', primary: false, imported: true, session_count: 9,
    span: span('2019-08-21', '2019-08-20T22:00:00Z', '2019-08-25T22:00:00Z'), day_spans: [] },
];

test('presets come from the events: spans in each event\'s own zone, days of the primary event, imported last', () => {
  const presets = timelinePresets(events);
  assert.deepEqual(presets.map((p) => p.id), ['event:main', '2026-02-03', '2026-02-04', 'event:forum', 'event:conf']);
  const forum = presets.find((p) => p.id === 'event:forum');
  // An Islamabad event starts at Islamabad's midnight, not Washington's.
  assert.equal(new Date(forum.start).toISOString(), '2026-04-07T19:00:00.000Z');
  assert.equal(forum.end - forum.start, 2 * 86400e3);
  assert.equal(presets.find((p) => p.id === '2026-02-04').label, '4 February');
  assert.deepEqual(presets.filter((p) => p.imported).map((p) => p.label), ['Conf']);
});

test('items: sessions by event with their imported flag, entries drawn to the end the backend gives', () => {
  const session = { id: 's1', title: 'Opening', kind: 'plenary', status: 'scheduled', status_as_of: '2026-12-03', time_precision: 'exact',
    local_start: zoned('2026-02-04T09:00:00-05:00', '2026-02-04', '09:00'), local_end: zoned('2026-02-04T10:00:00-05:00', '2026-02-04', '10:00'),
    countries: ['USA'], event: 'main' };
  const importedTalk = { ...session, id: 'imp-conf--1', event: 'conf', status_as_of: null, status: 'confirmed' };
  const entry = { id: 'e1', title: 'Signed', kind: 'signing', status: 'confirmed', status_as_of: null, time_precision: 'day', sessions: [],
    local_start: zoned('2026-02-20T00:00:00-05:00', '2026-02-20'), local_end: zoned('2026-02-21T00:00:00-05:00', '2026-02-21'), countries: ['IND'] };
  const withSessions = { ...entry, id: 'e2', sessions: ['s1'] };
  const items = timelineItems([[session], [importedTalk]], [entry, withSessions], events);
  assert.deepEqual(items.map((i) => i.key), ['session:s1', 'session:imp-conf--1', 'entry:e1']);
  assert.equal(items[0].status, 'past', 'a scheduled session whose date has passed');
  assert.equal(items[0].imported, false);
  assert.equal(items[1].imported, true, 'imported because its event is, whatever its id');
  assert.equal(items[2].end - items[2].start, 86400e3, 'a day entry spans its day');
  assert.equal(items[0].when, '2026-02-04 09:00 EST');
});
