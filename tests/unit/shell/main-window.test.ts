// The console's own window (issue 2, SS-8): sandboxed, isolated, no Node, its
// navigation locked to app://console, no new windows, and only its own main
// frame showing our UI may call main — driven through the shared Electron model.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { createMainWindow, isConsoleFrame } from '../../../src-main/shell/main-window';
import { resolveInside } from '../../../src-main/shell/app-protocol';
import { BrowserWindow, electronFake, fakeEvent } from '../../support/electron-mock';

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function open() {
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', title: 'Impersonation Console', icon: '/app/icon.png', logger });
  return electronFake.onlyWindow();
}

beforeEach(() => {
  electronFake.reset();
  logger.warn.mockClear();
});

describe('the main window', () => {
  it('is sandboxed and isolated, without Node, webviews or any preload but ours, and shows our UI once loaded', async () => {
    const window = open();
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(window.shown).toBe(false);
    await vi.waitFor(() => expect(window.shown).toBe(true)); // ready-to-show
    expect(window.webContents.getURL()).toBe('app://console/index.html');
  });

  it('stays on our UI: other origins, look-alikes and file: are refused, and logged', async () => {
    const window = open();
    await vi.waitFor(() => expect(window.shown).toBe(true));
    expect(await window.webContents.navigateFromPage('app://console/index.html#logs')).toMatchObject({ kind: 'committed' });
    for (const url of ['https://odoo.example.com/odoo', 'app://console.evil/index.html', 'file:///etc/passwd']) {
      expect(await window.webContents.navigateFromPage(url), url).toEqual({ kind: 'cancelled' });
    }
    expect(window.webContents.mainFrame.url).toBe('app://console/index.html#logs');
    expect(logger.warn).toHaveBeenCalledWith('main-window.navigation-refused', expect.anything());
  });

  it('opens no new windows and attaches no webviews', () => {
    const window = open();
    expect(window.webContents.requestWindow('app://console/index.html')).toEqual({ action: 'deny' });
    const attach = fakeEvent();
    window.webContents.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
  });

  it('lets only its own main frame showing our UI call main (SS-8)', async () => {
    const window = open();
    await vi.waitFor(() => expect(window.shown).toBe(true));
    const contents = window.webContents;
    const own = { sender: contents, senderFrame: contents.mainFrame };
    expect(isConsoleFrame(window as never, own as never)).toBe(true);
    expect(isConsoleFrame(window as never, { sender: contents, senderFrame: { url: 'app://console/index.html' } } as never)).toBe(false);
    expect(isConsoleFrame(window as never, { sender: contents, senderFrame: null } as never)).toBe(false);
    const other = new BrowserWindow();
    expect(isConsoleFrame(window as never, { sender: other.webContents, senderFrame: contents.mainFrame } as never)).toBe(false);
    contents.mainFrame.url = 'https://odoo.example.com/odoo';
    expect(isConsoleFrame(window as never, own as never)).toBe(false);
    window.destroy();
    expect(isConsoleFrame(window as never, own as never)).toBe(false);
  });
});

describe('the app:// protocol', () => {
  it('serves files inside the renderer folder only', () => {
    expect(resolveInside('/app/out/renderer', 'app://console/index.html')).toBe('/app/out/renderer/index.html');
    expect(resolveInside('/app/out/renderer', 'app://console/assets/index.js')).toBe('/app/out/renderer/assets/index.js');
    expect(resolveInside('/app/out/renderer', 'app://console/')).toBe('/app/out/renderer/index.html');
    // The URL parser folds encoded dot segments at the root: still inside.
    expect(resolveInside('/app/out/renderer', 'app://console/%2e%2e/%2e%2e/secrets.json')).toBe('/app/out/renderer/secrets.json');
    expect(resolveInside('/app/out/renderer', 'app://console/..%2F..%2Fmain/index.js')).toBeNull();
    expect(resolveInside('/app/out/renderer', 'app://elsewhere/index.html')).toBeNull();
  });
});
