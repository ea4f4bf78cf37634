// AZ-6, issue 11.2, against the server itself (simulator, or a real Odoo with the ODOO_*
// variables; the target is ODOO_TARGET_LOGIN, bob by default): what the tripwire reads —
// the session's uid and impersonate_from_uid on its own cookie, and the impersonate.log
// rows above the mark taken right before impersonate_login — says "tampered" for a
// session the page switched back to the admin, and for a quick switch that ended where
// it began; another target's row is a warning. Every session is ended and every row
// closed before the test ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeSession } from '../../src-main/core/tripwire';
import type { ImpersonatedSession, OdooConnection } from '../../src-main/odoo';
import { RawSession } from './raw-session';
import { openTarget, type ContractTarget } from './target';

let target: ContractTarget;
let admin: OdooConnection;
let ids: { admin: number; target: number; admin2: number };
beforeAll(async () => {
  target = await openTarget();
  admin = target.connect();
  const idOf = async (login: string) => (await admin.searchUsers(login, 0, 10)).rows.find((row) => row.login === login)!.id;
  ids = { admin: (await admin.authenticate()).uid, target: await idOf(process.env.ODOO_TARGET_LOGIN ?? 'bob'), admin2: await idOf(target.admin2.login) };
});
afterAll(async () => {
  await admin.destroy();
  await target.close();
});

/** What page script would do with the view's cookie, were the policy to miss it. */
async function pageCalls(session: ImpersonatedSession, method: string, args: unknown[]): Promise<void> {
  const response = await fetch(`${target.url}/web/dataset/call_kw`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: `session_id=${session.sessionCookieForView()}` },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { model: 'res.users', method, args, kwargs: {} } }),
  });
  expect(await response.json()).toHaveProperty('result');
}

async function reading(session: ImpersonatedSession) {
  const watch = session.facts.logWatch;
  const [witness, rows] = await Promise.all([admin.checkAlive(session), watch ? admin.readImpersonateLogsAfter(watch.afterId) : null]);
  return judgeSession({ targetUid: ids.target, adminUid: ids.admin, logWatch: watch }, witness, rows);
}

describe('the tripwire on the server\'s own word (AZ-6)', () => {
  it('finds its own log row at the start and is content with an untouched session', async () => {
    const session = await admin.impersonate(ids.target);
    try {
      expect(session.facts.logWatch).toMatchObject({ ownRowIds: [expect.any(Number)], afterId: expect.any(Number) });
      expect(session.facts.logWatch!.ownRowIds[0]).toBeGreaterThan(session.facts.logWatch!.afterId);
      expect(session.impersonateLogId).toBe(session.facts.logWatch!.ownRowIds[0]);
      expect(await reading(session)).toEqual({ kind: 'ok', others: [] });
    } finally {
      await admin.endImpersonation(session);
    }
  });

  it('says tampered when the page went back to the admin', async () => {
    const session = await admin.impersonate(ids.target);
    try {
      await pageCalls(session, 'back_to_origin_login', []);
      expect(await reading(session)).toMatchObject({ kind: 'tampered', finding: { what: 'session-identity', uid: ids.admin } });
    } finally {
      await admin.endImpersonation(session);
    }
  });

  it('says tampered after a quick switch that ended where it began (target → admin → admin2 → admin → target)', async () => {
    const session = await admin.impersonate(ids.target);
    try {
      await pageCalls(session, 'back_to_origin_login', []);
      await pageCalls(session, 'impersonate_login', [[ids.admin2]]);
      await pageCalls(session, 'back_to_origin_login', []);
      await pageCalls(session, 'impersonate_login', [[ids.target]]);
      const witness = await admin.checkAlive(session);
      expect(witness).toEqual({ state: 'live', uid: ids.target, impersonatorUid: ids.admin }); // the identity alone looks right
      expect(await reading(session)).toMatchObject({ kind: 'tampered', finding: { what: 'foreign-log-row' } });
    } finally {
      await admin.endImpersonation(session);
    }
  });

  it('warns about another target impersonated meanwhile, naming both users', async () => {
    const session = await admin.impersonate(ids.target);
    // The same admin elsewhere (a browser, another console) impersonates admin2: the module allows it.
    const elsewhere = new RawSession(target.url);
    try {
      await elsewhere.authenticate(target.database, target.admin.login, target.admin.password);
      expect((await elsewhere.callKw('res.users', 'impersonate_login', [[ids.admin2]])).envelope).toHaveProperty('result');
      expect(await reading(session)).toMatchObject({ kind: 'ok', others: [{ admin: expect.any(String), target: expect.stringMatching(/\S/) }] });
    } finally {
      await elsewhere.end();
      await admin.endImpersonation(session);
    }
  });
});
