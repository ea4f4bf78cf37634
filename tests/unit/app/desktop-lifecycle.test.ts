// main.ts's lifecycle while a session runs (issue 19, findings 3 and 7; FT-2),
// through runDesktopApp and the mocked electron module, against the Odoo
// simulator over real HTTP and a real SQLite file: every way out ends the
// session on the server first and records why; the system's shutdown on each
// platform; a second launch or the tray during the quit; no tray on GNOME.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));


import { startOdooSim, type OdooSim } from '../../support/odoo-sim';
import { app, electronFake, type FakeOptions } from '../../support/electron-mock';
import { appHasLeft, startDesktop, type DesktopRun } from './desktop-fixture';

const REASON = 'Ticket 4711: Alice cannot confirm her sales orders';
let sim: OdooSim;

beforeAll(async () => {
  sim = await startOdooSim({ hashDelayMs: 0 });
});
afterAll(async () => {
  await sim.close();
});

/** The app, connected to the simulator (the demo connection), with Alice impersonated. */
async function impersonating(options: FakeOptions = {}): Promise<DesktopRun> {
  const run = await startDesktop({ ...options, env: { CONSOLE_DEMO_ODOO_URL: sim.url } });
  await vi.waitFor(async () => expect(await run.call('connections:status')).toMatchObject({ connected: true }), { timeout: 10_000 });
  const alice = sim.state.userId('alice');
  await run.call('impersonation:check', { targetId: alice, reason: REASON });
  expect(await run.call('impersonation:start', { targetId: alice, reason: REASON })).toMatchObject({ phase: 'active' });
  expect(openOnServer()).toBe(1);
  return run;
}

function openOnServer(): number {
  return sim.state.openImpersonateLogs().length;
}

/** How the last session ended, read from the audit file after the app left. */
function recordedEnd(run: DesktopRun): { outcome: string; end_cause: string | null } {
  const db = new Database(path.join(run.userData, 'audit.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT outcome, end_cause FROM sessions ORDER BY id DESC LIMIT 1').get() as { outcome: string; end_cause: string | null };
  } finally {
    db.close();
  }
}

describe('quitting', () => {
  it('ends a running session on the server and records "quit" before the app leaves', async () => {
    const run = await impersonating();
    const openWhenLeaving: number[] = [];
    app.on('will-quit', () => openWhenLeaving.push(openOnServer()));
    app.quit();
    expect(electronFake.exit).toBeNull(); // held while the session ends
    expect(await appHasLeft()).toEqual({ how: 'quit', code: 0 });
    expect(openWhenLeaving).toEqual([0]);
    expect(recordedEnd(run)).toEqual({ outcome: 'ended', end_cause: 'quit' });
  });

  it('closing the window ends the session first ("window-close"), then quits', async () => {
    const run = await impersonating();
    electronFake.onlyWindow().close();
    expect(electronFake.onlyWindow().isDestroyed()).toBe(false); // held
    await appHasLeft();
    expect(openOnServer()).toBe(0);
    expect(recordedEnd(run)).toEqual({ outcome: 'ended', end_cause: 'window-close' });
  });

  it('a second launch or "Show console" while quitting, after the window is gone, does nothing (finding 7)', async () => {
    const run = await startDesktop({ env: { CONSOLE_DEMO_ODOO_URL: sim.url } });
    await vi.waitFor(async () => expect(await run.call('connections:status')).toMatchObject({ connected: true }), { timeout: 10_000 });
    sim.state.setLatency(300); // logging the admin's API session out at quit takes a while
    try {
      const window = electronFake.onlyWindow();
      window.close(); // no session: it goes, and the last window closing quits
      await vi.waitFor(() => expect(window.isDestroyed()).toBe(true));
      expect(electronFake.exit).toBeNull();
      expect(() => electronFake.secondInstanceLaunched()).not.toThrow();
      expect(() => electronFake.onlyTray().userChooses('Show console')).not.toThrow();
      expect(() => electronFake.onlyTray().userChooses('Quit')).not.toThrow();
      expect(await appHasLeft()).toEqual({ how: 'quit', code: 0 });
    } finally {
      sim.state.setLatency(0);
    }
  });

  it('a second launch while running brings the minimised window back', async () => {
    const { running } = await startDesktop();
    const window = electronFake.onlyWindow();
    await vi.waitFor(() => expect(window.shown).toBe(true));
    window.minimize();
    electronFake.secondInstanceLaunched(['--whatever']);
    expect(window.isMinimized()).toBe(false);
    expect(window.focused).toBe(true);
    await running!.services.shutdown();
  });
});

describe.each(['linux', 'darwin', 'win32'] as const)('the system shutting down on %s (finding 3)', (platform) => {
  it('ends the session on the server with cause "shutdown", then the app leaves', async () => {
    const run = await impersonating({ platform });
    const outcome = electronFake.systemSessionEnds(['shutdown']);
    expect(outcome).toBe(platform === 'win32' ? 'blocked' : 'delayed'); // held until the session has ended
    await appHasLeft();
    expect(openOnServer()).toBe(0);
    expect(recordedEnd(run)).toEqual({ outcome: 'ended', end_cause: 'shutdown' });
  });
});

describe('Windows', () => {
  it('lets a log-off through at once when no session runs', async () => {
    const { running } = await startDesktop({ platform: 'win32' });
    expect(electronFake.systemSessionEnds(['logoff'])).toBe('killed');
    await running!.services.shutdown();
  });
});

describe('on stock GNOME, where no tray icon shows', () => {
  it('still offers Stop in the banner, and closing the window ends the session instead of hiding to a tray', async () => {
    const run = await impersonating({ platform: 'linux', desktop: 'ubuntu:GNOME' });
    const tray = electronFake.onlyTray();
    expect(tray.visibleToUser).toBe(false);
    expect(() => tray.userChooses('Stop impersonation')).toThrow(/not shown/);
    expect(await run.call('impersonation:stop')).toMatchObject({ phase: 'ended', endCause: 'banner' });
    expect(openOnServer()).toBe(0);

    const alice = sim.state.userId('alice');
    await run.call('impersonation:check', { targetId: alice, reason: REASON });
    await run.call('impersonation:start', { targetId: alice, reason: REASON });
    electronFake.onlyWindow().close();
    expect(await appHasLeft()).toEqual({ how: 'quit', code: 0 });
    expect(recordedEnd(run)).toEqual({ outcome: 'ended', end_cause: 'window-close' });
  });
});

describe('the embedded view', () => {
  it("tells the UI when Odoo's Log out was refused and the view went back", async () => {
    const run = await impersonating();
    const page = electronFake.onlyView().webContents;
    await page.navigateFromPage(`${sim.url}/web/session/logout`);
    const window = electronFake.onlyWindow();
    await vi.waitFor(() =>
      expect(window.webContents.sent).toContainEqual({
        channel: 'event:view-refused',
        payload: { kind: 'session-switch', target: new URL(sim.url).origin, returned: true },
      }),
    );
    expect(openOnServer()).toBe(1); // the session was not ended behind the console's back
    await run.running!.services.shutdown();
  });
});
