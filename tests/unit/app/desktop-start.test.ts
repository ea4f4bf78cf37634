// main.ts's start (issue 19, finding 1), through runDesktopApp and the mocked
// electron module: one instance, the app:// scheme before `ready`, every IPC
// handler in place before the page can call, the keychain asked after `ready`;
// and a start that fails shows one error box in the admin's language and
// leaves with code 1, never a window without its handlers.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { methodChannels } from '../../../src-preload/channels';
import { electronFake, protocol } from '../../support/electron-mock';
import { startDesktop } from './desktop-fixture';

beforeEach(() => {
  protocol.registered.length = 0;
});

describe('the desktop app starts', () => {
  it('with one sandboxed window showing our UI, every IPC handler in place, and a tray', async () => {
    const { running, call } = await startDesktop();
    expect(running).not.toBeNull();
    expect(protocol.registered[0]).toBe('app'); // registered before ready, or Electron would have thrown
    expect(electronFake.ipcChannelsHandled().sort()).toEqual([...methodChannels].sort());
    const window = electronFake.onlyWindow();
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    await vi.waitFor(() => expect(window.shown).toBe(true)); // on ready-to-show, once the UI loaded
    expect(window.webContents.mainFrame.url).toBe('app://console/index.html');
    expect(await call('app:info')).toMatchObject({ transport: 'ipc', electronRuntime: true, electronVersion: '40.8.5' });
    expect(electronFake.onlyTray().menu?.items.map((item) => item.label)).toContain('Show console');
    await running!.services.shutdown();
  });

  it('the same whether Electron was given the project (npm start) or out/main/index.js (app path out/main)', async () => {
    for (const appPath of ['project', 'out/main'] as const) {
      const { running } = await startDesktop({ appPath });
      expect(running, appPath).not.toBeNull();
      expect(electronFake.errorBoxes).toEqual([]);
      await running!.services.shutdown();
    }
  });

  it('builds the keychain after ready, when safeStorage can answer', async () => {
    const { running, call } = await startDesktop({ platform: 'linux' });
    expect((await call('connections:list')).secretStorage).toEqual({ mode: 'keychain', reason: null });
    await running!.services.shutdown();
  });

  it('tells the admin when it runs without the sandbox (the AppImage fallback)', async () => {
    const { running, call } = await startDesktop({ switches: ['no-sandbox'] });
    expect(await call('app:notices')).toEqual([{ key: 'desktop.sandboxDisabled', level: 'warning' }]);
    await running!.services.shutdown();
  });

  it('leaves at once when another instance runs, which shows its own window', async () => {
    const { running } = await startDesktop({ singleInstance: false });
    expect(running).toBeNull();
    expect(electronFake.windows).toEqual([]);
    expect(electronFake.exit).toEqual({ how: 'quit', code: 0 });
  });
});

describe('a start that fails', () => {
  it('shows one error box, never the window, and exits with code 1', async () => {
    const { running, userData } = await startDesktop({ withoutNativeModule: true });
    expect(running).toBeNull();
    expect(electronFake.exit).toEqual({ how: 'exit', code: 1 });
    expect(electronFake.errorBoxes).toHaveLength(1);
    const [box] = electronFake.errorBoxes;
    expect(box!.title).toBe('The Impersonation Console could not start');
    expect(box!.content).toContain('nothing was changed on any Odoo server');
    expect(box!.content).toContain(path.join(userData, 'logs', 'console.log'));
    expect(box!.content).toMatch(/better_sqlite3\.node/);
    const window = electronFake.onlyWindow();
    expect(window.isDestroyed()).toBe(true); // by app.exit
    await new Promise((resolve) => setImmediate(resolve));
    expect(window.shown).toBe(false);
    expect(existsSync(path.join(userData, 'logs', 'console.log'))).toBe(true);
  });

  it("speaks the admin's language: the setting if there is one, else the system's", async () => {
    await startDesktop({ withoutNativeModule: true, locale: 'es-ES' });
    expect(electronFake.errorBoxes[0]!.title).toBe('La Consola de suplantación no pudo iniciarse');

    const { userData } = await startDesktop({ withoutNativeModule: true, locale: 'es-ES' });
    writeFileSync(path.join(userData, 'settings.json'), JSON.stringify({ language: 'en', sessionLimitMinutes: 60, retentionDays: null }));
    await startDesktop({ withoutNativeModule: true, locale: 'es-ES', userData });
    expect(electronFake.errorBoxes[0]!.title).toBe('The Impersonation Console could not start');
  });
});
