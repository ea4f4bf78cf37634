// Issue 13, the warm session against the server (the simulator, and a real Odoo where
// ODOO_* is set): authenticated as the admin and not impersonating; switched by
// impersonate_login alone (no authenticate after Confirm) and verified (AZ-6); never
// switched twice; destroyed on the server when discarded; and, left behind by a crash,
// revoked by its identifier (res.device, 18 and 19; Odoo 17 cannot, and says so).
// The core lifecycle (cancel, timeout, disconnect, quit) runs against the same server
// through WarmSessions with a real SQLite audit.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectorPort } from '../../src-main/api/connector-port';
import { AuditStore, openAuditDatabase, type AuditDatabase } from '../../src-main/audit';
import { WarmSessions } from '../../src-main/core/warm-sessions';
import { isOdooError, type ConnectorImpersonationPort, type ImpersonatedSession, type OdooConnection } from '../../src-main/odoo';
import { ManualScheduler, ManualTime } from '../unit/core/support/manual-time';
import { identifierScheme, sessionIdentifierOf } from '../../src-main/odoo/session-identifier';
import { RawSession, countingFetch } from './raw-session';
import { eachTarget, knownUsers, openTarget, type ContractTarget, type KnownUsers } from './target';

/** A fetch that also keeps every session cookie the server set, to look at a session from outside. */
function cookieKeepingFetch(): { fetch: typeof fetch; calls: string[]; cookies: string[] } {
  const counting = countingFetch();
  const cookies: string[] = [];
  const keeping: typeof fetch = async (input, init) => {
    const response = await counting.fetch(input, init);
    for (const header of response.headers.getSetCookie()) {
      const match = /^session_id=([^;]+)/.exec(header);
      if (match) cookies.push(match[1]!);
    }
    return response;
  };
  return { fetch: keeping, calls: counting.calls, cookies };
}

describe.each(eachTarget())('the warm session on %s', (_label, spec) => {
  let target: ContractTarget;
  let ids: KnownUsers;
  let admin: OdooConnection;
  let seen: ReturnType<typeof cookieKeepingFetch>;
  let port: ConnectorImpersonationPort;
  const handles: ImpersonatedSession[] = [];

  beforeAll(async () => {
    target = await openTarget(spec);
    ids = await knownUsers(target);
    seen = cookieKeepingFetch();
    admin = target.connect(target.admin, seen.fetch);
    await admin.authenticate();
    port = connectorPort(admin, target.url, () => target.admin.password);
  });
  afterEach(async () => {
    for (const handle of handles.splice(0)) await admin.endImpersonation(handle);
  });
  afterAll(async () => {
    await admin.destroy();
    await target.close();
  });

  /** Who the session with this identifier is, asked on its own cookie; null once the server dropped it. */
  async function whoIs(identifier: string): Promise<{ uid: number; impersonate_from_uid: number | false | null } | null> {
    const scheme = identifierScheme({ hasDeviceLog: target.version >= 18 });
    const cookie = seen.cookies.find((c) => sessionIdentifierOf(c, scheme) === identifier);
    if (!cookie) throw new Error('no cookie seen for that identifier');
    const raw = new RawSession(target.url);
    raw.cookie = cookie;
    const answer = await raw.sessionInfo();
    const result = answer.envelope?.result as { uid: number | null; impersonate_from_uid?: number | false } | undefined;
    if (!result || result.uid === null) return null;
    return { uid: result.uid, impersonate_from_uid: result.impersonate_from_uid ?? null };
  }

  it('is the admin, not impersonating; Confirm then only switches it, verified, with no authenticate', async () => {
    const warm = await admin.prewarm();
    expect(warm.sessionIdentifier).toHaveLength(42);
    expect(await whoIs(warm.sessionIdentifier)).toMatchObject({ uid: ids.admin });
    const { target: user, logMark } = await admin.readTargetAndMark(ids.user);
    const before = seen.calls.length;
    const handle = await admin.impersonate({ target: user!, warm, logMark });
    handles.push(handle);
    const after = seen.calls.slice(before);
    expect(after).not.toContain('/web/session/authenticate');
    expect(after.filter((call) => call === 'res.users.impersonate_login')).toHaveLength(1);
    expect(handle.sessionIdentifier).toBe(warm.sessionIdentifier);
    expect(await whoIs(handle.sessionIdentifier)).toEqual({ uid: ids.user, impersonate_from_uid: ids.admin });

    // Never switched twice: the same warm session is refused before anything is sent.
    const again = seen.calls.length;
    const error = await admin.impersonate({ target: user!, warm, logMark: null }).catch((e: unknown) => e);
    expect(isOdooError(error, 'verification-failed')).toBe(true);
    expect(seen.calls.slice(again)).toEqual([]);
  });

  it('is destroyed on the server when discarded', async () => {
    const warm = await admin.prewarm();
    expect(await whoIs(warm.sessionIdentifier)).toMatchObject({ uid: ids.admin });
    await admin.discardWarm(warm);
    expect(await whoIs(warm.sessionIdentifier)).toBeNull();
  });

  it('left behind by a crash, is revoked by its identifier where the server can (18, 19)', async () => {
    const warm = await admin.prewarm();
    const outcome = await port.revokeByIdentifier(warm.sessionIdentifier);
    if (target.version >= 18) {
      expect(outcome).toBe('revoked');
      expect(await whoIs(warm.sessionIdentifier)).toBeNull();
    } else {
      expect(outcome).toBe('unsupported');
      await admin.discardWarm(warm);
    }
  });

  describe('through core (WarmSessions) with a real audit file', () => {
    let database: AuditDatabase;
    let store: AuditStore;
    const time = new ManualTime();
    const scheduler = new ManualScheduler(time);

    beforeAll(() => {
      database = openAuditDatabase({ file: path.join(mkdtempSync(path.join(os.tmpdir(), 'warm-contract-')), 'audit.sqlite') });
      store = new AuditStore(database);
    });
    afterAll(() => database.close());

    const forAlice = () => ({ connectionKey: 'contract', adminUid: ids.admin, targetId: ids.user });

    it('records it before use, destroys it on cancel and after two minutes unused, and hands it out once', async () => {
      const warm = new WarmSessions(store, time, scheduler);
      expect(await warm.prepare(forAlice(), port)).toBe(true);
      const [recorded] = await store.openWarmSessions();
      expect(recorded?.sessionIdentifier).toHaveLength(42);
      expect(await whoIs(recorded!.sessionIdentifier)).toMatchObject({ uid: ids.admin });
      await warm.discard('cancelled');
      expect(await whoIs(recorded!.sessionIdentifier)).toBeNull();
      expect(await store.openWarmSessions()).toEqual([]);

      expect(await warm.prepare(forAlice(), port)).toBe(true);
      const [second] = await store.openWarmSessions();
      await scheduler.advance(2 * 60_000);
      await warm.discard('cancelled'); // waits for the timeout's destroy to settle
      expect(await whoIs(second!.sessionIdentifier)).toBeNull();
      expect(await store.openWarmSessions()).toEqual([]);

      expect(await warm.prepare(forAlice(), port)).toBe(true);
      // Another target's start does not get it (and destroys it); this target's gets it once.
      expect(await warm.take({ ...forAlice(), targetId: ids.admin2 }, port)).toBeNull();
      expect(await warm.take(forAlice(), port)).toBeNull();
      await warm.discard('cancelled');
      expect(await store.openWarmSessions()).toEqual([]);

      expect(await warm.prepare(forAlice(), port)).toBe(true);
      const taken = await warm.take(forAlice(), port);
      expect(taken).not.toBeNull();
      expect(await warm.take(forAlice(), port)).toBeNull();
      await port.discardWarm(taken!.handle);
      await warm.used(taken!);
    });
  });
});
