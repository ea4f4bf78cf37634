// Draws the tray icons into resources/: a neutral grey disc when idle, an orange
// one (#F97316, the frame's colour) while impersonating, each at 16 px and at
// 32 px for HiDPI (`@2x`, which Electron picks up beside the 16 px file).
// Run: node scripts/make-tray-icons.mjs. Plain zlib, no image library.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { Buffer } from 'node:buffer';

const resources = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources');

const icons = {
  'tray-idle': { fill: [0x8a, 0x8f, 0x98], edge: [0x4b, 0x50, 0x58] },
  'tray-active': { fill: [0xf9, 0x73, 0x16], edge: [0xc2, 0x41, 0x0c] },
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A disc with a darker rim, anti-aliased by 4x4 supersampling, on transparency. */
function disc(size, { fill, edge }) {
  const rows = [];
  const centre = size / 2;
  const outer = size / 2 - size / 16;
  const inner = outer - Math.max(1, size / 16);
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x += 1) {
      let inside = 0;
      let rim = 0;
      for (let sy = 0; sy < 4; sy += 1) {
        for (let sx = 0; sx < 4; sx += 1) {
          const d = Math.hypot(x + (sx + 0.5) / 4 - centre, y + (sy + 0.5) / 4 - centre);
          if (d <= outer) {
            inside += 1;
            if (d > inner) rim += 1;
          }
        }
      }
      const colour = rim * 2 > inside ? edge : fill;
      colour.forEach((value, i) => (row[1 + x * 4 + i] = value));
      row[1 + x * 4 + 3] = Math.round((inside / 16) * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, colours] of Object.entries(icons)) {
  writeFileSync(path.join(resources, `${name}.png`), disc(16, colours));
  writeFileSync(path.join(resources, `${name}@2x.png`), disc(32, colours));
  console.log(`resources/${name}.png, resources/${name}@2x.png`);
}
