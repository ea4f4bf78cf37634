import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The committed icons made by scripts/make-icons.mjs from resources/icon.svg.
const icons = path.resolve('resources/icons');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

function icoImages(file: string): Array<[number, number]> {
  const ico = readFileSync(file);
  expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const at = 6 + 16 * i;
    const declared = ico.readUInt8(at) || 256;
    const png = ico.subarray(ico.readUInt32LE(at + 12), ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8));
    return [declared, pngSize(png)[0]];
  });
}

describe('app and tray icons', () => {
  it('gives Linux a PNG for every size its desktops ask for', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(readFileSync(path.join(icons, 'png', `${size}x${size}.png`)))).toEqual([size, size]);
    }
  });

  it('packs 16 to 256 px into icon.ico, each entry declaring its real size', () => {
    const images = icoImages(path.join(icons, 'icon.ico'));
    expect(images.map(([declared]) => declared)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const [declared, actual] of images) expect(actual).toBe(declared);
  });

  it('packs every macOS slot up to 1024 px (512@2x) into icon.icns', () => {
    const icns = readFileSync(path.join(icons, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const slots = new Map<string, number>();
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      slots.set(icns.subarray(at, at + 4).toString('ascii'), pngSize(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4)))[0]);
    }
    expect(slots.get('ic07')).toBe(128);
    expect(slots.get('ic08')).toBe(256);
    expect(slots.get('ic09')).toBe(512);
    expect(slots.get('ic10')).toBe(1024);
    expect(slots.get('ic14')).toBe(512);
  });

  it('has idle and active tray icons at 1x and 2x, and a macOS template for idle', () => {
    for (const name of ['tray-idle', 'tray-active', 'tray-idleTemplate', 'tray-active-mac']) {
      expect(pngSize(readFileSync(path.join(icons, 'tray', `${name}.png`)))).toEqual([16, 16]);
      expect(pngSize(readFileSync(path.join(icons, 'tray', `${name}@2x.png`)))).toEqual([32, 32]);
    }
    expect(existsSync(path.join(icons, 'tray', 'tray-idle.ico'))).toBe(true);
    expect(existsSync(path.join(icons, 'tray', 'tray-active.ico'))).toBe(true);
  });

  it('draws the idle and active tray icons differently', () => {
    const idle = readFileSync(path.join(icons, 'tray', 'tray-idle@2x.png'));
    const active = readFileSync(path.join(icons, 'tray', 'tray-active@2x.png'));
    expect(idle.equals(active)).toBe(false);
  });
});
