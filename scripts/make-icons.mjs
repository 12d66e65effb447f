// Draws the app icon (a terminal prompt on a dark tile) as PNG files for the web manifest.
// Run once with `node scripts/make-icons.mjs`; the PNGs are kept in client/public/.
// client/public/icon.svg draws the same shapes, so keep the two in step.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const OUT_DIR = new URL('../client/public/', import.meta.url);
const SIZES = [192, 512];

/** Samples per pixel side; 4 gives 16 samples, enough for smooth edges. */
const SUPERSAMPLE = 4;

const TILE = [0x0d, 0x11, 0x17];
const CHEVRON = [0x4f, 0xd1, 0xc5];
const CURSOR = [0xe6, 0xed, 0xf3];

// Shapes in units of the icon side (0..1), matching icon.svg's 100-unit viewBox.
const TILE_RADIUS = 0.22;
const STROKE = 0.09;
const CHEVRON_POINTS = [[0.27, 0.32], [0.47, 0.5], [0.27, 0.68]];
const CURSOR_BOX = { x0: 0.53, y0: 0.63, x1: 0.75, y1: 0.71 };

function insideRoundedSquare(x, y) {
  const r = TILE_RADIUS;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Colour at a point, or undefined outside the tile. */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y)) return undefined;
  const [a, b, c] = CHEVRON_POINTS;
  const d = Math.min(distanceToSegment(x, y, a, b), distanceToSegment(x, y, b, c));
  if (d <= STROKE / 2) return CHEVRON;
  const box = CURSOR_BOX;
  if (x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1) return CURSOR;
  return TILE;
}

function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = colourAt(
            (px + (sx + 0.5) / SUPERSAMPLE) / size,
            (py + (sy + 0.5) / SUPERSAMPLE) / size,
          );
          if (!colour) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 255;
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      const covered = sum[3] / 255;
      const at = (py * size + px) * 4;
      // Colour is averaged over covered samples only, so edges fade in alpha, not to black.
      for (let k = 0; k < 3; k++) pixels[at + k] = covered ? Math.round(sum[k] / covered) : 0;
      pixels[at + 3] = Math.round(sum[3] / samples);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Every scanline starts with filter byte 0 (none); deflate does the compressing.
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const file = new URL(`icon-${size}.png`, OUT_DIR);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${file.pathname}`);
}
