import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { isConsoleError } from '../../../src-main/core/console-error';
import type { ImpersonationViewSpec } from '../../../src-main/core/ports';
import { READ_ONLY } from '../../../src-main/core/view-policy';
import { ImpersonationView } from '../../../src-main/shell/impersonation-view';
import { electronFake, FakeBrowserWindow, type FakeWebContents } from '../../support/electron-mock';

const COOKIE = 'C00KIE-CANARY-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-01234';

function spec(overrides: Partial<ImpersonationViewSpec> = {}): ImpersonationViewSpec {
  return {
    sessionKey: 'session-17',
    origin: 'https://odoo.example.com',
    sessionCookie: COOKIE,
    url: 'https://odoo.example.com/odoo',
    access: READ_ONLY,
    ...overrides,
  };
}

function setup() {
  const window = new FakeBrowserWindow();
  const lines: string[] = [];
  const view = new ImpersonationView(window, { warn: (event, fields) => lines.push(`${event} ${JSON.stringify(fields)}`) });
  return { window, view, lines };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

beforeEach(() => electronFake.reset());

describe('ImpersonationView.open', () => {
  it('creates a sandboxed, isolated view without Node, webviews or a preload', async () => {
    const { view } = setup();
    await view.open(spec());
    const preferences = electronFake.onlyView().options.webPreferences ?? {};
    expect(preferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      devTools: false,
    });
    expect(preferences).not.toHaveProperty('preload');
  });

  it('puts the view on an in-memory partition named after the session', async () => {
    const { view } = setup();
    await view.open(spec());
    const partition = electronFake.onlyView().options.webPreferences?.partition;
    expect(partition).toBe('impersonation-session-17');
    expect(partition?.startsWith('persist:')).toBe(false);
  });

  it('sets the session cookie on the partition only, as Odoo sets it', async () => {
    const { view } = setup();
    await view.open(spec());
    const partition = electronFake.partitions.get('impersonation-session-17');
    expect(partition?.cookies.jar).toEqual([
      { url: 'https://odoo.example.com/', name: 'session_id', value: COOKIE, path: '/', httpOnly: true, secure: true, sameSite: 'lax' },
    ]);
    expect(electronFake.defaultSession.cookies.jar).toEqual([]);
    expect([...electronFake.partitions.keys()]).toEqual(['impersonation-session-17']);
  });

  it('marks the cookie Secure only on https', async () => {
    const { view } = setup();
    await view.open(spec({ origin: 'http://127.0.0.1:8069', url: 'http://127.0.0.1:8069/odoo' }));
    expect(electronFake.partitions.get('impersonation-session-17')?.cookies.jar[0]).toMatchObject({
      url: 'http://127.0.0.1:8069/',
      secure: false,
    });
  });

  it('has every guard and the cookie in place before the page loads', async () => {
    const seenAtLoad: { guarded: boolean; cookies: number }[] = [];
    // The server answering the first request: what is in place by then.
    electronFake.hooks.respond = (_url, contents) => {
      const page = contents as FakeWebContents;
      seenAtLoad.push({
        guarded: page.windowOpenHandler !== null && page.session.permissionRequestHandler !== null && page.session.beforeRequest !== null,
        cookies: page.session.cookies.jar.length,
      });
      return { status: 200 };
    };
    const { view, window } = setup();
    await view.open(spec());
    expect(seenAtLoad).toEqual([{ guarded: true, cookies: 1 }]);
    expect(electronFake.onlyView().webContents.loadedUrls).toEqual(['https://odoo.example.com/odoo']);
    expect(window.children).toEqual([electronFake.onlyView()]);
  });

  it('gives every session its own partition and never reuses one', async () => {
    const { view } = setup();
    await view.open(spec({ sessionKey: 'a' }));
    await view.close();
    await view.open(spec({ sessionKey: 'b' }));
    await view.close();
    const reused = await rejection(view.open(spec({ sessionKey: 'a' })));
    expect(isConsoleError(reused) && reused.kind).toBe('view');
    expect(electronFake.views.map((created) => created.options.webPreferences?.partition)).toEqual([
      'impersonation-a',
      'impersonation-b',
    ]);
  });

  it.each(['persist:x', '../etc', '', 'a b', 'x'.repeat(65)])('refuses the session key %j', async (sessionKey) => {
    const { view } = setup();
    const error = await rejection(view.open(spec({ sessionKey })));
    expect(isConsoleError(error) && error.kind).toBe('view');
    expect(electronFake.views).toEqual([]);
  });

  it('refuses to load a URL outside the connection origin, before creating anything', async () => {
    const { view } = setup();
    const error = await rejection(view.open(spec({ url: 'https://odoo.example.com.evil.test/odoo' })));
    expect(isConsoleError(error) && error.params).toEqual({ reason: 'url-outside-origin' });
    expect(electronFake.views).toEqual([]);
    expect(electronFake.partitions.size).toBe(0);
  });

  it('refuses a second view while one is open', async () => {
    const { view, window } = setup();
    await view.open(spec({ sessionKey: 'first' }));
    const error = await rejection(view.open(spec({ sessionKey: 'second' })));
    expect(isConsoleError(error) && error.params).toEqual({ reason: 'already-open' });
    expect(window.children).toHaveLength(1);
  });

  it('leaves no view and no cookie behind when the page cannot load', async () => {
    electronFake.hooks.respond = () => ({ netError: -102 }); // ERR_CONNECTION_REFUSED
    const { view, window } = setup();
    const error = await rejection(view.open(spec()));
    expect(isConsoleError(error) && error.key).toBe('errors.viewOpenFailed');
    const created = electronFake.onlyView();
    expect(window.children).toEqual([]);
    expect(created.webContents.isDestroyed()).toBe(true);
    expect(created.webContents.session.cookies.jar).toEqual([]);
    expect(view.isOpen).toBe(false);
  });

  it("refuses a session cookie Electron's cookie store would not take, and shows nothing", async () => {
    const { view, window } = setup();
    const error = await rejection(view.open(spec({ sessionCookie: 'abc;injected=1' })));
    expect(isConsoleError(error) && error.params).toEqual({ reason: 'load-failed' });
    expect(String((error as Error).cause)).toContain('Failed to set cookie - The cookie contains ASCII control characters');
    expect(window.children).toEqual([]);
    expect(electronFake.onlyView().webContents.loadedUrls).toEqual([]);
  });

  it('shows nothing when the cookie cannot be set', async () => {
    electronFake.hooks.cookieSet = () => {
      throw new Error('cookie store unavailable');
    };
    const { view, window } = setup();
    await rejection(view.open(spec()));
    expect(window.children).toEqual([]);
    expect(electronFake.onlyView().webContents.loadedUrls).toEqual([]);
    expect(electronFake.onlyView().webContents.session.cleared.storage).toBe(1);
  });

  it('gives up cleanly when closed while the page is still loading', async () => {
    const loading = deferred();
    electronFake.hooks.respond = () => loading.promise.then(() => ({ status: 200 }));
    const { view, window } = setup();
    const opening = rejection(view.open(spec()));
    await vi.waitFor(() => expect(electronFake.onlyView().webContents.loadedUrls).toHaveLength(1));
    await view.close();
    loading.resolve();
    const error = await opening;
    expect(isConsoleError(error) && error.params).toEqual({ reason: 'closed-during-open' });
    expect(window.children).toEqual([]);
    expect(electronFake.onlyView().webContents.session.cookies.jar).toEqual([]);
  });

  it('clears the partition only after a cookie write still in flight when closed', async () => {
    const writing = deferred();
    electronFake.hooks.cookieSet = () => writing.promise;
    const { view, window } = setup();
    const opening = rejection(view.open(spec()));
    await vi.waitFor(() => expect(electronFake.views).toHaveLength(1));
    const closing = view.close();
    writing.resolve();
    await closing;
    await opening;
    expect(electronFake.onlyView().webContents.session.cookies.jar).toEqual([]);
    expect(window.children).toEqual([]);
  });
});

describe('ImpersonationView.close', () => {
  it('removes the view, closes its page and wipes the partition', async () => {
    const { view, window } = setup();
    await view.open(spec());
    await view.close();
    const closed = electronFake.onlyView();
    expect(window.children).toEqual([]);
    expect(closed.visible).toBe(false);
    expect(closed.webContents.isDestroyed()).toBe(true);
    expect(closed.webContents.session.cleared).toEqual({ storage: 1, cache: 1, authCache: 1 });
    expect(closed.webContents.session.cookies.jar).toEqual([]);
  });

  it('wipes the partition only once Electron has destroyed the page, which it does on a later tick', async () => {
    const destroyedAtWipe: boolean[] = [];
    electronFake.hooks.clearStorageData = () => {
      destroyedAtWipe.push(electronFake.onlyView().webContents.isDestroyed());
    };
    const { view } = setup();
    await view.open(spec());
    const closing = view.close();
    expect(electronFake.onlyView().webContents.isDestroyed()).toBe(false); // close() returned; destruction is pending
    await closing;
    expect(destroyedAtWipe).toEqual([true]);
  });

  it('is idempotent, also when called twice at once', async () => {
    const { view } = setup();
    await view.open(spec());
    await Promise.all([view.close(), view.close()]);
    await view.close();
    expect(electronFake.onlyView().webContents.session.cleared.storage).toBe(1);
  });

  it('does nothing when no view is open', async () => {
    const { view } = setup();
    await view.close();
    expect(electronFake.views).toEqual([]);
  });

  it('still destroys the page and wipes the partition after the window is gone', async () => {
    const { view, window } = setup();
    await view.open(spec());
    window.destroy();
    await view.close();
    expect(electronFake.onlyView().webContents.isDestroyed()).toBe(true);
    expect(electronFake.onlyView().webContents.session.cleared.storage).toBe(1);
  });

  it('reports a partition it could not wipe, after the view is gone', async () => {
    electronFake.hooks.clearStorageData = () => {
      throw new Error('disk busy');
    };
    const { view, window } = setup();
    await view.open(spec());
    const error = await rejection(view.close());
    expect(isConsoleError(error) && error.key).toBe('errors.viewClearFailed');
    expect(window.children).toEqual([]);
    await view.close();
  });

  it('lets the next session open right after a stop', async () => {
    const { view, window } = setup();
    await view.open(spec({ sessionKey: 'one' }));
    void view.close();
    await view.open(spec({ sessionKey: 'two' }));
    expect(window.children).toEqual([electronFake.views[1]]);
    expect(electronFake.views[0]?.webContents.session.cleared.storage).toBe(1);
  });
});
