import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowed } from '../../scripts/check-licences.mjs';

test('SPDX expressions: OR needs one, AND needs all, WITH needs both', () => {
  assert.equal(allowed('MIT OR Apache-2.0'), true);
  assert.equal(allowed('MIT OR GPL-3.0-only'), true);
  assert.equal(allowed('MIT AND GPL-3.0-only'), false);
  assert.equal(allowed('(MIT OR Apache-2.0) AND Unicode-3.0'), true);
  assert.equal(allowed('(MIT OR GPL-2.0) AND (AGPL-3.0 OR LGPL-2.1)'), false);
  assert.equal(allowed('Apache-2.0 WITH LLVM-exception'), true);
  assert.equal(allowed('GPL-2.0 WITH Classpath-exception-2.0'), false);
  assert.equal(allowed('MIT/Apache-2.0'), true, 'the old slash form is OR');
  assert.equal(allowed('SSPL-1.0'), false);
});
