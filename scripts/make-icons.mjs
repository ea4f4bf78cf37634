// Renders every app and tray icon from resources/icon.svg with Debian's Chromium
// (through Playwright) and writes the ICO and ICNS containers itself. The output
// in resources/icons/ is committed, so building installers needs no browser.
//
//   node scripts/make-icons.mjs        (or `npm run icons`)
import { Buffer } from 'node:buffer';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const projectDir = process.cwd();
const source = readFileSync(path.join(projectDir, 'resources', 'icon.svg'), 'utf8');
const outDir = path.join(projectDir, 'resources', 'icons');

// Variants of the one source image: CSS laid over its own <style> (the `svg `
// prefix outranks the source's rules, which come later in the page).
const variants = {
  app: { css: '', crop: false },
  // Windows/Linux tray: the tile keeps the icon legible on light and dark taskbars.
  trayIdle: { css: '', crop: false },
  trayActive: { css: 'svg .tile{fill:#f97316} svg .back{fill:#1f2937} svg .front{fill:#fff}', crop: false },
  // macOS menu bar: idle is a template (black + alpha) that follows the bar's colour;
  // active stays orange on purpose, so an impersonation is visible at a glance.
  trayIdleTemplate: { css: 'svg .tile{display:none} svg .back,svg .front{fill:#000}', crop: true },
  trayActiveMac: { css: 'svg .tile{display:none} svg .back{fill:#f97316} svg .front{fill:#c2410c}', crop: true },
};

const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
// ICNS element types holding PNG data, by pixel size (the @2x slots reuse sizes).
const icnsTypes = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512],
  ['ic10', 1024], ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];
const trayScales = [[1, ''], [1.5, '@1.5x'], [2, '@2x'], [3, '@3x']];
const trayIcoSizes = [16, 20, 24, 32, 40, 48];

/** PNG-payload ICO: a directory of 16-byte entries, then the PNG files as they are. */
export function encodeIco(pngsBySize) {
  const entries = [...pngsBySize.entries()].sort(([a], [b]) => a - b);
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(([size, png], i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...entries.map(([, png]) => png)]);
}

/** ICNS: 'icns' + total length, then (type, length including its 8-byte header, PNG). */
export function encodeIcns(elements) {
  const parts = elements.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const rendered = new Map();

  /** Rasterises the vector at each size, so small icons are drawn, not shrunk. */
  async function render(variant, size) {
    const key = `${variant}:${size}`;
    if (rendered.has(key)) return rendered.get(key);
    const { css, crop } = variants[variant];
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}${css}</style>${source}`,
    );
    if (crop) {
      // Glyph-only icons fill their square: crop the viewBox to the glyph, padded 4 %.
      await page.evaluate(() => {
        const svg = globalThis.document.querySelector('svg'); // runs in the page
        const box = svg.getElementById('glyph').getBBox();
        const side = Math.max(box.width, box.height) * 1.08;
        const x = box.x + box.width / 2 - side / 2;
        const y = box.y + box.height / 2 - side / 2;
        svg.setAttribute('viewBox', `${x} ${y} ${side} ${side}`);
      });
    }
    const png = await page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
    rendered.set(key, png);
    return png;
  }

  try {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(path.join(outDir, 'png'), { recursive: true });
    mkdirSync(path.join(outDir, 'tray'), { recursive: true });
    const write = (file, data) => writeFileSync(path.join(outDir, file), data);

    // Linux: electron-builder takes a folder of NxN.png; the window icon is icon.png.
    for (const size of linuxSizes) write(`png/${size}x${size}.png`, await render('app', size));
    write('icon.png', await render('app', 512));

    const icoPngs = new Map();
    for (const size of icoSizes) icoPngs.set(size, await render('app', size));
    write('icon.ico', encodeIco(icoPngs));

    const icnsElements = [];
    for (const [type, size] of icnsTypes) icnsElements.push([type, await render('app', size)]);
    write('icon.icns', encodeIcns(icnsElements));

    // Tray: 16 px at 1x with scale variants that nativeImage picks up by suffix;
    // Windows also gets ICOs so each DPI has a drawn size.
    const trayFiles = {
      trayIdle: 'tray-idle',
      trayActive: 'tray-active',
      trayIdleTemplate: 'tray-idleTemplate',
      trayActiveMac: 'tray-active-mac',
    };
    for (const [variant, name] of Object.entries(trayFiles)) {
      for (const [scale, suffix] of trayScales) write(`tray/${name}${suffix}.png`, await render(variant, 16 * scale));
    }
    for (const variant of ['trayIdle', 'trayActive']) {
      const pngs = new Map();
      for (const size of trayIcoSizes) pngs.set(size, await render(variant, size));
      write(`tray/${trayFiles[variant]}.ico`, encodeIco(pngs));
    }
    console.log(`icons written to ${path.relative(projectDir, outDir)}/`);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`make-icons: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
