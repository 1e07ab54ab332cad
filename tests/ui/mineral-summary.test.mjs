import test from 'node:test';
import assert from 'node:assert/strict';
import { concentrationText } from '../../ui/js/map/mineral-summary.js';

const names = { COD: 'Democratic Republic of the Congo', IDN: 'Indonesia' };
const nameOf = (iso3) => names[iso3] || iso3;
const base = {
  top: { iso3: 'COD', percent: 74.2 }, top_may_be_marked: false, top_three_percent: { low: 91.6, high: 91.6 },
  hhi: { low: 5680, high: 5750 }, level: 'highly_concentrated', threshold: 1800, marked: [],
};

test('the concentration line: the HHI range, what it means, the top shares', () => {
  const text = concentrationText(base, 'production', nameOf);
  assert.match(text, /^Concentration: HHI 5,680 to 5,750 of 10,000 \(from the rest spread thinly to the rest as one producer\), highly concentrated \(above 1,800/);
  assert.match(text, /The largest producer, Democratic Republic of the Congo, has 74\.2%; the top three named, 91\.6%\./);
  assert.doesNotMatch(text, /rows' sum/);
  assert.match(concentrationText({ ...base, total_from_rows: true }, 'production', nameOf), /Shares here are of the rows' sum, which passes USGS's rounded world total\./);
});

test('an exact HHI is one figure; reserves have holders; marked figures are said', () => {
  const exact = { ...base, hhi: { low: 1000, high: 1000 }, level: 'below_threshold', marked: [{ iso3: 'USA', usgs_text: 'W', percent: { low: 0, high: 3 } }], top_may_be_marked: true };
  const text = concentrationText(exact, 'reserves', nameOf);
  assert.match(text, /HHI 1,000 of 10,000, below the threshold/);
  assert.match(text, /The largest holder, Democratic Republic of the Congo, has 74\.2% \(a withheld or bounded figure could be larger\)/);
  assert.match(text, /1 withheld or bounded figure is counted as ranges\./);
});

test('undetermined is said as such; no concentration, no line', () => {
  assert.match(concentrationText({ ...base, level: 'undetermined' }, 'production', nameOf), /highly concentrated or not, depending on figures USGS does not give/);
  assert.equal(concentrationText(null, 'production', nameOf), '');
});
