import test from 'node:test';
import assert from 'node:assert/strict';
import { zoneFromInput } from '../../ui/js/zone-names.js';

const ZONES = ['UTC', 'Europe/Brussels', 'America/New_York', 'America/Argentina/Buenos_Aires', 'Asia/Karachi', 'Asia/Shanghai', 'America/Sao_Paulo', 'Europe/Zurich'];

// [what the reader types, the zone it should give]
const CASES = {
  'an IANA name, in any case, is itself': [['europe/brussels', 'Europe/Brussels'], [' UTC ', 'UTC']],
  'a city the database names finds its zone': [
    ['Brussels', 'Europe/Brussels'], ['new york', 'America/New_York'],
    ['Buenos Aires', 'America/Argentina/Buenos_Aires'], ['São Paulo', 'America/Sao_Paulo'],
  ],
  'a capital it names by another city': [
    ['Washington', 'America/New_York'], ['Islamabad', 'Asia/Karachi'], ['Beijing', 'Asia/Shanghai'], ['Geneva', 'Europe/Zurich'],
  ],
  'nothing matching is passed on as typed, for the backend to refuse by name': [
    ['Mars/Olympus_Mons', 'Mars/Olympus_Mons'], ['Atlantis', 'Atlantis'], ['   ', ''],
  ],
};

for (const [name, cases] of Object.entries(CASES)) {
  test(name, () => {
    for (const [typed, zone] of cases) assert.equal(zoneFromInput(typed, ZONES), zone, `"${typed}"`);
  });
}
