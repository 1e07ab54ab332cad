import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusText } from '../../ui/js/status-bar.js';

const info = {
  dataset_version: '2026.11.1',
  provenance: { usgs_version: 'v1.0 with 4 corrections', facts_as_of: '2026-04-09' },
  counts: { stat_rows: 4321 },
};

test('the status line names the release, the date of the facts, imports and offline', () => {
  const built = statusText(info, [{ id: 'a', imported: false }], 'USGS MCS 2026');
  assert.equal(built, 'USGS MCS 2026 (v1.0 with 4 corrections) · data as of 9 April 2026 · 4,321 USGS country rows · offline · dataset 2026.11.1');
  const withImports = statusText(info, [{ id: 'x', imported: true }, { id: 'imp-looking-id', imported: false }], 'USGS MCS 2026');
  assert.match(withImports, / · 1 imported schedule · /, 'imported is what the backend says, not an id prefix');
});
