import test from 'node:test';
import assert from 'node:assert/strict';
import { zoneFromInput } from '../../ui/js/zone-names.js';

const ZONES = ['UTC', 'Europe/Brussels', 'America/New_York', 'America/Argentina/Buenos_Aires', 'Asia/Karachi', 'Asia/Shanghai', 'America/Sao_Paulo', 'Europe/Zurich'];

test('an IANA name, in any case, is itself', () => {
  assert.equal(zoneFromInput('europe/brussels', ZONES), 'Europe/Brussels');
  assert.equal(zoneFromInput(' UTC ', ZONES), 'UTC');
});

test('a city the database names finds its zone', () => {
  assert.equal(zoneFromInput('Brussels', ZONES), 'Europe/Brussels');
  assert.equal(zoneFromInput('new york', ZONES), 'America/New_York');
  assert.equal(zoneFromInput('Buenos Aires', ZONES), 'America/Argentina/Buenos_Aires');
  assert.equal(zoneFromInput('São Paulo', ZONES), 'America/Sao_Paulo');
});

test('a capital it names by another city', () => {
  assert.equal(zoneFromInput('Washington', ZONES), 'America/New_York');
  assert.equal(zoneFromInput('Islamabad', ZONES), 'Asia/Karachi');
  assert.equal(zoneFromInput('Beijing', ZONES), 'Asia/Shanghai');
  assert.equal(zoneFromInput('Geneva', ZONES), 'Europe/Zurich');
});

test('nothing matching is passed on as typed, for the backend to refuse by name', () => {
  assert.equal(zoneFromInput('Mars/Olympus_Mons', ZONES), 'Mars/Olympus_Mons');
  assert.equal(zoneFromInput('Atlantis', ZONES), 'Atlantis');
  assert.equal(zoneFromInput('   ', ZONES), '');
});
