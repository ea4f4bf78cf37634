// The composition root of the desktop app: the only place besides src-main/shell
// that imports Electron. It owns start (single instance, protocol, window, IPC)
// and quit (end the active session first, with a bounded wait).
import { app, BrowserWindow } from 'electron';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConsole } from './console';
import { createLogger } from './logger';
import { registerAppScheme, serveAppScheme } from '../shell/app-protocol';
import { createMainWindow } from '../shell/main-window';
import { bridgeConsoleOverIpc } from '../shell/ipc-bridge';
import { electronSafeStorage } from '../shell/safe-storage';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  const userDataDir = app.getPath('userData');
  mkdirSync(path.join(userDataDir, 'logs'), { recursive: true });
  const logFile = path.join(userDataDir, 'logs', 'console.log');
  const logger = createLogger((line) => appendFileSync(logFile, `${line}\n`, { mode: 0o600 }));

  const console = createConsole({
    userDataDir,
    logger,
    safeStorage: electronSafeStorage(),
    info: {
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      electronRuntime: true,
      electronVersion: process.versions.electron ?? null,
      chromeVersion: process.versions.chrome ?? null,
      transport: 'ipc',
    },
  });

  serveAppScheme(rendererDir);
  const window = createMainWindow({ preloadPath, title: app.getName(), logger });
  const unbridge = bridgeConsoleOverIpc(window, console.handlers, console.events, logger);

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    void console.shutdown().finally(() => {
      unbridge();
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
  logger.info('console.started', { windows: BrowserWindow.getAllWindows().length });
}
