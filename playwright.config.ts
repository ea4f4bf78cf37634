import { defineConfig } from '@playwright/test';

// e2e: the real renderer in Debian's Chromium, through the harness (real main-
// process services, no Electron). electron: the desktop app itself, through
// Playwright's Electron launcher; it skips where the Electron runtime is absent.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
        viewport: { width: 1280, height: 800 },
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
