// Checks the licence of every crate (cargo metadata, offline) and every npm
// package (package-lock.json) against an allow-list. Prints a summary by
// licence; exits 1 naming any package outside the list.
//   node scripts/check-licences.mjs

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Permissive licences, and MPL-2.0 (file-level copyleft: fine to link unmodified).
export const ALLOWED = new Set([
  'MIT', 'MIT-0', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'Zlib', '0BSD', 'BSL-1.0',
  'CC0-1.0', 'Unlicense', 'Unicode-3.0', 'Unicode-DFS-2016', 'MPL-2.0', 'CDLA-Permissive-2.0', 'LLVM-exception',
]);
// Our own packages (MIT, declared in their manifests).
const OURS = new Set(['minerals-atlas', 'atlas-domain', 'atlas-datagen', 'atlas-store', 'baseline-hello']);

/** Evaluates an SPDX expression (AND, OR, WITH, parentheses). */
export function allowed(expr) {
  const tokens = expr.replace(/\(/g, ' ( ').replace(/\)/g, ' ) ').replace(/\//g, ' OR ').split(/\s+/).filter(Boolean);
  let i = 0;
  const primary = () => {
    if (tokens[i] === '(') {
      i += 1;
      const v = or();
      i += 1; // ')'
      return v;
    }
    let ok = ALLOWED.has(tokens[i].replace(/\+$/, ''));
    i += 1;
    if (tokens[i] === 'WITH') {
      ok = ok && ALLOWED.has(tokens[i + 1]);
      i += 2;
    }
    return ok;
  };
  const and = () => {
    let v = primary();
    while (tokens[i] === 'AND') {
      i += 1;
      v = primary() && v;
    }
    return v;
  };
  const or = () => {
    let v = and();
    while (tokens[i] === 'OR') {
      i += 1;
      v = and() || v;
    }
    return v;
  };
  return or();
}

function crates() {
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--locked', '--offline'], { cwd: root, maxBuffer: 1 << 28 }));
  return meta.packages.map((p) => ({ kind: 'crate', name: p.name, version: p.version, license: p.license || (OURS.has(p.name) ? 'MIT' : null) }));
}

function npmPackages() {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  return Object.entries(lock.packages)
    .filter(([p]) => p.startsWith('node_modules/'))
    .map(([p, info]) => ({ kind: 'npm', name: p.replace(/^.*node_modules\//, ''), version: info.version, license: info.license || null }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const all = [...crates(), ...npmPackages()];
  const bad = all.filter((p) => !p.license || !allowed(p.license));
  const byLicence = new Map();
  for (const p of all) byLicence.set(`${p.kind}: ${p.license}`, (byLicence.get(`${p.kind}: ${p.license}`) || 0) + 1);
  for (const [l, n] of [...byLicence].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(4)}  ${l}`);
  console.log(`${all.length} packages (${all.filter((p) => p.kind === 'crate').length} crates, ${all.filter((p) => p.kind === 'npm').length} npm): ${bad.length} outside the allow-list`);
  for (const p of bad) console.log(`NOT ALLOWED: ${p.kind} ${p.name} ${p.version}: ${p.license}`);
  process.exit(bad.length ? 1 : 0);
}
