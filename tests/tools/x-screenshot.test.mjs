import test from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { xwdHeader, xwdToPng } from '../e2e/x-screenshot.mjs';

// A synthetic XWD dump: width x height, 32 bpp ZPixmap, LSB-first pixels from `pixel(x, y)` = [r, g, b].
function xwd(width, height, pixel, { version = 7, name = 'root\0', bpp = 32 } = {}) {
  const bytes = bpp / 8;
  const fields = [0, version, 2, 24, width, height, 0, 0, 32, 0, 32, bpp, width * bytes, 4,
    0xff0000, 0x00ff00, 0x0000ff, 8, 256, 1, width, height, 0, 0, 0];
  const headerSize = fields.length * 4 + name.length;
  fields[0] = headerSize;
  const buf = Buffer.alloc(headerSize + 12 + width * bytes * height);
  fields.forEach((v, i) => buf.writeUInt32BE(v, i * 4));
  buf.write(name, fields.length * 4, 'latin1');
  const start = headerSize + 12; // one colormap entry, ignored for TrueColor
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = pixel(x, y);
      buf.writeUIntLE(((r << 16) | (g << 8) | b) % 2 ** (8 * bytes), start + (y * width + x) * bytes, bytes);
    }
  }
  return buf;
}

// Reads back an RGB PNG the converter wrote: [width, height, rows of [r, g, b]].
function readPng(png) {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat = [];
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rows = [];
  for (let y = 0; y < height; y += 1) {
    const row = [];
    for (let x = 0; x < width; x += 1) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      row.push([raw[o], raw[o + 1], raw[o + 2]]);
    }
    rows.push(row);
  }
  return { width, height, rows };
}

const colour = (x, y) => [x * 10, y * 20, 200];

test('an XWD dump becomes a PNG with the same pixels', () => {
  const png = readPng(xwdToPng(xwd(4, 3, colour)));
  assert.equal(png.width, 4);
  assert.equal(png.height, 3);
  assert.deepEqual(png.rows[2][3], [30, 40, 200]);
  assert.deepEqual(png.rows[0][0], [0, 0, 200]);
});

test("Xvfb's 24 bits per pixel read as a real screen's 32", () => {
  const png = readPng(xwdToPng(xwd(5, 2, colour, { bpp: 24 })));
  assert.deepEqual(png.rows[1][4], [40, 20, 200]);
});

test('a crop keeps the window, clipped to the screen', () => {
  const png = readPng(xwdToPng(xwd(6, 5, colour), { x: 2, y: 1, width: 10, height: 2 }));
  assert.deepEqual([png.width, png.height], [4, 2], 'clipped at the right edge');
  assert.deepEqual(png.rows[0][0], [20, 20, 200], 'the crop starts at (2, 1)');
});

test('what is not a 24- or 32-bit ZPixmap XWD is refused with a reason, never half read', () => {
  assert.throws(() => xwdHeader(Buffer.alloc(20)), /shorter than its header/);
  assert.throws(() => xwdToPng(xwd(2, 2, colour, { version: 6 })), /version 6/);
  assert.throws(() => xwdToPng(xwd(2, 2, colour, { bpp: 16 })), /16 bits per pixel/);
  const truncated = xwd(4, 4, colour);
  assert.throws(() => xwdToPng(truncated.subarray(0, truncated.length - 5)), /truncated/);
  assert.throws(() => xwdToPng(xwd(4, 4, colour), { x: 10, y: 10, width: 5, height: 5 }), /nothing of the screen/);
});
