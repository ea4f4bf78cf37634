// The console's own window (issue 2, SS-8): sandboxed, isolated, no Node, its
// navigation locked to app://console, no new windows, and only its own main
// frame showing our UI may call main.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => ({ windows: [] as unknown[] }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakeContents extends EventEmitter {
    openHandler: ((details: { url: string }) => { action: string }) | null = null;
    mainFrame = { url: 'app://console/index.html' };
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.openHandler = handler;
    }
  }
  class BrowserWindow extends EventEmitter {
    readonly webContents = new FakeContents();
    loaded: string | null = null;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      created.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    show() {}
  }
  return { BrowserWindow, net: { fetch: vi.fn() }, protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() } };
});

const { createMainWindow, isConsoleFrame } = await import('../../../src-main/shell/main-window');
const { resolveInside } = await import('../../../src-main/shell/app-protocol');

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
type Fake = EventEmitter & {
  options: { webPreferences: Record<string, unknown> };
  loaded: string;
  webContents: EventEmitter & { openHandler: (details: { url: string }) => { action: string }; mainFrame: { url: string } };
};

function open(): Fake {
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', title: 'Impersonation Console', icon: '/app/icon.png', logger });
  return created.windows.at(-1) as Fake;
}

function navigation(window: Fake, url: string): boolean {
  let prevented = false;
  window.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

beforeEach(() => {
  created.windows.length = 0;
  logger.warn.mockClear();
});

describe('the main window', () => {
  it('is sandboxed and isolated, without Node, webviews or any preload but ours, and shows our UI', () => {
    const window = open();
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(window.loaded).toBe('app://console/index.html');
  });

  it('stays on our UI: other origins, look-alikes and file: are refused, and logged', () => {
    const window = open();
    expect(navigation(window, 'app://console/index.html#logs')).toBe(false);
    for (const url of ['https://odoo.example.com/odoo', 'app://console.evil/index.html', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(navigation(window, url), url).toBe(true);
    }
    expect(logger.warn).toHaveBeenCalledWith('main-window.navigation-refused', expect.anything());
  });

  it('opens no new windows and attaches no webviews', () => {
    const window = open();
    expect(window.webContents.openHandler({ url: 'app://console/index.html' })).toEqual({ action: 'deny' });
    let prevented = false;
    window.webContents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('lets only its own main frame showing our UI call main (SS-8)', () => {
    const window = open();
    const contents = window.webContents;
    const own = { sender: contents, senderFrame: contents.mainFrame };
    expect(isConsoleFrame(window as never, own as never)).toBe(true);
    expect(isConsoleFrame(window as never, { sender: new EventEmitter(), senderFrame: contents.mainFrame } as never)).toBe(false);
    expect(isConsoleFrame(window as never, { sender: contents, senderFrame: { url: 'app://console/index.html' } } as never)).toBe(false);
    expect(isConsoleFrame(window as never, { sender: contents, senderFrame: null } as never)).toBe(false);
    contents.mainFrame.url = 'https://odoo.example.com/odoo';
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
