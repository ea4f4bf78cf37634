// The stop sequence (SS-2): back_to_origin_login, which alone closes the
// server's log row, then destroy; each step reported, a failed step retried.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImpersonatedSession, OdooConnection } from '../../../src-main/odoo';
import type { OdooSim } from '../../support/odoo-sim';
import { RawSession } from '../../contract/raw-session';
import { simWithAdmin } from './sim-harness';

let sim: OdooSim;
let admin: OdooConnection;
let handle: ImpersonatedSession;

beforeEach(async () => {
  ({ sim, admin } = await simWithAdmin());
  handle = await admin.impersonate(7);
  sim.state.clearRequests();
});
afterEach(() => sim.close());

async function cookieWorks(cookie: string): Promise<boolean> {
  const raw = new RawSession(sim.url);
  raw.cookie = cookie;
  return (await raw.sessionInfo()).envelope?.error === undefined;
}

describe('the stop sequence', () => {
  it('goes back to the admin, then destroys the session: log closed, cookie dead', async () => {
    const cookie = handle.sessionCookieForView();
    const report = await admin.endImpersonation(handle);
    expect(sim.state.requests().map((r) => r.rpc ?? r.path)).toEqual(['res.users.back_to_origin_login', '/web/session/destroy']);
    expect(report).toMatchObject({ backToOrigin: { ok: true }, destroy: { ok: true }, serverEnded: true });
    expect(report.endedAtServer).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(sim.state.openImpersonateLogs()).toEqual([]);
    expect(await cookieWorks(cookie)).toBe(false);
    expect(sim.state.liveSessions()).toHaveLength(1);
  });

  it('still destroys the session when back_to_origin_login fails, and says the log stayed open', async () => {
    sim.state.injectFault({ route: 'res.users.back_to_origin_login', kind: 'html-502' });
    const report = await admin.endImpersonation(handle);
    expect(report.backToOrigin.ok).toBe(false);
    expect(report.destroy.ok).toBe(true);
    expect(report.serverEnded).toBe(true);
    expect(sim.state.openImpersonateLogs()).toHaveLength(1);
    expect(sim.state.liveSessions()).toHaveLength(1);
  });

  it('reports a failed destroy, and a second call finishes the job without repeating back_to_origin_login', async () => {
    sim.state.injectFault({ route: '/web/session/destroy', kind: 'reset' });
    const first = await admin.endImpersonation(handle);
    expect(first.backToOrigin.ok).toBe(true);
    expect(first.destroy.ok).toBe(false);
    expect(first.serverEnded).toBe(false);
    expect(sim.state.liveSessions()).toHaveLength(2);
    sim.state.clearRequests();
    const second = await admin.endImpersonation(handle);
    expect(second.serverEnded).toBe(true);
    expect(sim.state.requests().map((r) => r.rpc ?? r.path)).toEqual(['/web/session/destroy']);
    expect(sim.state.liveSessions()).toHaveLength(1);
  });

  it('counts a session the server already ended (target password changed) as ended', async () => {
    sim.state.setPassword('alice', 'a-new-password');
    const report = await admin.endImpersonation(handle);
    expect(report.backToOrigin).toEqual({ ok: true, alreadyEnded: true });
    expect(report.destroy).toEqual({ ok: true, alreadyEnded: true });
    expect(report.serverEnded).toBe(true);
  });

  it('no longer hands out the cookie once the session is destroyed', async () => {
    await admin.endImpersonation(handle);
    expect(() => handle.sessionCookieForView()).toThrow();
  });
});
