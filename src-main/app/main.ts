// The composition root of the desktop app: the only place besides src-main/shell
// that imports Electron. It owns start (single instance, protocol, window, IPC,
// tray, power events) and quit: the active session ends first, with a bounded
// wait, whether the user quits, closes the window, or the OS shuts down.
import { app, BrowserWindow } from 'electron';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronNativeBindingFor, packagedNativeBinding } from '../../build/native-binding';
import type { SessionView } from '../../src-preload/contract';
import {
  bridgeConsoleOverIpc,
  ConsoleTray,
  createMainWindow,
  electronSafeStorage,
  ImpersonationView,
  installAboutPanel,
  installAppMenu,
  mainTranslator,
  registerAppScheme,
  serveAppScheme,
  watchPowerEvents,
  windowTitle,
} from '../shell';
import { createLogger, IDLE_SESSION_VIEW } from '../core';
import { createConsole } from './console';
import { connectToDemoServer, DEMO_URL_VARIABLE } from './demo-connection';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

/** Icons and the Electron-ABI SQLite addon: beside the app when packaged, in the project otherwise. */
function resourcePath(...parts: string[]): string {
  return app.isPackaged ? path.join(process.resourcesPath, ...parts) : path.join(app.getAppPath(), 'resources', ...parts);
}

function nativeBinding(): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, packagedNativeBinding)
    : electronNativeBindingFor(app.getAppPath(), process.platform, process.arch);
}

/** macOS draws the idle icon as a template (it follows the menu bar); the active one stays orange on purpose. */
function trayIcons(): { idle: string; active: string } {
  const mac = process.platform === 'darwin';
  return {
    idle: resourcePath('icons', 'tray', mac ? 'tray-idleTemplate.png' : 'tray-idle.png'),
    active: resourcePath('icons', 'tray', mac ? 'tray-active-mac.png' : 'tray-active.png'),
  };
}

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

  serveAppScheme(rendererDir);
  const window = createMainWindow({ preloadPath, title: app.getName(), icon: resourcePath('icons', 'icon.png'), logger });
  const view = new ImpersonationView(window, logger);
  const services = createConsole({
    userDataDir,
    logger,
    view,
    safeStorage: electronSafeStorage(),
    nativeBinding: nativeBinding(),
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
  const unbridge = bridgeConsoleOverIpc(window, services.handlers, services.events, logger);

  let t = mainTranslator(services.settings.get().language);
  installAboutPanel(resourcePath('icons', 'icon.png'));
  installAppMenu(t);
  const show = () => {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const tray = new ConsoleTray({
    icons: trayIcons(),
    t,
    actions: {
      onStop: () => void services.impersonation.stop('tray'),
      onShow: show,
      onQuit: () => app.quit(),
    },
  });
  let lastView: SessionView = IDLE_SESSION_VIEW;
  services.events.listen((event, payload) => {
    if (event === 'sessionState') {
      lastView = payload as SessionView;
      tray.update(lastView);
      if (!window.isDestroyed()) window.setTitle(windowTitle(lastView, t));
    } else if (event === 'countdown') {
      tray.updateCountdown(payload as { secondsLeft: number; warning: boolean });
    } else if (event === 'settingsChanged') {
      t = mainTranslator((payload as { language: 'en' | 'es' }).language);
      tray.setTranslate(t);
      installAppMenu(t);
      if (!window.isDestroyed()) window.setTitle(windowTitle(lastView, t));
    }
  });

  const unwatchPower = watchPowerEvents(
    {
      endSession: async (cause) => {
        await services.impersonation.shutdown(cause);
      },
      recheckDeadline: () => void services.impersonation.resume(),
      quit: () => app.quit(),
    },
    { logger },
  );

  const demoUrl = process.env[DEMO_URL_VARIABLE];
  if (demoUrl && !app.isPackaged) {
    connectToDemoServer(services, demoUrl).catch((error: unknown) => logger.warn('demo.connect-failed', { error }));
  }

  app.on('second-instance', show);

  // Closing the window ends the session first (FT-2), then the app quits.
  let windowMayClose = false;
  window.on('close', (event) => {
    if (windowMayClose || !services.impersonation.isBusy()) return;
    event.preventDefault();
    void services.impersonation.shutdown('window-close').finally(() => {
      windowMayClose = true;
      window.close();
    });
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    void services.shutdown('quit').finally(() => {
      unwatchPower();
      unbridge();
      tray.destroy();
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
  logger.info('console.started', { windows: BrowserWindow.getAllWindows().length });
}
