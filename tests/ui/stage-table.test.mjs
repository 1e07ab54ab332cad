import test from 'node:test';
import assert from 'node:assert/strict';
import { placeText, stageColumn, stageHeading } from '../../ui/js/map/stage-table.js';

const stage = (mineral, mineral_name, detail) => ({ mineral, mineral_name, detail, year: 2025, series: `${mineral}-${detail}` });

test("a stage's heading names its mineral only when the chain spans chapters", () => {
  const copper = { stages: [stage('copper', 'Copper', 'Mine production'), stage('copper', 'Copper', 'Refinery production')] };
  assert.equal(stageHeading(copper.stages[1], copper), 'Refinery production 2025');
  const aluminium = { stages: [stage('bauxite', 'Bauxite', 'Bauxite, mine production'), stage('aluminum', 'Aluminum', 'Smelter production')] };
  assert.equal(stageHeading(aluminium.stages[1], aluminium), 'Aluminum: Smelter production 2025');
  assert.equal(stageColumn(copper.stages[1], copper), 'Refinery production', 'a short column heading: the stage');
  assert.equal(stageColumn(aluminium.stages[0], aluminium), 'Bauxite', 'or the mineral, across chapters');
  const iron = { stages: [stage('iron-ore', 'Iron ore', 'Mine production: Usable ore'), stage('iron-and-steel', 'Iron and steel', 'Pig iron'), stage('iron-and-steel', 'Iron and steel', 'Raw steel')] };
  assert.deepEqual(iron.stages.map((s) => stageColumn(s, iron)), ['Iron ore', 'Production · Pig iron', 'Production · Raw steel'], 'a mineral with two tables in the chain is told apart by table');
});

test('a place: share and rank; a marker in words; no row is not reported, never 0', () => {
  assert.equal(placeText({ share: { percent: 23.94 }, rank: 1, value: { kind: 'number', text: '5,300' } }), '23.9%, 1st');
  assert.equal(placeText({ share: null, rank: null, value: { kind: 'withheld', text: 'W', description: 'W (withheld)' } }), 'W (withheld)');
  assert.equal(placeText({ share: null, rank: 3, value: { kind: 'number', text: '40' } }), '40');
  assert.equal(placeText(null), 'not reported separately');
});
