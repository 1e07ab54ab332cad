import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryPaint, PALETTE_VARIABLES } from '../../ui/js/map/country-paint.js';

// Each colour named after its variable, so a wrong pick says which.
const palette = Object.fromEntries(Object.keys(PALETTE_VARIABLES).map((name) => [name, name]));

test('participation: signed before role, role before none, a highlight before all', () => {
  assert.equal(countryPaint({ role: 'participant', signed: 'false' }, 'participation', palette).fill, 'participant');
  assert.equal(countryPaint({ role: 'host', signed: 'false' }, 'participation', palette).fill, 'host');
  assert.equal(countryPaint({ role: 'participant', signed: 'true' }, 'participation', palette).fill, 'signed');
  assert.equal(countryPaint({ role: 'none', signed: 'false' }, 'participation', palette).fill, 'none');
  assert.equal(countryPaint({ role: 'participant', signed: 'true', highlighted: 'true' }, 'participation', palette).fill, 'highlighted');
  const border = countryPaint({ role: 'participant' }, 'participation', palette);
  assert.deepEqual([border.stroke, border.width, border.dash], ['border', 0.4, null]);
});

test('mineral: each share class its colour; a row without a share dashed; no row grey', () => {
  for (let c = 0; c <= 5; c += 1) {
    assert.equal(countryPaint({ role: 'none', shareClass: String(c) }, 'mineral', palette).fill, `share${c}`);
  }
  const row = countryPaint({ role: 'none', shareClass: 'row' }, 'mineral', palette);
  assert.deepEqual([row.fill, row.stroke, row.dash], ['rowNoShare', 'outline', [2, 1.5]]);
  assert.equal(countryPaint({ role: 'none' }, 'mineral', palette).fill, 'unreported');
  assert.equal(countryPaint({ role: 'none', shareClass: '9' }, 'mineral', palette).fill, 'unreported', 'an unknown class is not a share');
  // The role colours do not leak into the mineral view; attendees are outlined.
  const attendee = countryPaint({ role: 'participant', signed: 'true' }, 'mineral', palette);
  assert.deepEqual([attendee.fill, attendee.stroke, attendee.width], ['unreported', 'outline', 0.9]);
  assert.equal(countryPaint({ role: 'host', shareClass: '0', highlighted: 'true' }, 'mineral', palette).fill, 'highlighted');
});

test('borders thin out as the map zooms in', () => {
  assert.equal(countryPaint({ role: 'none' }, 'participation', palette, 4).width, 0.1);
  assert.equal(countryPaint({ role: 'participant' }, 'mineral', palette, 4).width, 0.9, 'the attendees outline keeps its width');
});

test('the visible part of the map follows the zoom, and boxes outside it are skipped', async () => {
  const { visibleArea, overlaps } = await import('../../ui/js/map/map-canvas.js');
  // A 960x500 box showing the 960x500 map at 1:1, zoomed 4x on its top-left corner.
  const seen = visibleArea(960, 500, 1, 0, 0, { k: 4, x: 0, y: 0 });
  assert.deepEqual(seen, { x0: 0, x1: 240, y0: 0, y1: 125 });
  // Panned: translate(-480, -250) at 2x shows the map's middle.
  assert.deepEqual(visibleArea(960, 500, 1, 0, 0, { k: 2, x: -480, y: -250 }), { x0: 240, x1: 720, y0: 125, y1: 375 });
  // Letterboxed ("meet"): a 1000-wide box draws the map at 1:1 from x = 20.
  assert.equal(visibleArea(1000, 500, 1, 20, 0, { k: 1, x: 0, y: 0 }).x0, -20);
  assert.ok(overlaps({ x0: 200, y0: 100, x1: 300, y1: 200 }, seen), 'a box across the edge is drawn');
  assert.ok(!overlaps({ x0: 250, y0: 0, x1: 300, y1: 50 }, seen), 'a box beside it is not');
  assert.ok(!overlaps({ x0: 0, y0: 130, x1: 50, y1: 200 }, seen), 'nor one below');
});
