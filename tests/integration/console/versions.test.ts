// The whole console against the simulator as each Odoo version (docs/odoo.md,
// Versions): the view opens the web client's own route, what a version lacks is
// said at Connect, `sue` — an administrator only through an implied group — is
// refused in the list, at check and at start, and on Odoo 17 (no res.device) a
// crashed session's server log row is closed and the admin told exactly what
// stays open and for how long.
import { afterEach, describe, expect, it } from 'vitest';
import { connectAs, REASON, startConsoleWithSim, type ConsoleUnderTest } from './console-fixture';

let open: ConsoleUnderTest[] = [];
afterEach(async () => {
  for (const console of open.reverse()) await console.close().catch(() => undefined);
  open = [];
});

async function connected(version: 17 | 18 | 19) {
  const console = await startConsoleWithSim({ version });
  open.push(console);
  const { report } = await connectAs(console);
  return { console, report };
}

describe.each([17, 18, 19] as const)('the console on Odoo %i', (version) => {
  it('opens the web client where this version has it, and says what the version lacks', async () => {
    const { console, report } = await connected(version);
    const capable = version >= 18;
    expect(report.capabilities).toEqual({ serverSeenIp: capable, revokeOrphans: capable });
    expect(report.problems.map((p) => p.key)).toEqual(capable ? [] : ['odoo.problemNoServerIp', 'odoo.problemNoOrphanRevocation']);
    expect(report.ok).toBe(true);
    await console.call('impersonation:start', { targetId: console.sim.state.userId('alice'), reason: REASON });
    expect(console.view.spec?.url).toBe(`${console.sim.url}${version >= 18 ? '/odoo' : '/web'}`);
    const page = await fetch(console.view.spec!.url, { headers: { Cookie: `session_id=${console.view.spec!.sessionCookie}` }, redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Alice Anderson');
    await console.call('impersonation:stop');
  });

  it('refuses sue, an administrator only through an implied group, in the list, at check and at start (AZ-2)', async () => {
    const { console } = await connected(version);
    const sue = console.sim.state.userId('sue');
    const page = await console.call('users:search', { query: 'sue' });
    expect(page.rows.find((row) => row.id === sue)).toMatchObject({ eligible: false, reasons: ['administrator'] });
    const check = await console.call('impersonation:check', { targetId: sue, reason: REASON });
    expect(check).toMatchObject({ allowed: false, refusal: { key: 'rules.targetAdministrator' } });
    const start = await console.callRaw('impersonation:start', { targetId: sue, reason: REASON });
    expect(start).toMatchObject({ ok: false });
    expect(console.sim.state.liveSessions().filter((s) => s.uid === sue)).toEqual([]);
    expect(console.sim.state.impersonateLogs()).toEqual([]);
  });
});

describe('crash recovery on Odoo 17 (no res.device)', () => {
  it('closes the crashed session’s server log row and tells the admin what stays open, for how long, and how to end it', async () => {
    const { console: first } = await connected(17);
    const alice = first.sim.state.userId('alice');
    await first.call('impersonation:start', { targetId: alice, reason: REASON });
    const cookie = first.view.spec!.sessionCookie;
    expect(first.sim.state.openImpersonateLogs()).toHaveLength(1);
    // The process dies: no stop. A new console starts on the same data and connects.
    const second = first.restart();
    open.push({ ...second, close: () => second.services.shutdown() });
    await connectAs(second);
    // (The start-up notice that a session is pending comes first: no password was kept.)
    const leftOpen = async () => (await second.call('app:notices')).filter((notice) => notice.key === 'console.recoveryLeftOpen');
    await expect.poll(leftOpen, { timeout: 10_000 }).toEqual([
      {
        key: 'console.recoveryLeftOpen',
        params: expect.objectContaining({ context: 'never', server: first.sim.url, target: 'Alice Anderson', days: 7, startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) }),
        level: 'warning',
      },
    ]);
    expect(first.sim.state.openImpersonateLogs()).toEqual([]);
    const local = (await second.call('audit:list', { filters: { source: 'local' } })).rows[0];
    expect(local?.endCause).toBe('recovered');
    // Honest: the session itself is still valid on the server, which is exactly what the notice says.
    const still = await fetch(`${first.sim.url}/web`, { headers: { Cookie: `session_id=${cookie}` }, redirect: 'manual' });
    expect(still.status).toBe(200);
  });

  it("closes the crashed session's own log row by its key, never the other console's open row of the same admin and target", async () => {
    const { console: first } = await connected(17);
    const alice = first.sim.state.userId('alice');
    await first.call('impersonation:start', { targetId: alice, reason: REASON });
    const own = first.sim.state.openImpersonateLogs()[0]!.id;
    // Another console of the same admin impersonates Alice in the same seconds, and is still running.
    const other = await fetch(`${first.sim.url}/web/session/authenticate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { db: first.sim.database, login: 'admin', password: 'admin' } }),
    });
    const otherCookie = /session_id=([^;]+)/.exec(other.headers.get('set-cookie') ?? '')?.[1];
    await fetch(`${first.sim.url}/web/dataset/call_kw/res.users/impersonate_login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `session_id=${otherCookie}` },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 2, params: { model: 'res.users', method: 'impersonate_login', args: [[alice]], kwargs: {} } }),
    });
    expect(first.sim.state.openImpersonateLogs()).toHaveLength(2);
    const second = first.restart();
    open.push({ ...second, close: () => second.services.shutdown() });
    await connectAs(second);
    await expect.poll(async () => (await second.call('audit:list', { filters: { source: 'local' } })).rows[0]?.endCause, { timeout: 10_000 }).toBe('recovered');
    // The time window alone could not tell the two apart; the key the start recorded does.
    expect(first.sim.state.openImpersonateLogs().map((row) => row.id)).not.toContain(own);
    expect(first.sim.state.openImpersonateLogs()).toHaveLength(1);
  });
});
