// Issue 13: the warm session, end to end in Node — real services, a real SQLite file,
// real HTTP to the simulator. The session authenticated while the reason is typed is
// the one the start switches; it is recorded before use, destroyed on the server on
// cancel, after two minutes unused, on disconnect and on quit, revoked by crash
// recovery, never used for another target, never used twice, and not made at all
// when the rate limit would refuse the attempt.
import { describe, expect, it } from 'vitest';
import { WARM_UNUSED_MS } from '../../../src-main/core';
import { connectAs, consolesPerTest, type ConsoleUnderTest, REASON } from './console-fixture';
import { RequestWatch } from '../../support/request-watch';

const { open, connected } = consolesPerTest();

interface WarmRow {
  session_identifier: string;
  ended_at: string | null;
  end_cause: string | null;
}

function warmRows(console: ConsoleUnderTest): WarmRow[] {
  return console.services.audit.raw.prepare('SELECT session_identifier, ended_at, end_cause FROM warm_sessions ORDER BY id').all() as WarmRow[];
}

/** The admin's sessions on the server that are not the admin API session and not impersonating. */
function adminSessions(console: ConsoleUnderTest): string[] {
  const admin = console.sim.state.userId('admin');
  return console.sim.state
    .liveSessions()
    .filter((s) => s.uid === admin && !s.impersonateFromUid)
    .map((s) => s.identifier);
}

function authenticates(console: ConsoleUnderTest): number {
  return console.sim.state.requests().filter((r) => r.path === '/web/session/authenticate').length;
}

async function warmFor(console: ConsoleUnderTest, login: string): Promise<string> {
  const before = new Set(adminSessions(console));
  expect(await console.call('impersonation:prewarm', { targetId: console.sim.state.userId(login) })).toEqual({ warm: true });
  const made = adminSessions(console).filter((id) => !before.has(id));
  expect(made).toHaveLength(1);
  return made[0]!;
}

describe('the warm session', () => {
  it('is authenticated while the reason is typed, recorded before use, and is the very session the start switches', async () => {
    const console = await connected();
    const alice = console.sim.state.userId('alice');
    const warm = await warmFor(console, 'alice');
    // On the record before anything can use it: crash recovery can revoke it.
    expect(warmRows(console)).toEqual([{ session_identifier: warm, ended_at: null, end_cause: null }]);
    const logins = authenticates(console);

    const started = await console.call('impersonation:start', { targetId: alice, reason: REASON });
    expect(started).toMatchObject({ phase: 'active', target: { login: 'alice' } });
    // No authenticate after Confirm: the warm session was switched.
    expect(authenticates(console)).toBe(logins);
    expect(console.view.spec!.sessionCookie.slice(0, 42)).toBe(warm);
    expect(console.sim.state.liveSessions().find((s) => s.identifier === warm)).toMatchObject({ uid: alice, impersonateFromUid: console.sim.state.userId('admin') });
    // The attempt's own row names it; the warm record says it was used.
    const row = console.services.audit.raw.prepare('SELECT session_identifier, outcome FROM sessions ORDER BY id DESC LIMIT 1').get();
    expect(row).toEqual({ session_identifier: warm, outcome: 'open' });
    await expect.poll(() => warmRows(console)[0]?.end_cause).toBe('used');

    await console.call('impersonation:stop');
    expect(console.sim.state.liveSessions().some((s) => s.identifier === warm)).toBe(false);
    expect(await console.call('audit:verify')).toMatchObject({ ok: true });
  });

  it('leaves three sequential round trips between Confirm and the cookie: the target read, the switch, then the verification beside the start entry', async () => {
    // Installed first: the connector keeps the fetch it was given.
    const watch = new RequestWatch();
    watch.install();
    try {
      const console = await connected();
      const alice = console.sim.state.userId('alice');
      await warmFor(console, 'alice');
      let openedAt = 0;
      let entriesAtOpen = -1;
      console.view.onOpen = () => {
        openedAt = performance.now();
        entriesAtOpen = console.sim.state.requests().filter((r) => r.rpc === 'ir.logging.create').length;
      };
      const confirm = performance.now();
      await console.call('impersonation:start', { targetId: alice, reason: REASON });
      const path = watch.between(confirm, openedAt);
      expect(path.roundTrips, path.calls.join(' ')).toBe(3);
      // The target and its administrator check beside the mark; the switch; then the rest at once.
      expect(path.calls.slice(0, 3).sort()).toEqual(['impersonate.log.search_read', 'res.users.search_read', 'res.users.search_read']);
      expect(path.calls[3]).toBe('res.users.impersonate_login');
      expect(path.calls.slice(4).sort()).toEqual(['/web/session/get_session_info', 'impersonate.log.search_read', 'ir.logging.create']);
      // Write-ahead still: the start entry was on the server before the view had the cookie (AU-2).
      expect(entriesAtOpen).toBe(1);
      await console.call('impersonation:stop');
      expect(await console.call('audit:verify')).toMatchObject({ ok: true });
    } finally {
      watch.uninstall();
    }
  });

  it('is destroyed on the server when the dialog is cancelled', async () => {
    const console = await connected();
    const warm = await warmFor(console, 'alice');
    await console.call('impersonation:cancelPrewarm');
    expect(adminSessions(console)).not.toContain(warm);
    expect(warmRows(console)).toMatchObject([{ session_identifier: warm, end_cause: 'cancelled' }]);
  });

  it('is destroyed after two minutes unused, and the start then authenticates a fresh session', async () => {
    const console = await connected();
    const alice = console.sim.state.userId('alice');
    const warm = await warmFor(console, 'alice');
    await console.scheduler.advance(WARM_UNUSED_MS - 1_000);
    expect(adminSessions(console)).toContain(warm);
    await console.scheduler.advance(1_000);
    await expect.poll(() => adminSessions(console).includes(warm)).toBe(false);
    await expect.poll(() => warmRows(console)[0]?.end_cause).toBe('timeout');

    const logins = authenticates(console);
    await console.call('impersonation:start', { targetId: alice, reason: REASON });
    expect(authenticates(console)).toBe(logins + 1);
    expect(console.view.spec!.sessionCookie.slice(0, 42)).not.toBe(warm);
  });

  it('is destroyed on the server on disconnect', async () => {
    const console = await connected();
    const warm = await warmFor(console, 'alice');
    await console.call('connections:disconnect');
    expect(console.sim.state.liveSessions().some((s) => s.identifier === warm)).toBe(false);
    expect(warmRows(console)).toMatchObject([{ session_identifier: warm, end_cause: 'disconnect' }]);
  });

  it('is destroyed on the server on quit', async () => {
    const console = await connected();
    const warm = await warmFor(console, 'alice');
    await console.services.shutdown('quit');
    expect(console.sim.state.liveSessions().some((s) => s.identifier === warm)).toBe(false);
    const [row] = warmRows({ ...console, services: console.restart().services });
    expect(row).toMatchObject({ session_identifier: warm, end_cause: 'quit' });
  });

  it('left behind by a crash, is revoked by the next run once it connects', async () => {
    const first = await connected();
    const warm = await warmFor(first, 'alice');
    // The process dies: no cancel, no shutdown. A new console starts on the same data.
    const second = first.restart();
    open.push({ ...second, close: () => second.services.shutdown() });
    await connectAs(second);
    await expect.poll(() => first.sim.state.liveSessions().some((s) => s.identifier === warm), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => warmRows(second)[0]?.end_cause, { timeout: 10_000 }).toBe('recovered');
  });

  it('is never used for another target: that start authenticates its own, and the warm one is destroyed', async () => {
    const console = await connected();
    const bob = console.sim.state.userId('bob');
    const warm = await warmFor(console, 'alice');
    await console.call('impersonation:start', { targetId: bob, reason: REASON });
    expect(console.view.spec!.sessionCookie.slice(0, 42)).not.toBe(warm);
    await expect.poll(() => console.sim.state.liveSessions().some((s) => s.identifier === warm)).toBe(false);
    await expect.poll(() => warmRows(console)[0]?.end_cause).toBe('other-target');
  });

  it('is never used twice: a second start of the same target authenticates a fresh session', async () => {
    const console = await connected();
    const alice = console.sim.state.userId('alice');
    const warm = await warmFor(console, 'alice');
    await console.call('impersonation:start', { targetId: alice, reason: REASON });
    expect(console.view.spec!.sessionCookie.slice(0, 42)).toBe(warm);
    await console.call('impersonation:stop');
    const logins = authenticates(console);
    await console.call('impersonation:start', { targetId: alice, reason: REASON });
    expect(authenticates(console)).toBe(logins + 1);
    expect(console.view.spec!.sessionCookie.slice(0, 42)).not.toBe(warm);
  });

  it('is not made when the rate limit would refuse the attempt, nor while a session runs', async () => {
    const console = await connected();
    const alice = console.sim.state.userId('alice');
    for (let i = 0; i < 5; i += 1) await console.call('impersonation:check', { targetId: console.sim.state.userId('admin2'), reason: REASON });
    const before = adminSessions(console).length;
    expect(await console.call('impersonation:prewarm', { targetId: alice })).toEqual({ warm: false });
    expect(adminSessions(console)).toHaveLength(before);
    expect(warmRows(console)).toEqual([]);

    const other = await connected();
    await other.call('impersonation:start', { targetId: other.sim.state.userId('alice'), reason: REASON });
    expect(await other.call('impersonation:prewarm', { targetId: other.sim.state.userId('bob') })).toEqual({ warm: false });
    expect(warmRows(other)).toEqual([]);
  });
});
