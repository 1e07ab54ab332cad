// The status bar's line: where the data is from, as of when, what was
// imported, and that the app is offline.

import { dateText } from './format.js';

/** `release` names the USGS release ("USGS MCS 2026"). */
export function statusText(info, events, release) {
  const p = info.provenance;
  const imported = events.filter((e) => e.imported).length;
  const asOf = p.facts_as_of ? ` · data as of ${dateText(p.facts_as_of)}` : '';
  const importedText = imported ? ` · ${imported} imported schedule${imported === 1 ? '' : 's'}` : '';
  return `${release} (${p.usgs_version})${asOf} · ${info.counts.stat_rows.toLocaleString('en')} USGS country rows${importedText} · offline · dataset ${info.dataset_version}`;
}
