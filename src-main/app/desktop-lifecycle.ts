// How the running desktop app behaves until it leaves (FT-2, issue 19): the
// active session ends before every way out — quit, closing the window, the
// system's shutdown on each platform — with a bounded wait; a second launch or
// "Show console" brings the window back, unless it is already gone because the
// app is quitting; the tray and the title follow the session; a page refused
// something reaches the banner. The tray may be invisible (stock GNOME shows no
// status icons), so nothing here depends on it: Stop is in the banner, and
// closing the window quits instead of hiding to the tray.
import type { SessionView, ViewRefusal } from '../../src-preload/contract';
import { IDLE_SESSION_VIEW, type Logger } from '../core';
import { installAppMenu, watchPowerEvents, windowTitle, type ConsoleTray, type createMainWindow, type ImpersonationView } from '../shell';
import type { ConsoleInstance } from './console';
import { mainTranslator } from '../api';

/** The slice of Electron's `app` the desktop app uses (main.ts hands in the real one). */
export interface DesktopAppApi {
  readonly isPackaged: boolean;
  readonly commandLine: { hasSwitch(name: string): boolean };
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<unknown>;
  getPath(name: 'userData'): string;
  getName(): string;
  getVersion(): string;
  getLocale(): string;
  quit(): void;
  exit(code?: number): void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Electron's own listener types vary per event
  on(event: 'second-instance' | 'before-quit' | 'window-all-closed', listener: (...args: any[]) => void): unknown;
}

type Translate = ReturnType<typeof mainTranslator>;

export interface LifecycleParts {
  app: DesktopAppApi;
  window: ReturnType<typeof createMainWindow>;
  view: ImpersonationView;
  services: ConsoleInstance;
  logger: Logger;
  platform: NodeJS.Platform;
  unbridge(): void;
}

export interface Lifecycle {
  /** Brings the window forward; does nothing once it is gone or the app is leaving. */
  show(): void;
  attachTray(tray: ConsoleTray, t: Translate): void;
}

export function wireLifecycle(parts: LifecycleParts): Lifecycle {
  const { app, window, view, services, logger, platform } = parts;
  let leaving = false; // the quit's shutdown has begun
  let left = false; // and finished: let Electron quit
  let tray: ConsoleTray | null = null;
  let t: Translate = mainTranslator(services.settings.get().language);
  let lastView: SessionView = IDLE_SESSION_VIEW;

  const show = (): void => {
    if (leaving || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  app.on('second-instance', show);

  services.events.listen((event, payload) => {
    if (event === 'sessionState') {
      lastView = payload as SessionView;
      tray?.update(lastView);
      if (!window.isDestroyed()) window.setTitle(windowTitle(lastView, t));
    } else if (event === 'countdown') {
      tray?.updateCountdown(payload as { secondsLeft: number; warning: boolean });
    } else if (event === 'settingsChanged') {
      t = mainTranslator((payload as { language: 'en' | 'es' }).language);
      tray?.setTranslate(t);
      installAppMenu(t);
      if (!window.isDestroyed()) window.setTitle(windowTitle(lastView, t));
    }
  });
  view.onViewRefused((refusal: ViewRefusal) => services.events.emit('viewRefused', refusal));
  if (app.commandLine.hasSwitch('no-sandbox')) {
    // The AppImage's launcher drops the sandbox where the kernel refuses it (docs in README).
    logger.warn('console.no-sandbox');
    services.events.noticeForEveryone({ key: 'desktop.sandboxDisabled', level: 'warning' });
  }

  const unwatchPower = watchPowerEvents(
    {
      endSession: async (cause) => {
        await services.impersonation.shutdown(cause);
      },
      recheckDeadline: () => void services.impersonation.resume(),
      quit: () => app.quit(),
      sessionRunning: () => services.impersonation.isBusy(),
    },
    { logger, platform, window },
  );

  // Closing the window ends the session first (FT-2), then the app quits.
  let windowMayClose = false;
  window.on('close', (event) => {
    if (windowMayClose || leaving || !services.impersonation.isBusy()) return;
    event.preventDefault();
    void services.impersonation.shutdown('window-close').finally(() => {
      windowMayClose = true;
      if (!window.isDestroyed()) window.close();
    });
  });

  // Quitting (menu, tray, Cmd+Q, the last window closing, a finished shutdown):
  // held until the session has ended and everything is closed, then let through.
  app.on('before-quit', (event: { preventDefault(): void }) => {
    if (left) return;
    event.preventDefault();
    if (leaving) return;
    leaving = true;
    void services.shutdown('quit').finally(() => {
      unwatchPower();
      parts.unbridge();
      tray?.destroy();
      left = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());

  return {
    show,
    attachTray(next, translate) {
      tray = next;
      t = translate;
      tray.update(lastView);
    },
  };
}
