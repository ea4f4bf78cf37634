// Behaviours of docs/odoo.md that only the simulator can show without harming a real
// server: the portal trap, password changes, impersonating id 1, the identity
// check window, the hashing delay, and versions 17 and 19.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
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
    expect(sim.state.requests().map((r) => r.rpc)).toEqual(['res.device.search_read', 'res.device.revoke']);
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
  it('Odoo 17: no res.device*, so no server-seen IP, and the UI is told', async () => {
    const { admin } = await setup({ version: 17 });
    const report = await admin.checkAdmin();
    expect(report.ok).toBe(true);
    expect(report.hasDeviceLog).toBe(false);
    expect(report.problems.map((p) => p.key)).toEqual(['odoo.problemNoDeviceLog']);
    const handle = await admin.impersonate(7);
    expect(handle.facts.serverIp).toBeNull();
    expect(handle.facts.serverIpAvailable).toBe(false);
    expect(handle.facts.webClientUrl).toMatch(/\/web$/);
    expect((await admin.endImpersonation(handle)).serverEnded).toBe(true);
  });

  it('Odoo 19: finds administrators through group_ids', async () => {
    const { admin } = await setup({ version: 19 });
    expect((await admin.detect()).groupsField).toBe('group_ids');
    const page = await admin.searchUsers('admin', 0, 10);
    expect(page.rows.find((r) => r.login === 'admin2')?.reasons).toEqual(['administrator']);
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
