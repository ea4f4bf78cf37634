// The tripwire end to end in Node (AZ-6, issue 11.2): real services, a real SQLite
// file, real HTTP to the Odoo simulator. Page script that got past the view's policy
// is played by calls on the view's own cookie; the server's word then ends the
// session as 'tampered', in the local audit and in ir.logging, with a notice.
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../src-preload/channels';
import { ALIVE_CHECK_MS } from '../../../src-main/core/session-timers';
import { connectAs, REASON, startConsoleWithSim, type ConsoleUnderTest } from './console-fixture';

let open: ConsoleUnderTest[] = [];
afterEach(async () => {
  for (const console of open.reverse()) await console.close().catch(() => undefined);
  open = [];
});

async function impersonating(login: string) {
  const console = await startConsoleWithSim();
  open.push(console);
  await connectAs(console);
  const notices: unknown[] = [];
  console.services.events.listen((event: EventName, payload) => {
    if (event === 'notice') notices.push(payload);
  });
  await console.call('impersonation:start', { targetId: console.sim.state.userId(login), reason: REASON });
  const cookie = console.view.spec!.sessionCookie;
  /** What script in the Odoo page would do, were the policy to let it through. */
  const pageCalls = async (model: string, method: string, args: unknown[]) => {
    const response = await fetch(`${console.sim.url}/web/dataset/call_kw`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `session_id=${cookie}` },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { model, method, args, kwargs: {} } }),
    });
    return (await response.json()) as { result?: unknown; error?: unknown };
  };
  return { console, notices, pageCalls };
}

const endCause = async (console: ConsoleUnderTest) => (await console.call('impersonation:current')).endCause;

function localRow(console: ConsoleUnderTest) {
  return console.services.audit.raw.prepare('select end_cause, end_detail from sessions order by id desc limit 1').get() as {
    end_cause: string | null;
    end_detail: string | null;
  };
}

describe('the tripwire against the simulator', () => {
  it('ends a session the page turned back into the admin, within 5 s, on every record', async () => {
    const { console, notices, pageCalls } = await impersonating('bob');
    await pageCalls('res.users', 'back_to_origin_login', []);
    await console.scheduler.advance(ALIVE_CHECK_MS);
    await expect.poll(() => endCause(console)).toBe('tampered');
    expect(console.view.spec).toBeNull();
    await expect.poll(() => localRow(console).end_detail).toMatch(/uid 2, impersonated from nobody.*ir\.logging entry \d+/);
    const entry = console.sim.state.irLogging().find((row) => String(row.message).includes('"event":"tampered"'));
    expect(entry).toMatchObject({ level: 'WARNING', func: 'tampered' });
    expect(JSON.parse(String(entry?.message))).toMatchObject({ target: { login: 'bob' }, detail: expect.stringContaining('uid 2') });
    expect(notices).toContainEqual({ level: 'error', key: 'session.tampered.notice', params: { name: 'Bob Brown', login: 'bob' } });
    // The admin session the page made is gone too: the stop destroyed it.
    expect(console.sim.state.liveSessions().filter((s) => s.uid === 2 && s.impersonateFromUid === false)).toEqual([]);
  });

  it('catches the quick switch that ends where it began (7 → 2 → 6 → 2 → 7) by its log row', async () => {
    const { console, pageCalls } = await impersonating('bob');
    const bob = console.sim.state.userId('bob');
    await pageCalls('res.users', 'back_to_origin_login', []);
    await pageCalls('res.users', 'impersonate_login', [[console.sim.state.userId('admin2')]]);
    await pageCalls('res.users', 'back_to_origin_login', []);
    await pageCalls('res.users', 'impersonate_login', [[bob]]);
    // The session's identity is exactly what the console started.
    const info = console.sim.state.liveSessions().find((s) => s.uid === bob);
    expect(info).toMatchObject({ impersonateFromUid: 2 });
    await console.scheduler.advance(ALIVE_CHECK_MS);
    await expect.poll(() => endCause(console)).toBe('tampered');
    // The local record closes once the server's end entry is written, just after the session shows ended.
    await expect.poll(() => localRow(console).end_detail ?? '').toMatch(/impersonate\.log row \d+ .*the console did not create it/);
  });

  it('checks at once after a top-level navigation of the view', async () => {
    const { console, pageCalls } = await impersonating('bob');
    await pageCalls('res.users', 'back_to_origin_login', []);
    console.view.navigated(); // Odoo reloads the page after going back
    await expect.poll(() => endCause(console)).toBe('tampered');
  });

  it('warns, naming both users, about an impersonation of someone else, and keeps the session', async () => {
    const { console, notices } = await impersonating('bob');
    // The same admin, elsewhere (another console, a browser), impersonates carol meanwhile.
    const elsewhere = await fetch(`${console.sim.url}/web/session/authenticate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', params: { db: console.sim.database, login: 'admin', password: 'admin' } }),
    });
    const sid = /session_id=([^;]+)/.exec(elsewhere.headers.get('set-cookie') ?? '')?.[1];
    await fetch(`${console.sim.url}/web/dataset/call_kw`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `session_id=${sid}` },
      body: JSON.stringify({ params: { model: 'res.users', method: 'impersonate_login', args: [[console.sim.state.userId('carol')]], kwargs: {} } }),
    });
    await console.scheduler.advance(3 * ALIVE_CHECK_MS);
    await expect.poll(() => notices).toContainEqual({
      level: 'warning',
      key: 'session.otherImpersonation',
      params: { admin: expect.any(String), target: 'Carol Clark' },
    });
    expect(notices.filter((n) => (n as { key: string }).key === 'session.otherImpersonation')).toHaveLength(1);
    expect((await console.call('impersonation:current')).phase).toBe('active');
  });

  it('leaves an untouched session alone', async () => {
    const { console, notices } = await impersonating('bob');
    await console.scheduler.advance(6 * ALIVE_CHECK_MS);
    expect((await console.call('impersonation:current')).phase).toBe('active');
    expect(notices).toEqual([]);
  });
});
