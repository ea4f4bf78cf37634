// The start sequence step by step (docs/architecture.md, Sessions against Odoo), and a
// failure injected at every step, before or after the server acted: the start is
// refused and no impersonation, live session or open log row remains (IN-4).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OdooError, type OdooConnection } from '../../../src-main/odoo';
import type { FaultKind, OdooSim } from '../../support/odoo-sim';
import { AdminRightsRefusal } from '../../../src-main/core';
import { connect, simWithAdmin } from './sim-harness';

let sim: OdooSim;
let admin: OdooConnection;

beforeEach(async () => {
  ({ sim, admin } = await simWithAdmin());
  await admin.detect(); // the admin API session is warm; only the start sequence is counted
  sim.state.clearRequests();
});
afterEach(() => sim.close());

const START_STEPS = [
  { step: 'authenticate on a fresh jar', route: '/web/session/authenticate', skip: 0 },
  { step: 'first session info (creates the device record)', route: '/web/session/get_session_info', skip: 0 },
  { step: 're-check of the target', route: 'res.users.search_read', skip: 0 },
  { step: "the tripwire's mark in impersonate.log", route: 'impersonate.log.search_read', skip: 0 },
  { step: 'impersonate_login', route: 'res.users.impersonate_login', skip: 0 },
  { step: 'verification', route: '/web/session/get_session_info', skip: 1 },
  { step: 'the log row impersonate_login created', route: 'impersonate.log.search_read', skip: 1 },
  { step: 'server-seen IP', route: 'res.device.log.search_read', skip: 0 },
] as const;

describe('the start sequence', () => {
  it('runs authenticate, session info and the IP read (the warm part), then re-check beside the mark, impersonate_login, and the verification beside the log watch', async () => {
    const handle = await admin.impersonate(7);
    const calls = sim.state.requests().map((r) => r.rpc ?? r.path);
    // Steps sent side by side (Promise.all) may reach the server in either order: compared as sets.
    expect(calls.slice(0, 3)).toEqual(['/web/session/authenticate', '/web/session/get_session_info', 'res.device.log.search_read']);
    expect([...calls.slice(3, 6)].sort()).toEqual(['impersonate.log.search_read', 'res.users.search_read', 'res.users.search_read']);
    expect(calls[6]).toBe('res.users.impersonate_login');
    expect([...calls.slice(7)].sort()).toEqual(['/web/session/get_session_info', 'impersonate.log.search_read']);
    expect(handle.facts.serverIp).toBe('127.0.0.1');
    expect(handle.facts.startedAtServer).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(sim.state.openImpersonateLogs()).toHaveLength(1);
    const own = sim.state.openImpersonateLogs()[0];
    expect(handle.facts.logWatch).toEqual({ afterId: (own?.id ?? 0) - 1, ownRowIds: [own?.id], targetPartnerId: sim.state.db.user(7)?.partner_id });
    expect(handle.impersonateLogId).toBe(own?.id);
  });

  // AZ-1 at every start, on the fresh session's own authenticate answer.
  it('refuses an administrator outside the impersonation group before impersonate_login', async () => {
    const error = await connect(sim, 'admin2').impersonate(7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminRightsRefusal);
    expect((error as AdminRightsRefusal).code).toBe('admin-not-impersonator');
    expect(sim.state.requests().some((r) => r.rpc === 'res.users.impersonate_login')).toBe(false);
    // Only the two admin API sessions (admin's and admin2's) live on: the fresh one was destroyed.
    expect(sim.state.liveSessions()).toHaveLength(2);
  });

  it('refuses an admin whose Settings rights were removed after connecting, before impersonate_login', async () => {
    await admin.checkAdmin();
    const user = sim.state.db.user(2);
    user!.groups_id = (user!.groups_id as number[]).filter((id) => id !== sim.state.db.groups.system);
    const error = await admin.impersonate(7).catch((e: unknown) => e);
    expect((error as AdminRightsRefusal).code).toBe('admin-not-system');
    expect(sim.state.requests().some((r) => r.rpc === 'res.users.impersonate_login')).toBe(false);
    expect(sim.state.impersonateLogs()).toEqual([]);
  });

  it('uses a fresh session, distinct from the admin API session (SS-1)', async () => {
    const first = await admin.impersonate(7);
    const second = await admin.impersonate(8);
    const identifiers = sim.state.liveSessions().map((s) => s.identifier);
    expect(new Set(identifiers).size).toBe(3);
    expect(first.sessionIdentifier).not.toBe(second.sessionIdentifier);
  });

  it('re-checks the target right before impersonate_login: a target made administrator meanwhile is refused', async () => {
    const page = await admin.searchUsers('alice', 0, 10);
    expect(page.rows[0]?.eligible).toBe(true);
    const alice = sim.state.db.user(7);
    (alice?.groups_id as number[]).push(sim.state.db.groups.system);
    const error = await admin.impersonate(7).catch((e: unknown) => e);
    expect((error as OdooError).kind).toBe('not-eligible');
    expect(sim.state.requests().some((r) => r.rpc === 'res.users.impersonate_login')).toBe(false);
    expect(sim.state.liveSessions()).toHaveLength(1);
  });

  it('runs the write-ahead records once the switch answered, beside the verification, and ends the switch when they fail', async () => {
    const { target, logMark } = await admin.readTargetAndMark(7);
    const warm = await admin.prewarm();
    sim.state.clearRequests();
    let seen: unknown = null;
    const error = await admin
      .impersonate({
        target: { ...target!, partnerId: target!.partnerId ?? null },
        warm,
        logMark,
        clientIp: '10.0.0.4',
        writeAhead: async (switched) => {
          seen = { ...switched, switchedAlready: sim.state.requests().some((r) => r.rpc === 'res.users.impersonate_login') };
          throw new Error('disk full');
        },
      })
      .catch((e: unknown) => e);
    expect(error).toEqual(new Error('disk full'));
    expect(seen).toEqual({ sessionIdentifier: warm.sessionIdentifier, serverIp: warm.serverIp, clientIp: '10.0.0.4', logMark, switchedAlready: true });
    // Nothing half-done: the log row closed, the fresh session destroyed (IN-4).
    expect(sim.state.openImpersonateLogs()).toEqual([]);
    expect(sim.state.liveSessions()).toHaveLength(1);
  });

  const kinds: FaultKind[] = ['html-502', 'truncated-json', 'reset'];
  for (const { step, route, skip } of START_STEPS) {
    for (const phase of ['before', 'after'] as const) {
      for (const kind of kinds) {
        it(`leaves nothing behind when ${step} fails (${kind}, ${phase} the server acted)`, async () => {
          sim.state.injectFault({ route, kind, phase, skip });
          const error = await admin.impersonate(7).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(OdooError);
          expect(sim.state.openImpersonateLogs()).toEqual([]);
          expect(sim.state.liveSessions().filter((s) => s.impersonateFromUid)).toEqual([]);
          const lostLogin = route === '/web/session/authenticate' && phase === 'after' && kind !== 'truncated-json';
          // A lost authenticate answer leaves a session nobody holds the cookie of (it expires unused).
          expect(sim.state.liveSessions()).toHaveLength(lostLogin ? 2 : 1);
        });
      }
    }
  }
});
