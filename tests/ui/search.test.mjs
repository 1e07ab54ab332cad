import { test } from 'node:test';
import assert from 'node:assert/strict';

// search.js imports api.js, which needs no window until a command is called.
const { resultKindLine } = await import('../../ui/js/search.js');

test('a result names its kind once', () => {
  assert.equal(resultKindLine({ kind: 'country', subtitle: 'Country · Islamabad' }), 'Country · Islamabad');
  assert.equal(resultKindLine({ kind: 'country', subtitle: 'Country' }), 'Country');
  assert.equal(resultKindLine({ kind: 'person', subtitle: 'Federal Minister for Energy' }), 'Person · Federal Minister for Energy');
  assert.equal(resultKindLine({ kind: 'event', subtitle: '' }), 'Event');
  assert.equal(resultKindLine({ kind: 'mineral', subtitle: 'Mineral · critical' }), 'Mineral · critical');
});
