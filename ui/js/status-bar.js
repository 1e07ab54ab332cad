// The status bar's line: where the data is from, as of when, what was
// imported, and that the app is offline.

import { dateText } from './format.js';

/**
 * In words a person reads at a glance: the release, the date the facts were
 * checked to, what was imported, offline. `release` names the USGS release
 * ("USGS MCS 2026").
 */
export function statusText(info, events, release) {
  const p = info.provenance;
  const imported = events.filter((e) => e.imported).length;
  const checked = p.facts_as_of ? ` · facts checked to ${dateText(p.facts_as_of)}` : '';
  const importedText = imported ? ` · ${imported} imported schedule${imported === 1 ? '' : 's'}` : '';
  const unverified = info.unverified_pack ? ' · UNVERIFIED data pack in use (not signed by a trusted key)' : '';
  return `${release}${checked}${importedText}${unverified} · offline`;
}

/** The details behind the line, for its tooltip: the release's version, rows, the dataset's version. */
export function statusDetails(info) {
  return `${info.provenance.usgs_version}; ${info.counts.stat_rows.toLocaleString('en')} USGS country rows; dataset ${info.dataset_version}`;
}
