// Runs the hostile corpus through the real binary's `import --check`: every
// file must give exit 0, or exit 1 with a one-line reason on stderr, within
// a bound; never a panic (exit 101), a signal or a hang. Prints each case
// and then "N passed, N failed". Usage: node tests/hostile/run-corpus.mjs [BINARY]

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostileCases } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const binary = process.argv[2] || path.join(root, 'target/release/minerals-atlas');
// Generous: every case takes well under a second on a 2-core machine; a
// quadratic path on these sizes takes minutes.
const BOUND_MS = 30000;

const dir = mkdtempSync(path.join(tmpdir(), 'atlas-hostile-'));
let passed = 0;
let failed = 0;
try {
  for (const c of hostileCases()) {
    const file = path.join(dir, c.name);
    writeFileSync(file, c.bytes);
    const t0 = process.hrtime.bigint();
    const r = spawnSync(binary, ['import', '--check', file], {
      timeout: BOUND_MS, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, MINERALS_ATLAS_DATA_DIR: dir },
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const problems = [];
    if (r.error) problems.push(`did not finish: ${r.error.message}`);
    else if (r.signal) problems.push(`killed by ${r.signal}`);
    else if (r.status !== 0 && r.status !== 1) problems.push(`exit ${r.status}`);
    if (/panicked|RUST_BACKTRACE|contained:/.test(r.stderr || '')) problems.push('a panic');
    if (r.status === 1 && !(r.stderr || '').trim()) problems.push('exit 1 without a reason');
    if (r.status === 0) {
      try {
        JSON.parse(r.stdout);
      } catch {
        problems.push('exit 0 without the JSON report');
      }
    }
    if (c.expect === 'ok' && r.status !== 0) problems.push(`expected to import: ${(r.stderr || '').trim()}`);
    if (c.expect === 'error' && r.status !== 1) problems.push('expected a refusal');
    let what = (r.stderr || '').trim().split('\n')[0];
    if (r.status === 0) {
      try {
        what = `ok, ${JSON.parse(r.stdout).events} events`;
      } catch {
        what = 'ok, but the report is not JSON';
      }
    }
    if (problems.length) {
      failed += 1;
      console.log(`FAIL ${c.name} (${ms.toFixed(0)} ms): ${problems.join('; ')} | ${what}`);
    } else {
      passed += 1;
      if (process.env.VERBOSE) console.log(`ok   ${c.name} (${ms.toFixed(0)} ms): ${what.slice(0, 160)}`);
    }
    rmSync(file);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`hostile corpus: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
