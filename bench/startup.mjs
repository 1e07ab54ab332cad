// Start-up benchmark: launch to first painted view, Minerals Atlas against a
// hello-world Tauri app, alternating, in one run on one machine. Also the
// peak resident memory of each process tree (app + WebKit processes).
// Run under a display: scripts/bench.sh does (xvfb-run).
//   node bench/startup.mjs [runs]

import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.argv[2] || 10);
const APPS = {
  atlas: path.join(root, 'target/release/minerals-atlas'),
  baseline: path.join(root, 'target/baseline/release/baseline-hello'),
};

function children(pid) {
  const out = [];
  let tasks = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const t of tasks) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/)) {
        if (c) out.push(Number(c), ...children(Number(c)));
      }
    } catch {
      // gone
    }
  }
  return out;
}

function rssKiB(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function runOnce(binary) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(binary, ['--exit-when-ready'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peak = 0;
    child.stdout.on('data', (d) => { stdout += d; });
    const sampler = setInterval(() => {
      const total = [child.pid, ...children(child.pid)].reduce((sum, p) => sum + rssKiB(p), 0);
      peak = Math.max(peak, total);
    }, 10);
    const timeout = setTimeout(() => child.kill('SIGKILL'), 60000);
    child.on('exit', (code) => {
      clearInterval(sampler);
      clearTimeout(timeout);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const m = stdout.match(/ready_ms=([\d.]+)/);
      if (code !== 0 || !m) reject(new Error(`${binary} exited ${code} without ready_ms`));
      else resolve({ readyMs: Number(m[1]), wallMs, peakMiB: peak / 1024 });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const results = { atlas: [], baseline: [] };
await runOnce(APPS.baseline); // warm the page cache for both, unmeasured
await runOnce(APPS.atlas);
for (let i = 0; i < RUNS; i += 1) {
  for (const name of i % 2 ? ['atlas', 'baseline'] : ['baseline', 'atlas']) {
    results[name].push(await runOnce(APPS[name]));
  }
}
const summary = {};
for (const [name, runs] of Object.entries(results)) {
  summary[name] = {
    readyMs: median(runs.map((r) => r.readyMs)),
    wallMs: median(runs.map((r) => r.wallMs)),
    peakMiB: median(runs.map((r) => r.peakMiB)),
  };
}
const ratio = summary.atlas.readyMs / summary.baseline.readyMs;
const memRatio = summary.atlas.peakMiB / summary.baseline.peakMiB;
console.log(`runs: ${RUNS} each, alternating`);
for (const [name, s] of Object.entries(summary)) {
  console.log(`${name.padEnd(9)} ready ${s.readyMs.toFixed(0)} ms (median), exit ${s.wallMs.toFixed(0)} ms, peak tree RSS ${s.peakMiB.toFixed(0)} MiB`);
}
console.log(`start-up: launch to first painted map = ${ratio.toFixed(2)}x hello world (target <= 1.2): ${ratio <= 1.2 ? 'PASS' : 'MISS'}`);
console.log(`memory at start-up: ${memRatio.toFixed(2)}x hello world (target <= 1.3 after ten panels and the timeline; this is start-up only)`);
