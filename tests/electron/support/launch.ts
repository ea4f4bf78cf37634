// Launches the built desktop app with Playwright's Electron launcher, each run
// with its own user-data folder. Where the Electron runtime is absent (machines
// that cannot download it), the suite skips and prints why.
import { _electron as electron, test, type ElectronApplication } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinaryPath } from '../../../src-main/app/electron-runtime';

export const electronPath = electronBinaryPath();
export const skipReason =
  'Electron runtime absent (it cannot be downloaded on this machine); run `node node_modules/electron/install.js` with internet access to enable this suite.';

export function skipWithoutElectron(): void {
  if (!electronPath) console.log(`[electron suite] skipped: ${skipReason}`);
  test.skip(!electronPath, skipReason);
}

export async function launchConsole(): Promise<ElectronApplication> {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'console-electron-'));
  return electron.launch({
    executablePath: electronPath!,
    args: [path.resolve('out/main/index.js'), `--user-data-dir=${userData}`],
  });
}
