// Issue 13's UI figure for `npm run bench`: Enter in the reason dialog → the session
// banner shown, in the harness (the real renderer in Debian's Chromium, real main
// services), 20 starts after 2 warm-up ones, with where the time went: every message on
// the UI's socket between Enter and the banner, with its time since Enter. The harness
// runs with the test-only raised rate limit (printed); the product's limit stays 5.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Page } from '@playwright/test';
import { BENCH_RATE_LIMIT, percentile } from './start-bench';

const root = path.resolve(import.meta.dirname, '../..');
/**
 * BENCH_HARNESS_ROOT: time another checkout's harness instead (e.g. the commit before issue 13,
 * built with `npm run build:harness` there). It has no raised rate limit: at most 3 timed runs.
 */
const harnessRoot = process.env.BENCH_HARNESS_ROOT ?? root;
const otherCheckout = harnessRoot !== root;
const REASON = 'Benchmark: Enter to banner, issue 13';
/** How long the reason takes to type: a person needs several seconds for ten characters or more. */
export const TYPING_MS = 2_000;

export interface UiFigures {
  label: string;
  enterToBanner: number[];
  /** One run's socket messages between Enter and the banner: [ms since Enter, what]. */
  timeline: Array<[number, string]>;
}

async function launchHarness(args: string[]): Promise<{ child: ChildProcess; url: string; odooUrl: string | null }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ui-bench-'));
  const limit = otherCheckout ? [] : ['--test-only-rate-limit', String(BENCH_RATE_LIMIT)];
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/harness/cli.ts', '--data-dir', dataDir, ...limit, ...args], {
    cwd: harnessRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`harness exited early (${code})`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  const ready = JSON.parse(line) as { url: string; odooUrl?: string };
  return { child, url: ready.url, odooUrl: ready.odooUrl ?? null };
}

async function connect(page: Page, server: { url: string; database: string; login: string; password: string }): Promise<void> {
  const report = await page.evaluate(async (s) => {
    const api = (globalThis as unknown as { consoleApi: { connections: { save(x: unknown): Promise<{ ok: boolean; value: { id: string } }>; connect(x: unknown): Promise<unknown> } } }).consoleApi;
    const saved = await api.connections.save({ name: 'Bench', url: s.url, database: s.database, login: s.login, password: s.password, rememberPassword: false });
    return api.connections.connect({ id: saved.value.id, password: s.password });
  }, server);
  if (!(report as { ok: boolean; value?: { ok: boolean } }).value?.ok) throw new Error(`connect failed: ${JSON.stringify(report)}`);
}

/** `server`: a real Odoo; without it, the simulator the harness starts (with `simHashDelayMs` of password hashing). */
export async function benchUi(
  label: string,
  options: { server?: { url: string; database: string; login: string; password: string }; targetName: string; runs?: number; simHashDelayMs?: number },
): Promise<UiFigures> {
  const runs = otherCheckout ? Math.min(3, options.runs ?? 3) : (options.runs ?? 20);
  const harnessArgs = options.server || otherCheckout ? [] : ['--odoo-sim', '--sim-hash-delay', String(options.simHashDelayMs ?? 250)];
  const harness = await launchHarness(harnessArgs);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const figures: UiFigures = { label, enterToBanner: [], timeline: [] };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let frames: Array<[number, string]> = [];
    page.on('websocket', (socket) => {
      const note = (direction: string) => (frame: { payload: string | Buffer }) => {
        const text = String(frame.payload);
        const channel = /"(?:channel|event)":"([^"]+)"/.exec(text)?.[1] ?? /"phase":"([^"]+)"/.exec(text)?.[1] ?? text.slice(0, 40);
        frames.push([Date.now(), `${direction} ${channel}${/"phase":"([^"]+)"/.exec(text) ? ` (${/"phase":"([^"]+)"/.exec(text)![1]})` : ''}`]);
      };
      socket.on('framesent', note('→'));
      socket.on('framereceived', note('←'));
    });
    await page.goto(harness.url);
    await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    await connect(page, options.server ?? { url: harness.odooUrl!, database: 'odoo', login: 'admin', password: 'admin' });

    for (let run = 0; run < runs + 2; run += 1) {
      await page.getByRole('button', { name: 'Users', exact: true }).click();
      await page.getByRole('button', { name: `Impersonate ${options.targetName}` }).click();
      const field = page.getByRole('dialog').getByLabel('Reason');
      await field.fill(`${REASON} (${run})`);
      // The reason is typed while main warms the session: give it the time a person takes.
      await page.waitForTimeout(TYPING_MS);
      // Stamp the banner's first paint from inside the page, then press Enter.
      // A string, not a function: the bundler's helpers do not exist in the page.
      await page.evaluate(`(() => {
        window.__bannerAt = undefined;
        const seen = () => {
          if (document.querySelector('section.session-banner')) window.__bannerAt = performance.timeOrigin + performance.now();
          else requestAnimationFrame(seen);
        };
        document.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') window.__enterAt = performance.timeOrigin + performance.now();
        }, { once: true, capture: true });
        requestAnimationFrame(seen);
      })()`);
      frames = [];
      await field.press('Enter');
      await page.locator('section.session-banner').waitFor();
      // Polled inside the page (an expression, not eval: the console's CSP forbids eval).
      await page.evaluate(`new Promise((resolve) => { const wait = () => (window.__bannerAt !== undefined ? resolve(true) : requestAnimationFrame(wait)); wait(); })`);
      const { enterAt, bannerAt } = (await page.evaluate('({ enterAt: window.__enterAt, bannerAt: window.__bannerAt })')) as { enterAt: number; bannerAt: number };
      if (run >= 2) {
        figures.enterToBanner.push(bannerAt - enterAt);
        figures.timeline = [...frames.filter(([at]) => at <= bannerAt + 1).map(([at, what]) => [Math.round(at - enterAt), what] as [number, string]), [Math.round(bannerAt - enterAt), 'banner painted']];
      }
      await page.locator('section.session-banner').getByRole('button', { name: 'Stop', exact: true }).click();
      await page.getByText('Impersonation ended').waitFor();
    }
  } finally {
    await browser.close();
    harness.child.kill('SIGTERM');
  }
  return figures;
}

export function printUiFigures(all: UiFigures[]): void {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`\nEnter in the reason dialog → banner painted, in the harness (real renderer in Chromium; ${TYPING_MS} ms of typing before Enter). TEST-ONLY SETTING: rate limit raised to ${BENCH_RATE_LIMIT}/min; the product's stays 5.\n`);
  console.table(all.map((f) => ({ server: f.label, runs: f.enterToBanner.length, p50: ms(percentile(f.enterToBanner, 50)), p95: ms(percentile(f.enterToBanner, 95)), target: 'p95 ≤ 200 ms' })));
  for (const f of all) console.log(`${f.label}, one run, socket messages after Enter: ${f.timeline.map(([at, what]) => `+${at} ${what}`).join(' | ')}`);
}
