// docs/odoo.md, The server's own audit records: the device log and revoke by
// identifier, the console's ir.logging entry, and reading both logs in
// (write_date, id) order. Entries written here are deleted again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleLogMessage } from '../../src-main/core/ports/server-logs';
import { isOdooError, type OdooConnection } from '../../src-main/odoo';
import { RawSession } from './raw-session';
import { knownUsers, openTarget, type ContractTarget, type KnownUsers } from './target';

let target: ContractTarget;
let ids: KnownUsers;
let admin: OdooConnection;
let cleanup: RawSession;
let deviceLog = false;
const written: number[] = [];

beforeAll(async () => {
  target = await openTarget();
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

async function deviceRows(identifier: string): Promise<unknown[]> {
  const answer = await cleanup.callKw('res.device.log', 'search_read', [[['session_identifier', '=', identifier]]], { fields: ['ip_address'] });
  return answer.envelope?.result as unknown[];
}

describe('res.device.log', () => {
  it('records a session with its first checked request, not with authenticate', async (context) => {
    if (!deviceLog) context.skip();
    const raw = new RawSession(target.url);
    await raw.authenticate(target.database, target.user.login, target.user.password);
    const identifier = (raw.cookie ?? '').slice(0, 42);
    expect(await deviceRows(identifier)).toHaveLength(0);
    await raw.sessionInfo();
    expect(await deviceRows(identifier)).toHaveLength(1);
    await raw.end();
  });
});

describe('revokeSession', () => {
  it('ends a session known only by its identifier, through the identity check', async (context) => {
    if (!deviceLog) context.skip();
    const raw = new RawSession(target.url);
    await raw.authenticate(target.database, target.user.login, target.user.password);
    await raw.sessionInfo();
    const report = await admin.revokeSession((raw.cookie ?? '').slice(0, 42), target.admin.password);
    expect(report).toEqual({ found: true, revoked: true });
    expect((await raw.sessionInfo()).envelope?.error?.data.name).toBe('odoo.http.SessionExpiredException');
  });

  it('says verification-failed when the admin password is wrong, and revokes nothing', async (context) => {
    if (!deviceLog) context.skip();
    const fresh = target.connect(); // no identity check done in this session yet
    const raw = new RawSession(target.url);
    await raw.authenticate(target.database, target.user.login, target.user.password);
    await raw.sessionInfo();
    const error = await fresh.revokeSession((raw.cookie ?? '').slice(0, 42), 'not-the-admin-password').catch((e: unknown) => e);
    expect(isOdooError(error, 'verification-failed')).toBe(true);
    expect((await raw.sessionInfo()).envelope?.error).toBeUndefined();
    await raw.end();
    await fresh.destroy();
  });

  it('reports an unknown identifier as not found', async (context) => {
    if (!deviceLog) context.skip();
    expect(await admin.revokeSession('0'.repeat(42), target.admin.password)).toEqual({ found: false, revoked: false });
  });
});

describe('the console entry in ir.logging', () => {
  it('is written by a Settings administrator and read back with its message parsed', async () => {
    const id = await admin.writeAuditEntry(message());
    written.push(id);
    const page = await admin.readServerLogs('console', null, 100_000);
    const row = page.rows.find((r) => r.serverId === id);
    expect(row?.message?.reason).toBe('Contract test of the server-side audit entry');
    expect(row?.adminUserId).toBe(ids.admin);
    expect(row?.targetUserId).toBe(ids.user);
  });

  it('refuses a full session id in place of the 42-character identifier', async () => {
    const error = await admin.writeAuditEntry(message({ sessionIdentifier: 'y'.repeat(84) })).catch((e: unknown) => e);
    expect(isOdooError(error, 'verification-failed')).toBe(true);
  });

  it('reads strictly after the cursor, in (write_date, id) order', async () => {
    written.push(await admin.writeAuditEntry(message({ event: 'start' })));
    written.push(await admin.writeAuditEntry(message({ event: 'end', endCause: 'banner' })));
    const all = await admin.readServerLogs('console', null, 100_000);
    const keys = all.rows.map((r) => [r.writeDate, r.serverId] as const);
    const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
    expect(keys).toEqual(sorted);
    const cut = all.rows.length - 2;
    const cursorRow = all.rows[cut - 1];
    const after = await admin.readServerLogs('console', cursorRow ? { writeDate: cursorRow.writeDate, id: cursorRow.serverId } : null, 10);
    expect(after.rows.map((r) => r.serverId)).toEqual(all.rows.slice(cut).map((r) => r.serverId));
    expect(after.total).toBe(2);
  });
});

describe('impersonate.log', () => {
  it('names the target by its partner, resolved to the user by the connector', async () => {
    const handle = await admin.impersonate(ids.user);
    await admin.endImpersonation(handle);
    const page = await admin.readServerLogs('impersonate', null, 100_000);
    const last = page.rows.filter((r) => r.adminUserId === ids.admin).at(-1);
    expect(last?.targetUserId).toBe(ids.user);
    expect(last?.dateStart).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(last?.dateEnd).not.toBeNull();
  });
});
