// Scale in the real window: a synthetic schedule of 20,000 sessions
// imported through the Import button (dialog replaced by
// MINERALS_ATLAS_OPEN_PATH), then the timeline shown and zoomed. Reports
// the import's wall time, the timeline's render and relayout times, how
// many item elements exist (only those in view should), and search
// latency from the webview with the 20,000 sessions loaded.
//   xvfb-run node bench/scale.mjs FILE

import { startDriver } from '../tests/e2e/app.mjs';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/scale.mjs SYNTHETIC_SCHEDULE.xml');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const driver = await startDriver({ env: { MINERALS_ATLAS_OPEN_PATH: file }, port: 4594 });
const session = await driver.open();
try {
  const started = Date.now();
  await session.click(await session.find('#import-button'));
  await session.waitFor('the result sheet', "return document.getElementById('import-sheet').open && document.documentElement.dataset.importing === undefined;", [], 120000);
  const importMs = Date.now() - started;
  const counts = await session.text(await session.find('[data-import-counts]'));
  await session.click(await session.find('#import-sheet [data-sheet-show]'));
  await session.waitFor('the timeline', "return performance.getEntriesByName('timeline-render').length > 0 && !document.querySelector('#timeline .tl-canvas').dataset.zooming;", [], 60000);
  const [render] = await session.execute("return performance.getEntriesByName('timeline-render').map(e => e.duration);");
  const elements = await session.execute("return document.querySelectorAll('#timeline .tl-item').length + document.querySelectorAll('#timeline .tl-bin').length;");
  const density = await session.execute("return document.querySelector('#timeline .tl-canvas').dataset.density || null;");
  // Relayouts: zoom in and out by steps, each timed around one layout.
  const layouts = await session.execute(`
    const tl = document.querySelector('#timeline .tl-canvas');
    const times = [];
    const buttons = [document.getElementById('tl-in'), document.getElementById('tl-out')];
    for (let i = 0; i < 20; i += 1) {
      const t = performance.now();
      buttons[i % 2].click();
      times.push(performance.now() - t);
    }
    return times;`);
  // Zooming into bins until the items are buttons again.
  let steps = 0;
  while (steps < 6 && await session.execute("return !!document.querySelector('#timeline .tl-bin');")) {
    await session.click(await session.find('#timeline .tl-bin'));
    await session.waitFor('the zoom into a bin', "return !document.querySelector('#timeline .tl-canvas').dataset.zooming;", [], 20000);
    steps += 1;
  }
  const afterBin = await session.execute("return [document.querySelectorAll('#timeline .tl-item').length, document.querySelectorAll('#timeline .tl-bin').length];");
  const searches = [];
  for (const q of ['s', 'se', 'ses', 'min', 'sup', 'z', 'pak', 'cob']) {
    searches.push(await session.executeAsync(`
      const done = arguments[arguments.length - 1];
      const t = performance.now();
      window.__TAURI__.core.invoke('search', { query: arguments[0], limit: 12 }).then(() => done(performance.now() - t), (e) => done(String(e)));`, [q]));
  }
  console.log(`import of ${file}: ${counts}`);
  console.log(`  click to result sheet: ${importMs} ms (read, parse, merge, index, save, reload of the views)`);
  console.log(`  timeline render with the imported sessions: ${render.toFixed(1)} ms; elements in the DOM: ${elements} (of 20,000+ items; ${density ? `${density} in view, drawn as density bins` : 'items drawn one by one'})`);
  console.log(`  after ${steps} clicks into bins: ${afterBin[0]} item buttons, ${afterBin[1]} bins`);
  console.log(`  zoom step relayout: median ${median(layouts).toFixed(1)} ms, worst ${Math.max(...layouts).toFixed(1)} ms`);
  console.log(`  search round trip from the webview: median ${median(searches).toFixed(2)} ms, worst ${Math.max(...searches).toFixed(2)} ms (target under 10 ms)`);
} finally {
  await session.delete().catch(() => {});
  await driver.stop();
}
