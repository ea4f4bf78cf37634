// docs/odoo.md, The server's own audit records: the device log and revoke by
// identifier (Odoo 18 and 19; 17 has neither), the identity check per version,
// the console's ir.logging entry, how write_date compares in a domain per
// version, and the mirror's window reads (SY-1). Entries written here are
// deleted again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenSession } from '../../src-main/core/ports';
import { EVERY_ROW, type ConsoleLogMessage } from '../../src-main/core/ports/server-logs';
import { isOdooError, type OdooConnection } from '../../src-main/odoo';
import { runScenario, type ScenarioName } from './protocol-scenarios';
import { RawSession } from './raw-session';
import { eachTarget, knownUsers, openTarget, type ContractTarget, type KnownUsers } from './target';

describe.each(eachTarget())('the server records of %s', (_label, spec) => {
  let target: ContractTarget;
  let ids: KnownUsers;
  let admin: OdooConnection;
  let cleanup: RawSession;
  let deviceLog = false;
  const written: number[] = [];

  beforeAll(async () => {
    target = await openTarget(spec);
    ids = await knownUsers(target);
    admin = target.connect();
    deviceLog = (await admin.detect()).hasDeviceLog;
    cleanup = new RawSession(target.url);
    await cleanup.authenticate(target.database, target.admin.login, target.admin.password);
  });
  afterAll(async () => {
    if (written.length > 0) await cleanup.callKw('ir.logging', 'unlink', [written]);
    await cleanup.end();
    await admin.destroy();
    await target.close();
  });
  const run = (name: ScenarioName) => runScenario(target, ids, name);

  function message(overrides: Partial<ConsoleLogMessage> = {}): ConsoleLogMessage {
    return {
      event: 'start',
      app: 'Impersonation Console (contract test)',
      appVersion: '0.0.0',
      host: 'contract-test',
      admin: { uid: ids.admin, login: target.admin.login },
      target: { id: ids.user, login: target.user.login, name: 'contract target' },
      reason: 'Contract test of the server-side audit entry',
      sessionIdentifier: 'x'.repeat(42),
      clientIp: '127.0.0.1',
      serverIp: null,
      at: new Date().toISOString(),
      ...overrides,
    };
  }

  async function victim(): Promise<RawSession> {
    const raw = new RawSession(target.url);
    await raw.authenticate(target.database, target.user.login, target.user.password);
    await raw.sessionInfo();
    return raw;
  }

  describe('res.device.log', () => {
    it('exists from Odoo 18 only', () => {
      expect(deviceLog).toBe(target.version >= 18);
    });

    it('records a session with its first checked request, not with authenticate, under sid[:42] (18, 19)', async () => {
      const transcript = await run('device-log');
      const [before, after] = transcript.exchanges.filter((e) => e.path.includes('res.device.log')).map((e) => e.answer.envelope);
      if (!deviceLog) {
        expect(before?.error?.data.name).toBe(target.version >= 18 ? 'werkzeug.exceptions.NotFound' : 'builtins.KeyError');
        return;
      }
      expect(before?.result).toEqual([]);
      expect(after?.result).toEqual([expect.objectContaining({ ip_address: expect.any(String), user_id: [ids.user, expect.any(String)] })]);
    });
  });

  describe('revokeSession', () => {
    /** Odoo 17 has no res.device: every revoke is refused as a missing feature, before any server call. */
    async function refusedOn17(): Promise<boolean> {
      if (deviceLog) return false;
      await expect(admin.revokeSession('0'.repeat(42), target.admin.password)).rejects.toMatchObject({ kind: 'feature-missing' });
      return true;
    }

    it('ends a session known only by its identifier, through the identity check (18: the written password, 19: the context); 17 cannot', async () => {
      if (await refusedOn17()) return;
      const raw = await victim();
      const report = await admin.revokeSession((raw.cookie ?? '').slice(0, 42), target.admin.password);
      expect(report).toEqual({ found: true, revoked: true });
      expect((await raw.sessionInfo()).envelope?.error?.data.name).toBe('odoo.http.SessionExpiredException');
    });

    it('says verification-failed when the admin password is wrong, revokes nothing, and leaves no password in the wizard', async () => {
      if (await refusedOn17()) return;
      const fresh = target.connect(); // no identity check done in this session yet
      const raw = await victim();
      const wizards = (domain: unknown[]) => cleanup.callKw('res.users.identitycheck', 'search_read', [domain], { fields: ['password'], order: 'id desc' });
      const before = ((await wizards([])).envelope?.result as { id: number }[])[0]?.id ?? 0;
      const error = await fresh.revokeSession((raw.cookie ?? '').slice(0, 42), 'not-the-admin-password').catch((e: unknown) => e);
      expect(isOdooError(error, 'verification-failed')).toBe(true);
      expect((await raw.sessionInfo()).envelope?.error).toBeUndefined();
      if (target.version < 19) {
        // 18 stores the typed password in the wizard's row and clears it only on success: the console clears it.
        const ours = (await wizards([['id', '>', before], ['create_uid', '=', ids.admin]])).envelope?.result as { password: unknown }[];
        expect(ours.length).toBeGreaterThan(0);
        expect(ours.filter((w) => w.password !== false)).toEqual([]);
      }
      await raw.end();
      await fresh.destroy();
    });

    it('reports an unknown identifier as not found', async () => {
      if (await refusedOn17()) return;
      expect(await admin.revokeSession('0'.repeat(42), target.admin.password)).toEqual({ found: false, revoked: false });
    });

    it('passes the identity check with the password written (17, 18) or in the context (19), and keeps a failed check retryable', async () => {
      const transcript = await run('identity-check');
      if (!deviceLog) {
        expect(transcript.get('devices').envelope?.error?.data.name).toBe('builtins.KeyError');
        return;
      }
      expect(transcript.get('revoke').envelope?.result).toMatchObject({ type: 'ir.actions.act_window', res_model: 'res.users.identitycheck', res_id: expect.any(Number) });
      expect(transcript.get('run_check wrong').envelope?.error?.data.name).toBe('odoo.exceptions.UserError');
      expect(transcript.get('run_check').envelope).toEqual({ jsonrpc: '2.0', id: expect.any(Number) });
      expect(transcript.get('victim after').envelope?.error?.data.name).toBe('odoo.http.SessionExpiredException');
    });
  });

  describe("crash recovery closes the server's record of the orphan (FT-1, every version)", () => {
    function orphan(handle: Awaited<ReturnType<OdooConnection['impersonate']>>, impersonateLogIds: number[]): OpenSession {
      return {
        sessionId: 1,
        connectionKey: 'contract',
        sessionIdentifier: handle.sessionIdentifier,
        adminUid: ids.admin,
        adminLogin: target.admin.login,
        adminName: 'contract admin',
        targetId: ids.user,
        targetLogin: target.user.login,
        targetName: handle.target.name,
        reason: 'Contract test of crash recovery',
        startedAtClient: new Date(),
        startedAtServer: handle.facts.startedAtServer,
        clientIp: null,
        serverIp: null,
        clientHost: 'contract-test',
        appVersion: '0.0.0',
        impersonateLogIds,
      };
    }

    it("writes date_end on the row the session recorded, by its key, and says so again as already closed", async () => {
      const handle = await admin.impersonate(ids.user);
      try {
        const rowId = handle.impersonateLogId!;
        expect(rowId).toBeGreaterThan(0);
        const closing = await admin.closeOrphanLogRow(orphan(handle, [rowId]));
        expect(closing).toEqual({ outcome: 'closed', rowId, at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) });
        const row = (await admin.readServerLogs('impersonate', { since: null, afterId: rowId - 1 }, 1)).rows[0];
        expect(row).toMatchObject({ serverId: rowId, adminUserId: ids.admin, targetUserId: ids.user, targetLogin: target.user.login });
        expect(row?.dateEnd).not.toBeNull();
        expect(await admin.closeOrphanLogRow(orphan(handle, [rowId]))).toMatchObject({ outcome: 'already-closed', rowId });
        // Closing the row does not end the session: only its own stop (or, on 18 and 19, a revoke) does.
        expect(await admin.checkAlive(handle)).toMatchObject({ state: 'live', uid: ids.user });
      } finally {
        await admin.endImpersonation(handle);
      }
    });

    it('finds a record made before the console kept the key by its start time, where exactly one row matches', async () => {
      const handle = await admin.impersonate(ids.user);
      try {
        const closing = await admin.closeOrphanLogRow(orphan(handle, []));
        expect(closing).toMatchObject({ outcome: 'closed', rowId: handle.impersonateLogId });
      } finally {
        await admin.endImpersonation(handle);
      }
    });

    it('leaves several candidates alone, and a row that names someone else', async () => {
      const handle = await admin.impersonate(ids.user);
      try {
        const rowId = handle.impersonateLogId!;
        expect(await admin.closeOrphanLogRow(orphan(handle, [rowId, rowId + 1]))).toEqual({ outcome: 'uncertain', rowId: null, at: null });
        expect(await admin.closeOrphanLogRow({ ...orphan(handle, [rowId]), adminUid: ids.admin2 })).toMatchObject({ outcome: 'rewritten', rowId });
        const row = (await admin.readServerLogs('impersonate', { since: null, afterId: rowId - 1 }, 1)).rows[0];
        expect(row?.dateEnd).toBeNull();
      } finally {
        await admin.endImpersonation(handle);
      }
    });

    it('reads how long an unused session lives where it cannot be revoked', async () => {
      const left = await admin.unrevocableFacts();
      expect(left).toMatchObject({ maxInactivitySeconds: expect.any(Number), cleanup: expect.stringMatching(/^(ran|never|off)$/) });
      expect(left.maxInactivitySeconds).toBeGreaterThan(0);
    });
  });

  describe("telling the session's log row apart when two starts left several candidates", () => {
    it('keeps both candidates at the start, and the end names the row its back_to_origin_login closed', async () => {
      const first = target.connect();
      const second = target.connect();
      try {
        // The same admin, the same target, at the same moment (two consoles): both starts may see both rows.
        const [a, b] = await Promise.all([first.impersonate(ids.user), second.impersonate(ids.user)]);
        const rows = [a.impersonateLogId ?? a.facts.logWatch!.ownRowIds, b.impersonateLogId ?? b.facts.logWatch!.ownRowIds].flat();
        expect(new Set(rows).size).toBe(2);
        const endA = await first.endImpersonation(a);
        const endB = await second.endImpersonation(b);
        expect(endA.impersonateLogId).not.toBeNull();
        expect(endB.impersonateLogId).not.toBeNull();
        expect(endA.impersonateLogId).not.toBe(endB.impersonateLogId);
        expect(new Set([endA.impersonateLogId, endB.impersonateLogId])).toEqual(new Set(rows));
      } finally {
        await first.destroy();
        await second.destroy();
      }
    });
  });

  describe('the console entry in ir.logging', () => {
    it('is written by a Settings administrator and read back with its message parsed', async () => {
      const id = await admin.writeAuditEntry(message());
      written.push(id);
      const page = await admin.readServerLogs('console', EVERY_ROW, 100_000);
      const row = page.rows.find((r) => r.serverId === id);
      expect(row?.message?.reason).toBe('Contract test of the server-side audit entry');
      expect(row?.adminUserId).toBe(ids.admin);
      expect(row?.targetUserId).toBe(ids.user);
      expect(row?.writeDate).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    });

    it('refuses a full session id in place of the 42-character identifier', async () => {
      const error = await admin.writeAuditEntry(message({ sessionIdentifier: 'y'.repeat(84) })).catch((e: unknown) => e);
      expect(isOdooError(error, 'verification-failed')).toBe(true);
    });
  });

  describe('write_date and the mirror window (SY-1)', () => {
    it('answers write_date to the second; 17 and 18 compare a literal with the stored microseconds, 19 rounds to whole seconds', async () => {
      const transcript = await run('write-date-domains');
      const found = (operator: string) => (transcript.get(`write_date ${operator}`).envelope?.result as unknown[]).length;
      // The second the server answered: on 17 and 18 the row is a little after it, on 19 inside it.
      expect(found('>')).toBe(target.version >= 19 ? 0 : 1);
      expect(found('=')).toBe(target.version >= 19 ? 1 : 0);
      // `>=` and `<` with a whole second mean the same on every version: what the mirror uses.
      expect(found('>=')).toBe(1);
      expect(found('<')).toBe(0);
    });

    it('reads every row at or after a whole second by ascending id, and pages by id', async () => {
      const first = await admin.writeAuditEntry(message({ event: 'start' }));
      const second = await admin.writeAuditEntry(message({ event: 'end', endCause: 'banner' }));
      const third = await admin.writeAuditEntry(message({ event: 'start', reason: 'Contract test, third entry' }));
      written.push(first, second, third);
      const all = await admin.readServerLogs('console', EVERY_ROW, 100_000);
      const serverIds = all.rows.map((r) => r.serverId);
      expect(serverIds).toEqual([...serverIds].sort((a, b) => a - b));
      const since = all.rows.find((r) => r.serverId === first)!.writeDate;
      // (Other contract files may write entries meanwhile on a shared server: only ours are counted.)
      const ours = (rows: { serverId: number }[]) => rows.map((r) => r.serverId).filter((id) => [first, second, third].includes(id));
      const window = await admin.readServerLogs('console', { since, afterId: first - 1 }, 100);
      expect(ours(window.rows)).toEqual([first, second, third]);
      expect(window.rows.every((r) => r.writeDate >= since && r.serverId >= first)).toBe(true);
      const next = await admin.readServerLogs('console', { since, afterId: first }, 1);
      expect(next.rows).toHaveLength(1);
      expect(next.rows[0]!.serverId).toBeGreaterThan(first);
      expect(next.rows[0]!.serverId).toBeLessThanOrEqual(second);
      expect(next.total).toBeGreaterThanOrEqual(2);
    });
  });

  describe('impersonate.log', () => {
    it('names the target by its partner, resolved to the user by the connector; nobody creates or deletes rows over RPC', async () => {
      const handle = await admin.impersonate(ids.user);
      await admin.endImpersonation(handle);
      const page = await admin.readServerLogs('impersonate', EVERY_ROW, 100_000);
      const last = page.rows.filter((r) => r.adminUserId === ids.admin).at(-1);
      expect(last?.targetUserId).toBe(ids.user);
      expect(last?.dateStart).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(last?.dateEnd).not.toBeNull();
      const transcript = await run('impersonate-log');
      expect(transcript.get('create').envelope?.error?.data.name).toBe('odoo.exceptions.AccessError');
      expect(transcript.get('unlink').envelope?.error?.data.name).toBe('odoo.exceptions.AccessError');
    });
  });
});
