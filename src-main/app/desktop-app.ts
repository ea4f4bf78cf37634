// The desktop app's start and its failure (issue 19): main.ts hands in Electron's
// app and dialog and the facts of the process; everything else comes from the
// shell. Single instance, the app:// scheme before `ready`, then the window, the
// view, the console's services, the IPC bridge, the menus and the tray, and the
// lifecycle (desktop-lifecycle.ts). A start that fails shows one error box and
// leaves with exit code 1: never a window without its IPC handlers.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { mainTranslator } from '../api';
import { createLogger, type Logger } from '../core';
import {
  bridgeConsoleOverIpc,
  ConsoleTray,
  createMainWindow,
  electronSafeStorage,
  ImpersonationView,
  installAboutPanel,
  installAppMenu,
  registerAppScheme,
  serveAppScheme,
} from '../shell';
import { appLayout } from './app-layout';
import { createConsole, type ConsoleInstance } from './console';
import { connectToDemoServer, DEMO_URL_VARIABLE } from './demo-connection';
import { wireLifecycle, type DesktopAppApi } from './desktop-lifecycle';
import { failureLanguage, startFailureBox } from './start-failure';

export type { DesktopAppApi } from './desktop-lifecycle';

export interface DesktopAppOptions {
  app: DesktopAppApi;
  dialog: { showErrorBox(title: string, content: string): void };
  platform: NodeJS.Platform;
  arch: string;
  /** The folder of the built main bundle (out/main). */
  mainDir: string;
  resourcesPath: string;
  env: Record<string, string | undefined>;
  versions: { electron?: string; chrome?: string };
}

/** What a started app is made of (the lifecycle tests look at it). */
export interface RunningDesktopApp {
  services: ConsoleInstance;
  window: ReturnType<typeof createMainWindow>;
  view: ImpersonationView;
  tray: ConsoleTray;
}

/** What exists so far, so that a failed start can take it down again. */
interface Partial {
  logger?: Logger;
  logFile?: string;
  userDataDir?: string;
  window?: RunningDesktopApp['window'];
  services?: ConsoleInstance;
}

/** Starts the app; resolves with it once up, or with null when it is not this instance's to run or it failed. */
export function runDesktopApp(options: DesktopAppOptions): Promise<RunningDesktopApp | null> {
  const { app } = options;
  if (!app.requestSingleInstanceLock()) {
    app.quit(); // the first instance shows its window (second-instance)
    return Promise.resolve(null);
  }
  registerAppScheme(); // must precede `ready`
  const partial: Partial = {};
  return app
    .whenReady()
    .then(() => start(options, partial))
    .catch((error: unknown) => {
      failAtStart(options, partial, error);
      return null;
    });
}

function start(options: DesktopAppOptions, partial: Partial): RunningDesktopApp {
  const { app, platform } = options;
  const layout = appLayout({ isPackaged: app.isPackaged, mainDir: options.mainDir, resourcesPath: options.resourcesPath, platform, arch: options.arch });
  const userDataDir = (partial.userDataDir = app.getPath('userData'));
  const logFile = (partial.logFile = path.join(userDataDir, 'logs', 'console.log'));
  mkdirSync(path.dirname(logFile), { recursive: true });
  const logger = (partial.logger = createLogger((line) => appendFileSync(logFile, `${line}\n`, { mode: 0o600 })));

  serveAppScheme(layout.rendererDir);
  const window = (partial.window = createMainWindow({ preloadPath: layout.preloadPath, title: app.getName(), icon: layout.windowIcon, logger }));
  const view = new ImpersonationView(window, logger);
  const services = (partial.services = createConsole({
    userDataDir,
    logger,
    view,
    safeStorage: electronSafeStorage(platform),
    nativeBinding: layout.nativeBinding,
    info: {
      name: app.getName(),
      version: app.getVersion(),
      platform,
      electronRuntime: true,
      electronVersion: options.versions.electron ?? null,
      chromeVersion: options.versions.chrome ?? null,
      transport: 'ipc',
    },
  }));
  const unbridge = bridgeConsoleOverIpc(window, services.handlers, services.events, logger);

  const t = mainTranslator(services.settings.get().language);
  installAboutPanel(layout.windowIcon);
  installAppMenu(t);
  const lifecycle = wireLifecycle({ app, window, view, services, logger, platform, unbridge });
  const tray = new ConsoleTray({
    icons: layout.trayIcons,
    t,
    actions: {
      onStop: () => void services.impersonation.stop('tray'),
      onShow: () => lifecycle.show(),
      onQuit: () => app.quit(),
    },
  });
  lifecycle.attachTray(tray, t);

  const demoUrl = options.env[DEMO_URL_VARIABLE];
  if (demoUrl && !app.isPackaged) {
    connectToDemoServer(services, demoUrl).catch((error: unknown) => logger.warn('demo.connect-failed', { error }));
  }
  logger.info('console.started', { platform, packaged: app.isPackaged });
  return { services, window, view, tray };
}

function failAtStart(options: DesktopAppOptions, partial: Partial, error: unknown): void {
  const logFile = partial.logFile ?? 'console.log';
  if (partial.logger) partial.logger.error('console.start-failed', { error });
  else console.error('console.start-failed', error);
  const language = failureLanguage(partial.userDataDir ?? null, options.app.getLocale());
  const box = startFailureBox(error, language, logFile);
  // The window must not show, nor go: destroying the last window would start a
  // quit (no window-all-closed listener yet) under the error box. app.exit
  // below takes it down without any event.
  const window = partial.window;
  if (window && !window.isDestroyed()) {
    window.removeAllListeners('ready-to-show');
    if (window.isVisible()) window.hide();
  }
  try {
    partial.services?.audit.close();
  } catch {
    // closing what half-opened is best effort; the exit below is not
  }
  options.dialog.showErrorBox(box.title, box.content);
  options.app.exit(1);
}
