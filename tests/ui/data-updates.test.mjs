import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, installedText, sizeText } from '../../ui/js/data-updates.js';

test('sizes in words', () => {
  assert.equal(sizeText(300), '300 bytes');
  assert.equal(sizeText(5 * 1024 + 100), '5 KB');
  assert.equal(sizeText(1.4 * 1024 * 1024), '1.4 MB');
  assert.equal(sizeText(-1), '');
  assert.equal(sizeText(undefined), '');
});

test('what is installed says verified by what, or unverified', () => {
  assert.match(installedText(null), /built-in data/);
  const signed = { dataset_version: 'x', file_name: 'pack-3.json', signed: { pack_version: 3, date: '2026-12-05', origin: 'the update channel at data.example.org' } };
  assert.equal(installedText(signed), 'Installed: data pack 3 of 2026-12-05, verified, from the update channel at data.example.org.');
  const unsigned = { dataset_version: '2026.12.1', file_name: 'usb.json', signed: null };
  assert.match(installedText(unsigned), /^Installed: data pack 2026\.12\.1 from usb\.json, unverified/);
});

test('a check answer in words: an offer, or nothing newer than what is installed', () => {
  assert.equal(checkText({ status: 'offer', offered_version: 4, date: '2026-12-05', size: 4096, summary: 'PMIF outcomes' }),
    'Data pack 4 of 2026-12-05 is available (4 KB): PMIF outcomes');
  assert.equal(checkText({ status: 'up_to_date', offered_version: 3, newer_than: 3 }), 'No newer data: the channel offers pack 3, and this app takes only packs newer than 3.');
  assert.equal(checkText({ status: 'up_to_date', offered_version: 1, newer_than: 4 }), 'No newer data: the channel offers pack 1, and this app takes only packs newer than 4.');
});
