// The composition root of the desktop app: the only place besides src-main/shell
// that imports Electron. It hands Electron's app and dialog, and the facts of
// this process, to runDesktopApp (desktop-app.ts), which the lifecycle tests run
// against the mocked electron module.
import { app, dialog } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDesktopApp } from './desktop-app';

void runDesktopApp({
  app,
  dialog,
  platform: process.platform,
  arch: process.arch,
  mainDir: path.dirname(fileURLToPath(import.meta.url)),
  resourcesPath: process.resourcesPath,
  env: process.env,
  versions: { electron: process.versions.electron, chrome: process.versions.chrome },
});
