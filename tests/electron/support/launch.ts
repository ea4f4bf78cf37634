// Launches the built desktop app with Playwright's Electron launcher, each run
// with its own user-data folder, the way `npm start` launches it
// (build/electron-launch.ts): the project folder as the app, so that
// app.getAppPath() is the project, and the Electron-ABI better-sqlite3 built
// first when missing (that needs internet once). Where the Electron runtime is
// absent (machines that cannot download it), the suite skips and prints why.
import { _electron as electron, test, type ElectronApplication } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronAppArgs, prepareElectronNativeModule } from '../../../build/electron-launch';
import { electronBinaryPath } from '../../../src-main/shell/electron-runtime';

const projectDir = path.resolve(import.meta.dirname, '../../..');
let nativeModuleReady = false;

export const electronPath = electronBinaryPath();
export const skipReason =
  'Electron runtime absent (it cannot be downloaded on this machine); run `node node_modules/electron/install.js` with internet access to enable this suite.';

export function skipWithoutElectron(): void {
  if (!electronPath) console.log(`[electron suite] skipped: ${skipReason}`);
  test.skip(!electronPath, skipReason);
}

export interface LaunchOptions {
  /** Variables added to this process's environment for the app (e.g. CONSOLE_DEMO_ODOO_URL). */
  env?: Record<string, string>;
  /** Reuse a user-data folder, e.g. to see what an earlier run recorded; a fresh one otherwise. */
  userDataDir?: string;
}

/** A fresh, empty user-data folder for one app run (or several in a row). */
export function newUserDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'console-electron-'));
}

export async function launchConsole(options: LaunchOptions = {}): Promise<ElectronApplication> {
  const userData = options.userDataDir ?? newUserDataDir();
  if (!nativeModuleReady) {
    prepareElectronNativeModule(projectDir);
    nativeModuleReady = true;
  }
  return electron.launch({
    executablePath: electronPath!,
    cwd: projectDir,
    args: [...electronAppArgs(projectDir), `--user-data-dir=${userData}`],
    // Without `env`, Playwright passes this process's environment unchanged.
    ...(options.env ? { env: { ...inheritedEnv(), ...options.env } } : {}),
  });
}

/** process.env without its unset entries (the launcher takes strings only). */
function inheritedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
