// The hostile corpus: files a traveller might be handed, made here from
// rules (nothing is copied from anywhere). Each case is a name and its
// bytes. `node tests/hostile/corpus.mjs DIR` writes them all to DIR; the
// runner (run-corpus.mjs), the fuzz seeds (scripts/fuzz.sh) and the
// real-window drop test use the same list.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const enc = (s) => Buffer.from(s, 'utf8');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Text in other scripts, as a first line or a name. */
export const FIRST_LINES = {
  cyrillic: 'Расписание конференции',
  umlauts: 'ÄÖÜ ÄÖÜ ÄÖÜ',
  greek: 'Πρόγραμμα συνεδρίου',
  chinese: '会议日程安排表',
  emoji: '📅🗓️ Schedule 🎉',
  arabic: 'برنامج المؤتمر',
  urdu: 'کانفرنس کا شیڈول',
};

function frabXml({ date = '2026-06-01', eventDate = `${date}T10:00:00+02:00`, duration = '00:30', title = 'One', extra = '', events = null } = {}) {
  const body = events ?? `<event id="1" guid="g1"><date>${eventDate}</date><start>10:00</start><duration>${duration}</duration><title>${title}</title>${extra}</event>`;
  return `<?xml version="1.0"?>
<schedule><conference><title>Hostile</title><acronym>hostile</acronym><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day date="${date}" start="${date}T08:00:00+02:00">
<room name="A">${body}</room>
</day></schedule>
`;
}

function scheduleJson(events, { dayDate = '2026-06-01' } = {}) {
  return JSON.stringify({
    schedule: {
      version: 'hostile',
      conference: {
        acronym: 'hostile-json', title: 'Hostile JSON', time_zone_name: 'Europe/Berlin',
        days: [{ index: 1, date: dayDate, day_start: `${dayDate}T08:00:00+02:00`, rooms: { A: events } }],
      },
    },
  });
}

function jsonEvent(i, over = {}) {
  return { id: i, guid: `guid-${i}`, date: '2026-06-01T10:00:00+02:00', start: '10:00', duration: '00:30', room: 'A', title: `Talk ${i}`, persons: [], ...over };
}

function ical(lines) {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//hostile//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
}

function vevent(uid, start, more = []) {
  return ['BEGIN:VEVENT', `UID:${uid}`, `DTSTART:${start}`, 'SUMMARY:Hostile event', ...more, 'END:VEVENT'];
}

/** Folds a content line every 75 octets, as RFC 5545 says, even inside a character. */
function foldOctets(line) {
  const bytes = enc(line);
  const parts = [];
  for (let i = 0; i < bytes.length; i += 75) parts.push(bytes.subarray(i, i + 75));
  return Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from('\r\n '), p])));
}

function utf16(text, littleEndian) {
  const le = Buffer.from(text, 'utf16le');
  if (littleEndian) return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) { be[i] = le[i + 1]; be[i + 1] = le[i]; }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

/** Every case: `{ name, bytes, expect }`, `expect` being 'ok', 'error' or 'either'. */
export function hostileCases() {
  const cases = [];
  const add = (name, bytes, expect = 'either') => cases.push({ name, bytes: Buffer.isBuffer(bytes) ? bytes : enc(bytes), expect });

  // Non-ASCII first lines, alone and before each format.
  for (const [script, line] of Object.entries(FIRST_LINES)) {
    add(`first-line-${script}.txt`, `${line}\n`, 'error');
    add(`first-line-${script}-then-ical.ics`, `${line}\nBEGIN:VCALENDAR\n`, 'error');
    add(`first-line-${script}-then-xml.xml`, `${line}\n${frabXml()}`, 'error');
    add(`first-line-${script}-then-json.json`, `${line}\n${scheduleJson([jsonEvent(1)])}`, 'error');
    add(`title-${script}.xml`, frabXml({ title: line }), 'ok');
  }

  // Byte-order marks and other encodings.
  add('bom-xml.xml', Buffer.concat([BOM, enc(frabXml())]), 'ok');
  add('bom-json.json', Buffer.concat([BOM, enc(scheduleJson([jsonEvent(1)]))]), 'ok');
  add('bom-ical.ics', Buffer.concat([BOM, enc(ical(vevent('u1', '20260601T100000Z')))]), 'ok');
  add('bom-only.txt', BOM, 'error');
  add('double-bom.xml', Buffer.concat([BOM, BOM, enc(frabXml())]), 'either');
  add('utf16le-xml.xml', utf16(frabXml(), true), 'error');
  add('utf16be-ical.ics', utf16(ical(vevent('u1', '20260601T100000Z')), false), 'error');
  add('utf16le-no-bom.json', Buffer.from(scheduleJson([jsonEvent(1)]), 'utf16le'), 'error');
  add('latin1-title.xml', Buffer.concat([enc(frabXml().split('One')[0]), Buffer.from([0x43, 0x61, 0x66, 0xe9]), enc(frabXml().split('One')[1])]), 'error');
  add('nul-bytes.ics', Buffer.concat([enc('BEGIN:VCALENDAR\r\n'), Buffer.alloc(64), enc('END:VCALENDAR\r\n')]), 'either');

  // Times far from today, in every importer.
  for (const year of ['262142', '10000', '9999', '2201', '1899', '0001']) {
    add(`frab-day-year-${year}.xml`, frabXml({ date: `${year}-12-31`, eventDate: 'not-a-date' }), 'error');
    // A date RFC 3339 cannot hold falls back to the day's date and start, with a warning.
    add(`frab-date-year-${year}.xml`, frabXml({ eventDate: `${year}-12-31T23:30:00Z`, duration: '99:59' }), 'either');
    add(`json-day-year-${year}.json`, scheduleJson([jsonEvent(1, { date: null, duration: '23:59' })], { dayDate: `${year}-12-31` }), 'error');
    add(`ical-year-${year}.ics`, ical(vevent('far', `${year.padStart(4, '0').slice(-8)}1231T233000Z`, ['DURATION:P52W'])), 'error');
  }
  add('ical-date-max.ics', ical(vevent('max', '99991231', ['DTEND;VALUE=DATE:99991231'])), 'error');
  add('json-end-overflow.json', scheduleJson([jsonEvent(1, { date: '9999-12-31T23:59:59Z', duration: '99999:59' })]), 'error');
  add('schedule2-far.json', JSON.stringify({ schedule: { version: '1', conference: { acronym: 'far', title: 'Far', days: [] }, events: [{ guid: 'x', title: 'X', start: '9999-12-31T23:00:00Z', duration: 'P52W' }] } }), 'error');
  add('frab-mixed-years.xml', frabXml({ events: ['2026', '262142', '1900'].map((y, i) => `<event id="${i}" guid="g${i}"><date>${y}-06-01T10:00:00Z</date><start>10:00</start><duration>00:30</duration><title>T${i}</title></event>`).join('') }), 'ok');

  // Work that must stay linear: entities, markup, duplicate ids, names.
  add('entities-r-and-d.json', scheduleJson([jsonEvent(1, { abstract: 'R&D Q&A '.repeat(131072) })]), 'ok');
  add('entities-ampersands.json', scheduleJson([jsonEvent(1, { abstract: '&'.repeat(2 << 20) })]), 'ok');
  add('entities-unterminated.xml', frabXml({ extra: `<abstract>${'&amp;#x41'.repeat(200000)}</abstract>` }), 'ok');
  add('markup-scripts.json', scheduleJson([jsonEvent(1, { description: '<script>x'.repeat(100000) })]), 'ok');
  add('markup-open-tags.json', scheduleJson([jsonEvent(1, { description: '<'.repeat(1 << 20) })]), 'ok');
  add('duplicate-guids.json', scheduleJson(Array.from({ length: 20000 }, (_, i) => jsonEvent(i, { guid: 'same' }))), 'ok');
  add('non-ascii-speakers.json', scheduleJson(Array.from({ length: 15000 }, (_, i) => jsonEvent(i, { persons: [{ public_name: `Дмитрий ${String.fromCodePoint(0x4e00 + i)}` }] }))), 'ok');

  // iCalendar folded inside a multi-byte character (RFC 5545 folds octets).
  add('ical-folded-mid-character.ics', Buffer.concat([
    enc('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:fold\r\nDTSTART:20260601T100000Z\r\n'),
    foldOctets(`SUMMARY:${'é'.repeat(40)}${'会'.repeat(30)}`),
    enc('\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'),
  ]), 'ok');

  // Structure.
  add('json-deep-nesting.json', '['.repeat(100000), 'error');
  add('xml-deep-nesting.xml', `<schedule>${'<a>'.repeat(10000)}`, 'error');
  add('xml-dtd.xml', `<?xml version="1.0"?>\n<!DOCTYPE schedule [<!ENTITY x "y">]>\n<schedule/>`, 'error');
  add('ical-nested.ics', ['BEGIN:VCALENDAR', ...Array.from({ length: 12 }, () => 'BEGIN:VEVENT'), 'END:VCALENDAR'].join('\r\n'), 'error');
  add('ical-unclosed.ics', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260601T100000Z\r\n', 'error');
  add('json-wrong-types.json', JSON.stringify({ schedule: { conference: { title: 5, days: [{ rooms: { A: [{ title: [], date: {}, guid: null }] } }] } } }), 'error');
  add('schedule2-flat.json', JSON.stringify({ schedule: { version: '1', conference: { acronym: 'hub', title: 'Hub', time_zone_name: 'Europe/Berlin', days: [], rooms: [{ name: 'Saal 1', guid: 'r1' }] }, events: [{ guid: 'e1', title: 'Talk', start: '2026-12-27T11:00:00+01:00', end: '2026-12-27T12:00:00+01:00', room: { guid: 'r1' } }] } }), 'ok');
  add('empty.txt', '', 'error');
  add('whitespace.txt', ' \r\n\t\n', 'error');
  add('cr-only.ics', ical(vevent('cr', '20260601T100000Z')).replaceAll('\r\n', '\r'), 'either');
  add('one-long-line.txt', 'a'.repeat(8 << 20), 'error');
  add('control-characters.xml', frabXml({ title: 'a\u0001\u0002\u001b[31mred' }), 'either');
  add('pack-future-schema.json', JSON.stringify({ schema_version: 999, dataset_version: 'x' }), 'error');
  add('pack-wrong-shape.json', JSON.stringify({ schema_version: 1, dataset_version: 'x', sessions: 'none' }), 'error');

  // Truncations of a valid file at seven places.
  const whole = enc(scheduleJson(Array.from({ length: 40 }, (_, i) => jsonEvent(i, { abstract: `Résumé ${FIRST_LINES.chinese} ${i}` }))));
  for (let k = 1; k < 8; k++) add(`truncated-${k}of8.json`, whole.subarray(0, Math.floor((whole.length * k) / 8)), 'either');
  return cases;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node tests/hostile/corpus.mjs DIR');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  for (const c of hostileCases()) writeFileSync(path.join(dir, c.name), c.bytes);
  console.log(`${hostileCases().length} hostile files written to ${dir}`);
}
