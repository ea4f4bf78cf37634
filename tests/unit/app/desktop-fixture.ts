// Runs the desktop app (runDesktopApp, what main.ts calls) against the mocked
// electron module: a project folder of its own whose Electron-ABI SQLite addon
// is a copy of the Node build the tests use (same path rules as the real app),
// a fresh user-data folder, the OS and the user played through electronFake.
// Each test file must `vi.mock('electron', () => import('../../support/electron-mock'))`.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { MethodChannel } from '../../../src-preload/channels';
import type { Envelope, MethodInput, MethodOutput } from '../../../src-preload/contract';
import { runDesktopApp, type RunningDesktopApp } from '../../../src-main/app/desktop-app';
import { electronNativeBindingFor } from '../../../build/native-binding';
import { app, dialog, electronFake, type FakeOptions } from '../../support/electron-mock';

const require = createRequire(import.meta.url);

export interface DesktopRunOptions extends FakeOptions {
  /** False: another instance holds the single-instance lock. */
  singleInstance?: boolean;
  /** Leave the Electron-ABI addon out: the start must fail. */
  withoutNativeModule?: boolean;
  env?: Record<string, string>;
  userData?: string;
  locale?: string;
  /** What app.getAppPath() answers: the project for `electron .`, out/main for `electron out/main/index.js`. */
  appPath?: 'project' | 'out/main';
}

export interface DesktopRun {
  running: RunningDesktopApp | null;
  userData: string;
  projectDir: string;
  call<C extends MethodChannel>(channel: C, input?: MethodInput<C>): Promise<MethodOutput<C>>;
}

/** A project folder as `npm start` leaves it: out/main, and .native/electron/<platform>-<arch>/better_sqlite3.node. */
export function projectFolder(platform: string, withNativeModule: boolean): string {
  const projectDir = mkdtempSync(path.join(os.tmpdir(), 'desktop-app-'));
  mkdirSync(path.join(projectDir, 'out', 'main'), { recursive: true });
  if (withNativeModule) {
    const nodeBuild = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    const target = electronNativeBindingFor(projectDir, platform, process.arch);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(nodeBuild, target);
  }
  return projectDir;
}

export async function startDesktop(options: DesktopRunOptions = {}): Promise<DesktopRun> {
  const platform = options.platform ?? 'linux';
  const userData = options.userData ?? mkdtempSync(path.join(os.tmpdir(), 'desktop-user-data-'));
  const projectDir = projectFolder(platform, !options.withoutNativeModule);
  const appPath = options.appPath === 'out/main' ? path.join(projectDir, 'out', 'main') : projectDir;
  electronFake.reset({ ...options, platform, ready: false, userData, appPath, locale: options.locale ?? 'en-US' });
  const started = runDesktopApp({
    app,
    dialog,
    platform,
    arch: process.arch,
    mainDir: path.join(projectDir, 'out', 'main'),
    resourcesPath: path.join(projectDir, 'no-resources-unpackaged'),
    env: options.env ?? {},
    versions: { electron: '40.8.5', chrome: '144.0.0.0' },
  });
  electronFake.becomeReady();
  const running = await started;
  return {
    running,
    userData,
    projectDir,
    call: async (channel, input) => {
      const envelope = (await electronFake.invoke(channel, input)) as Envelope<never>;
      if (!envelope.ok) throw Object.assign(new Error(`${channel}: ${envelope.error.key}`), envelope.error);
      return envelope.value;
    },
  };
}

/** Resolves once the fake app has left (quit, exit or killed). */
export async function appHasLeft(timeoutMs = 10_000): Promise<NonNullable<typeof electronFake.exit>> {
  const started = Date.now();
  while (!electronFake.exit) {
    if (Date.now() - started > timeoutMs) throw new Error('the app did not leave');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return electronFake.exit;
}
