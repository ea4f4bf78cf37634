import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const resources = path.join(import.meta.dirname, '../../../resources');

/** Width, height and the RGBA of the centre pixel of an 8-bit RGBA, unfiltered PNG. */
function inspect(file: string) {
  const png = readFileSync(path.join(resources, file));
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  expect(png.toString('ascii', 37, 41)).toBe('IDAT');
  const pixels = inflateSync(png.subarray(41, 41 + idatLength));
  const row = Math.floor(height / 2);
  const offset = row * (1 + width * 4) + 1 + Math.floor(width / 2) * 4;
  return { width, height, centre: [...pixels.subarray(offset, offset + 4)] };
}

describe('tray icons', () => {
  it.each([
    ['tray-idle.png', 16],
    ['tray-idle@2x.png', 32],
    ['tray-active.png', 16],
    ['tray-active@2x.png', 32],
  ])('%s is %d px square', (file, size) => {
    const { width, height } = inspect(file);
    expect([width, height]).toEqual([size, size]);
  });

  it('is orange while impersonating and grey when idle', () => {
    const [r, g, b, a] = inspect('tray-active@2x.png').centre as [number, number, number, number];
    expect({ r, g, b, a }).toEqual({ r: 0xf9, g: 0x73, b: 0x16, a: 255 });
    const idle = inspect('tray-idle@2x.png').centre;
    expect(Math.max(...idle.slice(0, 3)) - Math.min(...idle.slice(0, 3))).toBeLessThan(20);
  });
});
