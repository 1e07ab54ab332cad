// Screenshots from the X server rather than from WebKit: WebKitGTK's own
// snapshot never returns while the page hides a large element (the narrow
// layout's closed drawer), so the narrow window's views are captured with
// `xwd` (Debian's x11-apps, installed by scripts/setup.sh) and converted here.
// Xvfb's depth-24 screen is dumped at 24 bits per pixel, a real one at 32: both read.
// `xwdToPng` is pure and unit-tested (tests/tools/x-screenshot.test.mjs).

import { spawnSync } from 'node:child_process';
import { crc32, deflateSync } from 'node:zlib';

const HEADER_FIELDS = [
  'header_size', 'file_version', 'pixmap_format', 'pixmap_depth', 'pixmap_width', 'pixmap_height', 'xoffset',
  'byte_order', 'bitmap_unit', 'bitmap_bit_order', 'bitmap_pad', 'bits_per_pixel', 'bytes_per_line', 'visual_class',
  'red_mask', 'green_mask', 'blue_mask', 'bits_per_rgb', 'colormap_entries', 'ncolors',
  'window_width', 'window_height', 'window_x', 'window_y', 'window_bdrwidth',
];
const XWD_COLOR_BYTES = 12;
const Z_PIXMAP = 2;

/** The XWD header (big-endian CARD32s), or an error naming what is wrong. */
export function xwdHeader(buf) {
  if (buf.length < HEADER_FIELDS.length * 4) throw new Error(`not an XWD file: ${buf.length} bytes is shorter than its header`);
  const h = {};
  HEADER_FIELDS.forEach((name, i) => { h[name] = buf.readUInt32BE(i * 4); });
  if (h.file_version !== 7) throw new Error(`not an XWD file (version ${h.file_version}, want 7)`);
  if (h.pixmap_format !== Z_PIXMAP || (h.bits_per_pixel !== 32 && h.bits_per_pixel !== 24)) {
    throw new Error(`unsupported XWD pixmap: format ${h.pixmap_format}, ${h.bits_per_pixel} bits per pixel (want ZPixmap, 24 or 32)`);
  }
  return h;
}

const shiftOf = (mask) => (mask ? 31 - Math.clz32(mask & -mask) : 0);

/** A PNG (RGB, 8 bits) of `crop` ({ x, y, width, height }, clipped to the image) of an XWD dump. */
export function xwdToPng(buf, crop = null) {
  const h = xwdHeader(buf);
  const pixels = h.header_size + h.ncolors * XWD_COLOR_BYTES;
  if (buf.length < pixels + h.bytes_per_line * h.pixmap_height) throw new Error('XWD file is truncated');
  const x0 = Math.max(0, Math.min(h.pixmap_width, crop ? crop.x : 0));
  const y0 = Math.max(0, Math.min(h.pixmap_height, crop ? crop.y : 0));
  const width = Math.min(h.pixmap_width - x0, crop ? crop.width : h.pixmap_width);
  const height = Math.min(h.pixmap_height - y0, crop ? crop.height : h.pixmap_height);
  if (width <= 0 || height <= 0) throw new Error('the crop leaves nothing of the screen');
  const [rs, gs, bs] = [h.red_mask, h.green_mask, h.blue_mask].map(shiftOf);
  const lsb = h.byte_order === 0;
  const bytes = h.bits_per_pixel / 8;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = pixels + (y0 + y) * h.bytes_per_line + x0 * bytes;
    const out = y * (width * 3 + 1);
    raw[out] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const p = lsb ? buf.readUIntLE(row + x * bytes, bytes) : buf.readUIntBE(row + x * bytes, bytes);
      const o = out + 1 + x * 3;
      raw[o] = (p & h.red_mask) >>> rs;
      raw[o + 1] = (p & h.green_mask) >>> gs;
      raw[o + 2] = (p & h.blue_mask) >>> bs;
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The X screen (this process's DISPLAY) as an XWD dump. */
export function grabScreen() {
  const r = spawnSync('xwd', ['-root', '-silent'], { maxBuffer: 64 * 1024 * 1024, timeout: 20000 });
  if (r.error) throw new Error(`xwd could not run (${r.error.message}); scripts/setup.sh test installs x11-apps`);
  if (r.status !== 0) throw new Error(`xwd failed: ${String(r.stderr).trim()}`);
  return r.stdout;
}
