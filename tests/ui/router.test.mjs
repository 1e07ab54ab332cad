import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryHash, EMPTY_STATE, parseHash, parseSpan, spanStamp, toHash } from '../../ui/js/router.js';

test('country hashes round-trip', () => {
  assert.deepEqual(parseHash(countryHash('PAK')), { ...EMPTY_STATE, panel: { type: 'country', id: 'PAK' } });
  assert.deepEqual(parseHash('#/country/gin'), { ...EMPTY_STATE, panel: { type: 'country', id: 'GIN' } });
});

test('views, panels and minerals round-trip', () => {
  for (const state of [
    { ...EMPTY_STATE, view: 'timeline', panel: { type: 'session', id: 'cmm-0204-opening' } },
    { ...EMPTY_STATE, view: 'agenda' },
    { ...EMPTY_STATE, mineral: 'rare-earths', measure: 'reserves', panel: { type: 'country', id: 'COD' } },
    { ...EMPTY_STATE, view: 'timeline', panel: { type: 'entry', id: 'tl-20260220-india-joins' } },
    { ...EMPTY_STATE, view: 'timeline', schedule: 'axis', panel: { type: 'session', id: 'cmm-0204-opening' } },
  ]) {
    assert.deepEqual(parseHash(toHash(state)), state);
  }
  assert.deepEqual(parseHash('#/mineral/cobalt'), { ...EMPTY_STATE, mineral: 'cobalt' });
  assert.equal(toHash(EMPTY_STATE), '#/map');
  assert.equal(toHash({ ...EMPTY_STATE, view: 'timeline', schedule: 'axis' }), '#/timeline/axis');
  assert.equal(toHash({ ...EMPTY_STATE, view: 'map', schedule: 'axis' }), '#/map', 'the axis belongs to the timeline');
});

test('anything malformed is ignored, not guessed', () => {
  for (const hash of ['', '#', '#/', '#/country/', '#/country/PAKISTAN', '#/country/P%41K1', '#/nope/PAK', '#/mineral/Co%ZZ', '#/mineral/<script>', '#/session/a b', '#/session/' + 'x'.repeat(200)]) {
    assert.deepEqual(parseHash(hash), EMPTY_STATE, hash);
  }
});

test("the axis's preset and zoomed span round-trip, with a panel open", () => {
  const t0 = Date.UTC(2026, 1, 3, 12, 0);
  const t1 = Date.UTC(2026, 1, 5, 0, 0);
  for (const state of [
    { ...EMPTY_STATE, view: 'timeline', schedule: 'axis', preset: 'event:pmif-2026' },
    { ...EMPTY_STATE, view: 'timeline', schedule: 'axis', preset: 'arc', panel: { type: 'session', id: 'cmm-0204-opening' } },
    { ...EMPTY_STATE, view: 'timeline', schedule: 'axis', span: [t0, t1] },
  ]) {
    assert.deepEqual(parseHash(toHash(state)), state);
  }
  assert.equal(toHash({ ...EMPTY_STATE, view: 'timeline', schedule: 'axis', span: [t0, t1] }), '#/timeline/axis/span/20260203T1200-20260205T0000');
  assert.equal(toHash({ ...EMPTY_STATE, view: 'timeline', schedule: 'axis', preset: 'event:pmif-2026' }), '#/timeline/axis/preset/event%3Apmif-2026');
  assert.equal(toHash({ ...EMPTY_STATE, view: 'timeline', preset: 'arc' }), '#/timeline', 'a preset belongs to the axis');
  assert.equal(spanStamp(t0), '20260203T1200');
});

test('a span that is not a real, ordered pair of minutes is ignored', () => {
  assert.deepEqual(parseSpan('20260203T1200-20260205T0000'), [Date.UTC(2026, 1, 3, 12), Date.UTC(2026, 1, 5)]);
  for (const bad of ['20260205T0000-20260203T1200', '20260203T1200-20260203T1200', '20260231T0000-20260301T0000',
    '20260203T2500-20260204T0000', '2026-02-03-2026-02-04', '', '20260203T1200']) {
    assert.equal(parseSpan(bad), null, bad);
  }
  for (const hash of ['#/timeline/axis/span/20260231T0000-20260301T0000', '#/timeline/axis/preset/a%20b', '#/timeline/span/20260203T1200-20260205T0000']) {
    const s = parseHash(hash);
    assert.equal(s.span, null, hash);
    assert.equal(s.preset, null, hash);
  }
});
