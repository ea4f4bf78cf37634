// Behaviours of docs/odoo.md that only the simulator can show without harming a real
// server: the portal trap, password changes, impersonating id 1, the identity
// check window, the hashing delay, and versions 17 and 19.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { OdooClient } from '../../../src-main/odoo';
import { startOdooSim, type OdooSim } from '../../support/odoo-sim';
import { RawSession } from '../../contract/raw-session';
import { connect, simsClosedAfterEach } from './sim-harness';

const { setup, track } = simsClosedAfterEach();
async function rawAdmin(sim: OdooSim): Promise<RawSession> {
  const raw = new RawSession(sim.url);
  await raw.authenticate(sim.database, 'admin', 'admin');
  return raw;
}

describe('the module', () => {
  it('lets a group member impersonate a portal user, which traps the session until it is destroyed', async () => {
    const { sim } = await setup();
    const raw = await rawAdmin(sim);
    await raw.callKw('res.users', 'impersonate_login', [[10]]);
    const back = await raw.callKw('res.users', 'back_to_origin_login', []);
    expect(back.envelope?.error?.data.name).toBe('odoo.exceptions.AccessError');
    expect(((await raw.sessionInfo()).envelope?.result as { uid: number }).uid).toBe(10);
    await raw.post('/web/session/destroy', {});
    expect(sim.state.liveSessions()).toHaveLength(0);
  });

  it('lets a group member impersonate the superuser (id 1)', async () => {
    const { sim } = await setup();
    const raw = await rawAdmin(sim);
    const answer = await raw.callKw('res.users', 'impersonate_login', [[1]]);
    expect(answer.envelope?.result).toMatchObject({ tag: 'reload' });
    await raw.end();
  });

  it('leaves the log row open when the session is destroyed without going back', async () => {
    const { sim } = await setup();
    const raw = await rawAdmin(sim);
    await raw.callKw('res.users', 'impersonate_login', [[7]]);
    await raw.post('/web/session/destroy', {});
    expect(sim.state.openImpersonateLogs()).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('expires every session of a user whose password changes, impersonating ones included', async () => {
    const { sim, admin } = await setup();
    const handle = await admin.impersonate(7);
    const own = new RawSession(sim.url);
    await own.authenticate(sim.database, 'alice', 'alice');
    sim.state.setPassword('alice', 'changed-password');
    expect((await own.sessionInfo()).envelope?.error?.data.name).toBe('odoo.http.SessionExpiredException');
    const view = new RawSession(sim.url);
    view.cookie = handle.sessionCookieForView();
    expect((await view.sessionInfo()).envelope?.error?.data.name).toBe('odoo.http.SessionExpiredException');
  });

  it('lets revoke act at once for ten minutes after an identity check', async () => {
    const { sim, admin } = await setup();
    const victims = [new RawSession(sim.url), new RawSession(sim.url)];
    for (const raw of victims) {
      await raw.authenticate(sim.database, 'bob', 'bob');
      await raw.sessionInfo();
    }
    await admin.revokeSession((victims[0]?.cookie ?? '').slice(0, 42), 'admin');
    sim.state.clearRequests();
    await admin.revokeSession((victims[1]?.cookie ?? '').slice(0, 42), 'admin');
    // No identity check the second time; the last search confirms the session is gone.
    expect(sim.state.requests().map((r) => r.rpc)).toEqual(['res.device.search_read', 'res.device.revoke', 'res.device.search_read']);
    expect(sim.state.liveSessions().map((s) => s.uid)).toEqual([2]);
  });

  it('hashes passwords for about half a second by default, like a real server', async () => {
    const sim = await startOdooSim({});
    track(sim);
    const started = performance.now();
    await connect(sim, 'admin').authenticate();
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
  });
});

describe('versions', () => {
  it('Odoo 17: no res.device*, so no server-seen IP and no revoke, and the UI is told; /web; a digest for identifier', async () => {
    const { admin } = await setup({ version: 17 });
    const report = await admin.checkAdmin();
    expect(report.ok).toBe(true);
    expect(report.capabilities).toEqual({ serverSeenIp: false, revokeOrphans: false });
    expect(report.problems.map((p) => p.key)).toEqual(['odoo.problemNoServerIp', 'odoo.problemNoOrphanRevocation']);
    const handle = await admin.impersonate(7);
    expect(handle.facts.serverIp).toBeNull();
    expect(handle.facts.serverIpAvailable).toBe(false);
    expect(handle.facts.webClientUrl).toMatch(/\/web$/);
    // SS-10: a 17 session id has 40 characters; its first 42 would be all of it.
    const cookie = handle.sessionCookieForView();
    expect(cookie).toMatch(/^[0-9a-f]{40}$/);
    expect(handle.sessionIdentifier).toHaveLength(42);
    expect(handle.sessionIdentifier).not.toContain(cookie.slice(0, 20));
    expect(cookie).not.toContain(handle.sessionIdentifier.slice(0, 20));
    expect((await admin.endImpersonation(handle)).serverEnded).toBe(true);
    await expect(admin.revokeSession(handle.sessionIdentifier, 'admin')).rejects.toMatchObject({ kind: 'feature-missing' });
  });

  it('Odoo 19: finds administrators with their implied groups through all_group_ids', async () => {
    const { admin } = await setup({ version: 19 });
    expect((await admin.detect()).adminGroupsField).toBe('all_group_ids');
    const page = await admin.searchUsers('', 0, 50);
    expect(page.rows.find((r) => r.login === 'admin2')?.reasons).toEqual(['administrator']);
    expect(page.rows.find((r) => r.login === 'sue')?.reasons).toEqual(['administrator']);
  });

  it('Odoo 19: revokes through the identity check that reads the password from the context', async () => {
    const { sim, admin } = await setup({ version: 19 });
    const victim = new RawSession(sim.url);
    await victim.authenticate(sim.database, 'bob', 'bob');
    await victim.sessionInfo();
    expect(await admin.revokeSession((victim.cookie ?? '').slice(0, 42), 'admin')).toEqual({ found: true, revoked: true });
    expect((await victim.sessionInfo()).envelope?.error?.data.name).toBe('odoo.http.SessionExpiredException');
  });

  it('Odoo 18: clears a wrong password the identity check left stored in its wizard', async () => {
    const { sim, admin } = await setup({ version: 18 });
    const victim = new RawSession(sim.url);
    await victim.authenticate(sim.database, 'bob', 'bob');
    await victim.sessionInfo();
    await expect(admin.revokeSession((victim.cookie ?? '').slice(0, 42), 'wrong-password')).rejects.toMatchObject({ kind: 'verification-failed' });
    const wizards = [...sim.state.db.table('res.users.identitycheck').rows.values()];
    expect(wizards).toHaveLength(1);
    expect(wizards.map((w) => w.password)).toEqual([false]);
    expect((await victim.sessionInfo()).envelope?.error).toBeUndefined();
  });

  it('Odoo 19: a JSON route asked with another content type answers 415, which the client calls not Odoo', async () => {
    const { sim } = await setup({ version: 19 });
    const client = new OdooClient({
      baseUrl: sim.url,
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'Content-Type': 'text/plain' } }),
    });
    await expect(client.call('/web/session/get_session_info', {})).rejects.toMatchObject({ kind: 'not-odoo', params: { status: 415 } });
  });

  it('Odoo 19: a server error with code 0 is read by its class like any other', async () => {
    const { sim } = await setup({ version: 19 });
    const raw = new RawSession(sim.url);
    expect((await raw.authenticate(sim.database, 'admin', 'wrong')).envelope?.error?.code).toBe(0);
    await expect(connect(sim, 'admin', {}, 'wrong').authenticate()).rejects.toMatchObject({ kind: 'access-denied' });
  });

  it('without the module: checkAdmin names it and nothing else is tried', async () => {
    const { admin } = await setup({ moduleInstalled: false });
    const report = await admin.checkAdmin();
    expect(report.ok).toBe(false);
    expect(report.moduleInstalled).toBe(false);
    expect(report.problems.map((p) => p.key)).toEqual(['odoo.problemModuleMissing']);
  });
});

describe('secrets (SS-10)', () => {
  it('never shows the session cookie or the password in JSON, strings or inspection', async () => {
    const { sim } = await setup({ users: [{ login: 'canary-admin', name: 'Canary Admin', password: 'CANARY-password-7731', systemAdmin: true, impersonator: true }] });
    const admin = connect(sim, 'canary-admin', {}, 'CANARY-password-7731');
    const handle = await admin.impersonate(7);
    const cookie = handle.sessionCookieForView();
    expect(cookie).toHaveLength(84);
    const shown = [JSON.stringify(handle), String(handle), inspect(handle, { showHidden: true, depth: 10 }), JSON.stringify(admin), inspect(admin, { depth: 10 })].join('\n');
    expect(shown).toContain(handle.sessionIdentifier);
    expect(shown).not.toContain(cookie);
    expect(shown).not.toContain('CANARY-password-7731');
    sim.state.injectFault({ route: '/web/session/destroy', kind: 'rpc-error', error: { name: 'builtins.Exception', message: 'boom' } });
    const report = await admin.endImpersonation(handle);
    expect(inspect(report, { depth: 10 })).not.toContain(cookie);
  });
});
