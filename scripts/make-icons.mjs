// Draws the app icons (public/icons/icon-192.png, icon-512.png) from the same geometry as public/favicon.svg,
// with a hand-written PNG encoder over node:zlib so no image library is needed. Run: node scripts/make-icons.mjs
// The icon is full-bleed (no transparent corners) with the emblem inside the central 60%, so the same file
// also works as a maskable icon.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BACKGROUND = [0x1f, 0x2a, 0x44];
const WALL = [0xf6, 0xf7, 0xfb];
const GATE = [0xc2, 0x41, 0x0c];

// Geometry in a unit square; mirrored by favicon.svg (which uses a 64-unit box).
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
const wallParts = [
  rect(0.2, 0.42, 0.8, 0.8),
  rect(0.2, 0.26, 0.32, 0.42),
  rect(0.44, 0.26, 0.56, 0.42),
  rect(0.68, 0.26, 0.8, 0.42),
];
const inGate = (x, y) => (x >= 0.42 && x < 0.58 && y >= 0.62 && y < 0.8) || (x - 0.5) ** 2 + (y - 0.62) ** 2 < 0.08 ** 2;
const inWall = (x, y) => wallParts.some((inside) => inside(x, y));

function colourAt(x, y) {
  if (inGate(x, y)) return GATE;
  if (inWall(x, y)) return WALL;
  return BACKGROUND;
}

/** RGBA pixels, 4x4 supersampled so the arch and edges are anti-aliased. */
function render(size) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          sum[0] += c[0];
          sum[1] += c[1];
          sum[2] += c[2];
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      pixels[i] = Math.round(sum[0] / n);
      pixels[i + 1] = Math.round(sum[1] / n);
      pixels[i + 2] = Math.round(sum[2] / n);
      pixels[i + 3] = 255;
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG: every scanline uses filter 0 (none), zlib does the compression. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
mkdirSync(outDir, { recursive: true });
for (const size of [192, 512]) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, size, render(size)));
  console.log(`wrote ${file}`);
}
