// Issue 12 through the whole console against the simulator as Odoo 17, 18 and 19: one
// session stopped from the banner and one cut short by a crash and recovered at the
// next connect, a colleague's session from another console, and an impersonation made
// from Odoo's own menu. The Logs then show exactly one row for each, with where it is
// known; the server's impersonate.log has nothing left open; the notice that a session
// was pending is replaced by what was closed; the chain and every record verify.
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../src-preload/contract';
import { connectAs, startConsoleWithSim, type ConsoleUnderTest } from './console-fixture';

let open: ConsoleUnderTest[] = [];
afterEach(async () => {
  for (const console of open.reverse()) await console.close().catch(() => undefined);
  open = [];
});

const STOPPED = 'Issue 12 merged logs: the session stopped from the banner';
const CRASHED = 'Issue 12 merged logs: the session cut short by a crash';
const COLLEAGUE = "Issue 12 merged logs: a colleague's session";

/** An impersonation from Odoo's own menu: the admin's browser session, no console involved. */
async function fromOdooMenu(console: ConsoleUnderTest, login: string): Promise<void> {
  const rpc = async (path: string, params: unknown, cookie?: string) =>
    fetch(`${console.sim.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: `session_id=${cookie}` } : {}) },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params }),
    });
  const login_ = await rpc('/web/session/authenticate', { db: console.sim.database, login: 'admin', password: 'admin' });
  const cookie = /session_id=([^;]+)/.exec(login_.headers.get('set-cookie') ?? '')?.[1];
  const call = (method: string, args: unknown[]) => rpc(`/web/dataset/call_kw/res.users/${method}`, { model: 'res.users', method, args, kwargs: {} }, cookie);
  await call('impersonate_login', [[console.sim.state.userId(login)]]);
  await call('back_to_origin_login', []);
}

const byReason = (rows: AuditRow[], reason: string) => rows.filter((row) => row.reason === reason);

describe.each([17, 18, 19] as const)('the Logs after a stop, a crash and others on Odoo %i (issue 12)', (version) => {
  it('show exactly one row per impersonation, each with its provenance, and nothing stays open on the server', async () => {
    const first = await startConsoleWithSim({ version });
    open.push(first);
    const state = first.sim.state;
    await connectAs(first);
    const carol = state.userId('carol');
    await first.call('impersonation:start', { targetId: carol, reason: STOPPED });
    await first.call('impersonation:stop');
    await first.call('impersonation:start', { targetId: carol, reason: CRASHED });

    // The process dies mid-session. A colleague works from another console, and someone from Odoo's menu.
    const colleague = first.another();
    open.push({ ...colleague, close: () => colleague.services.shutdown() });
    await connectAs(colleague);
    await colleague.call('impersonation:start', { targetId: state.userId('bob'), reason: COLLEAGUE });
    await colleague.call('impersonation:stop');
    await fromOdooMenu(first, 'alice');

    const second = first.restart();
    open.push({ ...second, close: () => second.services.shutdown() });
    await second.services.startupRecovery;
    const topic = `recovery:${first.sim.url}|${first.sim.database}`;
    expect(await second.call('app:notices')).toEqual([expect.objectContaining({ key: 'console.recoveryPending', topic })]);
    await connectAs(second);
    await expect
      .poll(async () => (await second.call('app:notices')).find((notice) => notice.topic === topic)?.key, { timeout: 10_000 })
      .toBe('console.recoveryDone');
    const done = (await second.call('app:notices')).find((notice) => notice.topic === topic)!;
    expect(done.params).toMatchObject({ count: 1, context: version === 17 ? 'stillValid' : 'ended', sessions: expect.stringContaining('Carol Clark') });
    await second.call('audit:sync');

    // Odoo's own log: nothing of these sessions left open (on 17 the crashed session itself stays valid, and says so).
    expect(state.openImpersonateLogs()).toEqual([]);
    const rows = (await second.call('audit:list', { pageSize: 100 })).rows;
    expect(rows).toHaveLength(4);
    const [stopped] = byReason(rows, STOPPED);
    const [crashed] = byReason(rows, CRASHED);
    const [others] = byReason(rows, COLLEAGUE);
    const outside = rows.filter((row) => row.provenance.outsideConsole);
    const confirmed = { recordedHere: true, consoleEntry: true, odooLog: true, outsideConsole: false, agreement: 'confirms', differences: [] };
    expect(stopped).toMatchObject({ source: 'local', outcome: 'ended', endCause: 'banner', target: 'Carol Clark', targetLogin: 'carol', provenance: confirmed });
    expect(crashed).toMatchObject({ source: 'local', outcome: 'ended', endCause: 'recovered', integrity: 'chained', provenance: confirmed });
    expect(others).toMatchObject({
      source: 'server',
      outcome: 'ended',
      endCause: 'banner',
      admin: 'Mitchell Admin',
      adminLogin: 'admin',
      target: 'Bob Brown',
      targetLogin: 'bob',
      integrity: 'server',
      provenance: { recordedHere: false, consoleEntry: true, odooLog: true, agreement: 'confirms' },
    });
    expect(outside).toEqual([
      expect.objectContaining({ outcome: 'ended', admin: 'Mitchell Admin', adminLogin: 'admin', target: 'Alice Anderson', targetLogin: 'alice', reason: null }),
    ]);
    // The crashed session's server records: its start, the 'recovered' end entry, its closed log row.
    const detail = await second.call('audit:session', { id: crashed!.id });
    expect(detail.serverRecords.map((record) => record.kind)).toEqual(['console-start', 'console-end', 'odoo-log']);
    expect(detail.events.filter((event) => event.source === 'server').map((event) => event.type)).toContain('server-end');
    const endEntry = detail.serverRecords.find((record) => record.kind === 'console-end')!;
    expect(endEntry.fields).toContainEqual({ name: 'end_cause', value: 'recovered' });
    // Counted once each, whatever recorded them.
    const stats = await second.call('audit:stats', {});
    expect(stats.days.reduce((sum, day) => sum + day.count, 0)).toBe(4);
    expect(await second.call('audit:verify')).toMatchObject({ ok: true, records: 2, firstBroken: null });
  });
});

describe('recovery where the server forbids closing its log row (issue 12.2)', () => {
  it('still ends the session, leaves the row open, and says so in the record, the server log and the notice', async () => {
    const first = await startConsoleWithSim({ version: 18 });
    open.push(first);
    await connectAs(first);
    await first.call('impersonation:start', { targetId: first.sim.state.userId('carol'), reason: CRASHED });
    const cookie = first.view.spec!.sessionCookie;
    const second = first.restart();
    open.push({ ...second, close: () => second.services.shutdown() });
    // A module release or an access rule that keeps impersonate.log read-only for administrators.
    first.sim.state.injectFault({
      route: 'impersonate.log.write',
      kind: 'rpc-error',
      error: { name: 'odoo.exceptions.AccessError', message: "You are not allowed to modify 'Impersonate Logs' (impersonate.log) records." },
    });
    await connectAs(second);
    const topic = `recovery:${first.sim.url}|${first.sim.database}`;
    await expect
      .poll(async () => (await second.call('app:notices')).find((notice) => notice.topic === topic)?.params?.context, { timeout: 10_000 })
      .toBe('rowRefused');
    // The session itself is gone; its row stays open, which is what the notice says.
    const acts = await fetch(`${first.sim.url}/web/session/get_session_info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `session_id=${cookie}` },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: {} }),
    });
    expect(((await acts.json()) as { error?: { data: { name: string } } }).error?.data.name).toBe('odoo.http.SessionExpiredException');
    expect(first.sim.state.openImpersonateLogs()).toHaveLength(1);
    const local = second.services.audit.raw.prepare("SELECT end_cause, end_detail FROM sessions WHERE reason = ?").get(CRASHED) as { end_cause: string; end_detail: string };
    expect(local.end_cause).toBe('recovered');
    expect(local.end_detail).toMatch(/row \d+ stays open: the server refused to close it \(You are not allowed to modify/);
    const end = first.sim.state.irLogging().map((entry) => JSON.parse(String(entry.message)) as { event: string; endCause?: string; detail?: string }).find((m) => m.event === 'end');
    expect(end).toMatchObject({ endCause: 'recovered', detail: expect.stringContaining('refused') });
  });
});
