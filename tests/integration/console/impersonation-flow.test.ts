// The product's core path end to end in Node: connect, choose, check, start,
// stop, timeout, server-side expiry and crash recovery — real services, a real
// SQLite file, real HTTP to the Odoo simulator.
import { afterAll, describe, expect, it } from 'vitest';
import { workingKeychain } from '../../support/fake-keychain';
import { connectAs, consolesPerTest, type ConsoleUnderTest, REASON, startConsoleWithSim } from './console-fixture';

const { open, connected } = consolesPerTest();

async function cookieActsAs(console: ConsoleUnderTest, cookie: string): Promise<string | null> {
  const response = await fetch(`${console.sim.url}/odoo`, { headers: { Cookie: `session_id=${cookie}` }, redirect: 'manual' });
  if (response.status !== 200) return null;
  return /id="current-user">([^<]*)</.exec(await response.text())?.[1] ?? null;
}

describe('an impersonation through the console', () => {
  it('starts as the target after the write-ahead audit, and stops on the server', async () => {
    const console = await connected();
    const alice = console.sim.state.userId('alice');
    const startsBeforeOpen: string[] = [];
    console.view.onOpen = () => {
      // AU-2: by the time the view gets the cookie, both records are committed.
      const local = console.services.audit.raw.prepare("select count(*) as n from sessions where session_identifier is not null").get() as { n: number };
      startsBeforeOpen.push(`local:${local.n}`, `server:${console.sim.state.irLogging().length}`);
    };

    expect(await console.call('impersonation:check', { targetId: alice, reason: REASON })).toMatchObject({ allowed: true });
    const started = await console.call('impersonation:start', { targetId: alice, reason: REASON });
    expect(started).toMatchObject({ phase: 'active', target: { login: 'alice' }, reason: REASON });
    expect(startsBeforeOpen).toEqual(['local:1', 'server:1']);
    expect(console.view.spec?.url).toBe(`${console.sim.url}/odoo`);
    expect(console.view.spec?.origin).toBe(new URL(console.sim.url).origin);
    const cookie = console.view.spec!.sessionCookie;
    expect(await cookieActsAs(console, cookie)).toBe('Alice Anderson');
    expect(console.sim.state.openImpersonateLogs()).toHaveLength(1);
    expect(JSON.parse(String(console.sim.state.irLogging()[0]!.message))).toMatchObject({ reason: REASON, target: { login: 'alice' } });

    const stopped = await console.call('impersonation:stop');
    expect(stopped).toMatchObject({ phase: 'ended', endCause: 'banner', serverEndPending: false });
    expect(console.view.spec).toBeNull();
    expect(console.sim.state.openImpersonateLogs()).toHaveLength(0);
    expect(await cookieActsAs(console, cookie)).toBeNull();
    // The server's log has the start and the matching end (AU-4).
    const [start, end] = console.sim.state.irLogging().map((entry) => JSON.parse(String(entry.message)) as Record<string, unknown>);
    expect(end).toMatchObject({ event: 'end', endCause: 'banner', sessionIdentifier: start!.sessionIdentifier, reason: REASON });
    expect(console.sim.state.irLogging().map((entry) => entry.func)).toEqual(['start', 'end']);

    const logs = await console.call('audit:list', { filters: { source: 'local' } });
    expect(logs.rows[0]).toMatchObject({ outcome: 'ended', endCause: 'banner', reason: REASON, target: 'Alice Anderson', targetLogin: 'alice' });
    expect(await console.call('audit:verify')).toMatchObject({ ok: true });
  });

  it('counts check and start as one attempt, and refuses the sixth attempt of the minute', async () => {
    const console = await connected();
    const bob = console.sim.state.userId('bob');
    for (let i = 0; i < 5; i += 1) {
      expect(await console.call('impersonation:check', { targetId: bob, reason: REASON })).toMatchObject({ allowed: true, remainingAttempts: 4 - i });
    }
    const sixth = await console.call('impersonation:check', { targetId: bob, reason: REASON });
    expect(sixth).toMatchObject({ allowed: false, refusal: { key: 'rules.rateLimited' }, remainingAttempts: 0 });
    expect(sixth.retryAfterSeconds).toBeGreaterThan(0);
    // The fifth, allowed check still starts: it was the attempt.
    await expect(console.call('impersonation:start', { targetId: bob, reason: REASON })).resolves.toMatchObject({ phase: 'active' });
  });

  it('refuses administrators, portal users, archived users, the superuser and the admin themself, before any server change', async () => {
    const console = await connected();
    for (const [login, key] of [
      ['admin2', 'rules.targetAdministrator'],
      ['pat', 'rules.targetPortal'],
      ['old', 'rules.targetArchived'],
      ['admin', 'rules.targetSelf'],
    ] as const) {
      const result = await console.call('impersonation:check', { targetId: console.sim.state.userId(login), reason: REASON });
      expect(result, login).toMatchObject({ allowed: false, refusal: { key } });
    }
    const superuser = await console.call('impersonation:check', { targetId: 1, reason: REASON });
    expect(superuser.allowed).toBe(false);
    expect(console.sim.state.impersonateLogs()).toHaveLength(0);
  });

  it('refuses a start whose reason is too short, in main, whatever the UI sent', async () => {
    const console = await connected();
    const refused = await console.callRaw('impersonation:start', { targetId: console.sim.state.userId('alice'), reason: '  short ' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'refused', key: 'rules.reasonTooShort' } });
    expect(console.view.opens).toBe(0);
  });

  it('ends the session at the deadline, even when the clock jumps past it', async () => {
    const console = await connected();
    await console.call('settings:set', { sessionLimitMinutes: 10 });
    await console.call('impersonation:start', { targetId: console.sim.state.userId('alice'), reason: REASON });
    const cookie = console.view.spec!.sessionCookie;
    console.time.jumpWall(11 * 60_000);
    // Any call rechecks the deadline (SS-3).
    await console.call('app:info');
    await console.scheduler.advance(1_000);
    await expect.poll(async () => (await console.call('impersonation:current')).phase).toBe('ended');
    expect((await console.call('impersonation:current')).endCause).toBe('timeout');
    await expect.poll(() => cookieActsAs(console, cookie)).toBeNull();
  });

  it('notices when the server expires the session (the target’s password changed) and says so', async () => {
    const console = await connected();
    await console.call('impersonation:start', { targetId: console.sim.state.userId('alice'), reason: REASON });
    console.sim.state.setPassword('alice', 'a-new-password');
    await console.scheduler.advance(31_000);
    await expect.poll(async () => (await console.call('impersonation:current')).endCause).toBe('server-expired');
    expect(console.view.spec).toBeNull();
  });

  it('after a crash, revokes the orphaned session on the server at the next connect and records it as recovered', async () => {
    const first = await connected();
    await first.call('impersonation:start', { targetId: first.sim.state.userId('alice'), reason: REASON });
    const cookie = first.view.spec!.sessionCookie;
    // The process dies: no stop, no shutdown. A new console starts on the same data.
    const second = first.restart();
    open.push({ ...second, close: () => second.services.shutdown() });
    await connectAs(second);
    await expect.poll(() => cookieActsAs(second, cookie), { timeout: 10_000 }).toBeNull();
    await expect
      .poll(async () => (await second.call('audit:list', { filters: { source: 'local' } })).rows[0]?.endCause, { timeout: 10_000 })
      .toBe('recovered');
  });

  it('after a crash in the middle of a start, still revokes the fresh server session at the next connect', async () => {
    const first = await connected();
    const alice = first.sim.state.userId('alice');
    // The server's audit entry never answers: the process dies while it waits.
    first.sim.state.injectFault({ route: 'ir.logging.create', kind: 'hang' });
    void first.callRaw('impersonation:start', { targetId: alice, reason: REASON });
    await expect.poll(() => first.sim.state.liveSessions().filter((s) => s.uid === alice).length).toBe(1);
    first.sim.state.clearFaults();
    // The first console is dead, not shut down: at the end only its simulator closes (which drops the hung request).
    open[open.indexOf(first)] = { ...first, close: () => first.sim.close() };
    const second = first.restart();
    open.push({ ...second, close: () => second.services.shutdown() });
    await connectAs(second);
    await expect.poll(() => first.sim.state.liveSessions().filter((s) => s.uid === alice).length, { timeout: 10_000 }).toBe(0);
    await expect
      .poll(async () => (await second.call('audit:list', { filters: { source: 'local' } })).rows[0]?.endCause, { timeout: 10_000 })
      .toBe('recovered');
  });

  it('after a crash, revokes the orphaned session at the next start when the keychain holds the password', async () => {
    const first = await startConsoleWithSim({}, workingKeychain());
    open.push(first);
    const saved = await first.call('connections:save', {
      name: 'Simulator',
      url: first.sim.url,
      database: first.sim.database,
      login: 'admin',
      password: 'admin',
      rememberPassword: true,
    });
    await first.call('connections:connect', { id: saved.id });
    await first.call('impersonation:start', { targetId: first.sim.state.userId('alice'), reason: REASON });
    const cookie = first.view.spec!.sessionCookie;

    const second = first.restart(); // the process died; nobody connects
    open.push({ ...second, close: () => second.services.shutdown() });
    await second.services.startupRecovery;
    expect(await cookieActsAs(second, cookie)).toBeNull();
    expect((await second.call('audit:list', { filters: { source: 'local' } })).rows[0]?.endCause).toBe('recovered');
    expect((await second.call('connections:status')).connected).toBe(false);
  });

  it('says at start-up that a previous run’s session is still open when no password is kept', async () => {
    const first = await connected();
    await first.call('impersonation:start', { targetId: first.sim.state.userId('alice'), reason: REASON });
    const second = first.restart();
    open.push({ ...second, close: () => second.services.shutdown() });
    await second.services.startupRecovery;
    expect(await second.call('app:notices')).toEqual([
      { key: 'console.recoveryPending', params: { count: 1, server: first.sim.url }, level: 'warning', topic: `recovery:${first.sim.url}|${first.sim.database}` },
    ]);
  });

  it('destroys the fresh session and shows nothing when the server refuses the console’s audit entry', async () => {
    const console = await connected();
    console.sim.state.injectFault({ route: 'ir.logging.create', kind: 'html-502' });
    const refused = await console.callRaw('impersonation:start', { targetId: console.sim.state.userId('alice'), reason: REASON });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'start-failed' } });
    expect(console.view.opens).toBe(0);
    expect(console.sim.state.liveSessions().filter((s) => s.uid === console.sim.state.userId('alice'))).toHaveLength(0);
    expect(console.sim.state.openImpersonateLogs()).toHaveLength(0);
  });
});

describe('a failure at any step of the start', () => {
  const steps = [
    '/web/session/authenticate',
    '/web/session/get_session_info',
    'res.users.search_read',
    'res.users.impersonate_login',
    'res.device.log.search_read',
    'ir.logging.create',
  ];
  const refusedStarts: string[] = [];
  afterAll(() => {
    // Most of these faults must really break the start, or the loop proves nothing.
    expect(refusedStarts.length).toBeGreaterThanOrEqual(8);
  });
  for (const route of steps) {
    for (const phase of ['before', 'after'] as const) {
      it(`leaves no live server session and no view when ${route} fails (${phase} the server acted)`, async () => {
        const console = await connected();
        const alice = console.sim.state.userId('alice');
        console.sim.state.injectFault({ route, kind: 'html-502', phase, times: 3 });
        const answer = await console.callRaw('impersonation:start', { targetId: alice, reason: REASON });
        const current = await console.call('impersonation:current');
        const aliceSessions = console.sim.state.liveSessions().filter((session) => session.uid === alice);
        if (answer.ok && current.phase === 'active') {
          // The fault hit a call the start could do without: it is a normal, complete start.
          expect(console.view.spec).not.toBeNull();
          expect(aliceSessions).toHaveLength(1);
        } else {
          refusedStarts.push(`${route}:${phase}`);
          expect(console.view.spec).toBeNull();
          expect(aliceSessions).toHaveLength(0);
          expect(console.sim.state.openImpersonateLogs()).toHaveLength(0);
        }
      });
    }
  }
});
