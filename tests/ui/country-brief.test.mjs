import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paperForLocale } from '../../ui/js/country-brief.js';

test('paper follows the language tag: Letter in the US and its neighbours, else A4', () => {
  assert.equal(paperForLocale('en-US'), 'letter');
  assert.equal(paperForLocale('es-MX'), 'letter');
  assert.equal(paperForLocale('fr-CA'), 'letter');
  assert.equal(paperForLocale('en_US.UTF-8'), 'letter');
  assert.equal(paperForLocale('en-GB'), 'a4');
  assert.equal(paperForLocale('ur-PK'), 'a4');
  assert.equal(paperForLocale('de'), 'a4', 'no region: A4');
  assert.equal(paperForLocale(''), 'a4');
  assert.equal(paperForLocale(undefined), 'a4');
  assert.equal(paperForLocale('zh-Hant-TW'), 'a4', 'a script subtag is not a region');
});
