// AZ-1 on the record (issue 11.4): a refused connect — wrong rights, or a wrong
// password (never the password) — is a hash-chained audit event; and the admin's
// rights are asked again at every start, on the fresh session's own answer, so an
// admin removed from Settings after connecting is refused before impersonate_login,
// recorded as a refusal with its cause.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectAs, REASON, startConsoleWithSim, type ConsoleUnderTest } from './console-fixture';

let console: ConsoleUnderTest | null = null;
afterEach(async () => {
  await console?.close();
  console = null;
});

function events(c: ConsoleUnderTest, type: string): Record<string, unknown>[] {
  const rows = c.services.audit.raw.prepare('select payload from audit_events where type = ? order by id').all(type) as { payload: string }[];
  return rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
}

describe('a refused connect is an audit event (AZ-1)', () => {
  it('records a wrong password with the login, never the password', async () => {
    console = await startConsoleWithSim();
    const canary = 'CANARY-wrong-password-8f3a1c';
    const saved = await console.call('connections:save', { name: 'Sim', url: console.sim.url, database: console.sim.database, login: 'admin' });
    expect(await console.callRaw('connections:connect', { id: saved.id, password: canary })).toMatchObject({ ok: false, error: { kind: 'access-denied' } });
    expect(await console.callRaw('connections:test', { id: saved.id, password: canary })).toMatchObject({ ok: false });
    expect(events(console, 'connect-refused')).toEqual([
      expect.objectContaining({ login: 'admin', action: 'connect', causes: ['access-denied'], connection_key: `${console.sim.url}|${console.sim.database}` }),
      expect.objectContaining({ login: 'admin', action: 'test', causes: ['access-denied'] }),
    ]);
    await console.services.shutdown();
    for (const file of readdirSync(console.dataDir)) {
      expect(readFileSync(path.join(console.dataDir, file)).includes(canary), file).toBe(false);
    }
  });

  it('records a login without the rights, with each missing piece', async () => {
    console = await startConsoleWithSim();
    const { report } = await connectAs(console, 'admin2');
    expect(report.ok).toBe(false);
    await connectAs(console, 'alice');
    expect(events(console, 'connect-refused')).toEqual([
      expect.objectContaining({ login: 'admin2', causes: ['not-in-impersonation-group'] }),
      expect.objectContaining({ login: 'alice', causes: ['not-system-admin', 'not-in-impersonation-group'] }),
    ]);
  });

  it('records nothing for a connect that succeeds', async () => {
    console = await startConsoleWithSim();
    await connectAs(console);
    expect(events(console, 'connect-refused')).toEqual([]);
  });
});

describe('AZ-1 at every start', () => {
  it.each([
    ['removed from Settings', 'system', 'admin-not-system', 'rules.adminNotSystem'],
    ['removed from "Impersonate Users"', 'impersonate', 'admin-not-impersonator', 'rules.adminNotImpersonator'],
  ] as const)('refuses an admin %s after connecting, before impersonate_login, as a refusal', async (_name, group, code, key) => {
    console = await startConsoleWithSim();
    await connectAs(console);
    const admin = console.sim.state.db.user(2)!;
    const groupId = console.sim.state.db.groups[group];
    admin.groups_id = (admin.groups_id as number[]).filter((id) => id !== groupId);
    console.sim.state.clearRequests();

    const answer = await console.callRaw('impersonation:start', { targetId: console.sim.state.userId('bob'), reason: REASON });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'refused', key } });
    expect(console.sim.state.requests().some((r) => r.rpc === 'res.users.impersonate_login')).toBe(false);
    expect(console.sim.state.impersonateLogs()).toEqual([]);
    expect(console.view.opens).toBe(0);
    const row = console.services.audit.raw.prepare('select outcome, refusal from sessions order by id desc limit 1').get();
    expect(row).toEqual({ outcome: 'refused', refusal: code });
    const logs = await console.call('audit:list', { filters: { source: 'local' } });
    expect(logs.rows[0]).toMatchObject({ outcome: 'refused', refusal: code });
  });
});
