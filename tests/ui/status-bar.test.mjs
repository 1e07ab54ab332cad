import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusDetails, statusText } from '../../ui/js/status-bar.js';

const info = {
  dataset_version: '2026.11.1',
  provenance: { usgs_version: 'v1.0 with 4 corrections', facts_as_of: '2026-04-09' },
  counts: { stat_rows: 4321 },
};

test('the status line reads as words: the release, the date the facts were checked to, imports, offline', () => {
  assert.equal(statusText(info, [{ id: 'a', imported: false }], 'USGS MCS 2026'), 'USGS MCS 2026 · facts checked to 9 April 2026 · offline');
  const withImports = statusText(info, [{ id: 'x', imported: true }, { id: 'imp-looking-id', imported: false }], 'USGS MCS 2026');
  assert.equal(withImports, 'USGS MCS 2026 · facts checked to 9 April 2026 · 1 imported schedule · offline', 'imported is what the backend says, not an id prefix');
  assert.equal(statusDetails(info), 'v1.0 with 4 corrections; 4,321 USGS country rows; dataset 2026.11.1');
});

test('an unverified pack in use is said in the status line, in every view', () => {
  const line = statusText({ ...info, unverified_pack: true }, [], 'USGS MCS 2026');
  assert.equal(line, 'USGS MCS 2026 · facts checked to 9 April 2026 · UNVERIFIED data pack in use (not signed by a trusted key) · offline');
});
