/**
 * Draws the toolbar icons (a page with text lines; green when an article is detected) as PNGs
 * into public/icons. Run by hand after a design change: `npx tsx scripts/make-icons.ts`.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Coverage of a rounded rectangle at a pixel, 4×4 supersampled for smooth edges. */
function cover(x: number, y: number, box: { x0: number; y0: number; x1: number; y1: number; r: number }): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++)
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      if (px < box.x0 || px > box.x1 || py < box.y0 || py > box.y1) continue;
      const cx = Math.min(Math.max(px, box.x0 + box.r), box.x1 - box.r);
      const cy = Math.min(Math.max(py, box.y0 + box.r), box.y1 - box.r);
      if ((px - cx) ** 2 + (py - cy) ** 2 <= box.r ** 2) hits++;
    }
  return hits / 16;
}

function icon(size: number, page: RGBA, ink: RGBA): Buffer {
  const s = size / 16;
  const sheet = { x0: 2 * s, y0: 1 * s, x1: 14 * s, y1: 15 * s, r: 2 * s };
  const lines = [4, 6.5, 9, 11.5].map((y, i) => ({ x0: 4.5 * s, y0: y * s, x1: (i === 3 ? 9 : 11.5) * s, y1: (y + 1.2) * s, r: 0.6 * s }));
  return png(size, (x, y) => {
    const onSheet = cover(x, y, sheet);
    const onLine = Math.max(...lines.map((l) => cover(x, y, l)));
    if (onSheet === 0) return [0, 0, 0, 0];
    const mix = (a: number, b: number) => Math.round(a * (1 - onLine) + b * onLine);
    return [mix(page[0], ink[0]), mix(page[1], ink[1]), mix(page[2], ink[2]), Math.round(255 * onSheet)];
  });
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, icon(size, [96, 99, 108, 255], [245, 245, 247, 255]));
for (const size of [16, 32]) writeFileSync(`public/icons/icon-readable-${size}.png`, icon(size, [47, 111, 79, 255], [255, 255, 255, 255]));
console.log('icons written to public/icons');
