import test from 'node:test';
import assert from 'node:assert/strict';
import { groupSources } from '../../ui/js/source-groups.js';

const fact = (id, supports, status) => ({ id, url: `https://example.org/${id}`, publisher: 'P', title: `T ${id}`, kind: 'press', supports, status });

test('each source once, in the order first cited, with every fact it supports', () => {
  const groups = groupSources([
    fact('state', 'head of delegation', 'confirmed'),
    fact('press-a', 'participation', 'reported'),
    fact('state', 'participation', 'confirmed'),
    fact('state', 'agreement: framework', 'reported'),
  ]);
  assert.deepEqual(groups.map((g) => g.id), ['state', 'press-a']);
  assert.deepEqual(groups[0].uses, [
    { supports: 'head of delegation', status: 'confirmed' },
    { supports: 'participation', status: 'confirmed' },
    { supports: 'agreement: framework', status: 'reported' },
  ]);
  assert.equal(groups[0].url, 'https://example.org/state', 'the source itself is kept');
  assert.equal(groups[0].supports, undefined, 'a per-fact field is not left on the source');
});

test('a repeated use is kept once; nothing cited, nothing listed', () => {
  assert.deepEqual(groupSources([fact('a', 'x', 'confirmed'), fact('a', 'x', 'confirmed')])[0].uses, [{ supports: 'x', status: 'confirmed' }]);
  assert.deepEqual(groupSources([]), []);
  assert.deepEqual(groupSources(undefined), []);
});

test("a fact's own source list (no 'supports') groups to sources with no uses", () => {
  const [g] = groupSources([{ id: 'a', url: 'https://example.org', publisher: 'P', title: 'T', kind: 'official' }]);
  assert.deepEqual(g.uses, []);
});
