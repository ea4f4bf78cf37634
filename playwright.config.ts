import { defineConfig } from '@playwright/test';

// e2e: the real renderer in Debian's Chromium, through the harness (real main-
// process services, no Electron), against the Odoo simulator. odoo: the same
// against a real Odoo (ODOO_URL…, see tests/odoo-e2e/support/real-odoo.ts); it
// skips without one, and runs on one worker, since real-server tests share one
// database. electron: the desktop app itself, through Playwright's Electron
// launcher; it skips where the Electron runtime is absent.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  viewport: { width: 1280, height: 800 },
};

export default defineConfig({
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: process.env.ODOO_URL ? 1 : 2,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? 'test-results/playwright.json' }]],
  projects: [
    { name: 'e2e', testDir: 'tests/e2e', use: chromium },
    {
      name: 'odoo',
      testDir: 'tests/odoo-e2e',
      outputDir: `test-results/playwright-odoo-${process.env.ODOO_E2E_VERSION ?? '18'}`,
      expect: { timeout: 20_000 },
      use: chromium,
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
