// The console's own window: sandboxed, context-isolated, no Node, our preload
// only; its navigation is locked to our UI and it opens no other windows.
import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './app-protocol';
import type { Logger } from '../core';

export interface MainWindowOptions {
  preloadPath: string;
  title: string;
  /** Window icon (Linux and Windows; macOS takes the app bundle's). */
  icon: string;
  logger: Logger;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: options.title,
    icon: options.icon,
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      options.logger.warn('main-window.navigation-refused', { origin: safeOrigin(url) });
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** SS-8: only the main frame of our own window, showing our own UI, may call. */
export function isConsoleFrame(window: BrowserWindow, event: IpcMainInvokeEvent): boolean {
  if (window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== window.webContents.mainFrame) return false;
  return isAppUrl(frame.url);
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid-url';
  }
}
