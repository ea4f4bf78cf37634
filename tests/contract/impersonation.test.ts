// docs/odoo.md, Impersonation: the connector's start and stop sequences, the console's
// own refusals, and (through raw calls) what the module itself does and does not
// refuse. Every session opened here is ended, and every impersonation closed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isOdooError, type ImpersonatedSession, type OdooConnection } from '../../src-main/odoo';
import { RawSession, countingFetch } from './raw-session';
import { knownUsers, openTarget, type ContractTarget, type KnownUsers } from './target';

let target: ContractTarget;
let ids: KnownUsers;
let admin: OdooConnection;
const handles: ImpersonatedSession[] = [];
const raws: RawSession[] = [];

beforeAll(async () => {
  target = await openTarget();
  ids = await knownUsers(target);
  admin = target.connect();
});
afterEach(async () => {
  for (const handle of handles.splice(0)) await admin.endImpersonation(handle);
  for (const raw of raws.splice(0)) await raw.end();
});
afterAll(async () => {
  await admin.destroy();
  await target.close();
});

async function rawAs(login: string, password: string): Promise<RawSession> {
  const raw = new RawSession(target.url);
  raws.push(raw);
  const answer = await raw.authenticate(target.database, login, password);
  expect(answer.envelope?.error).toBeUndefined();
  return raw;
}

function viewOf(handle: ImpersonatedSession): RawSession {
  const raw = new RawSession(target.url);
  raw.cookie = handle.sessionCookieForView();
  return raw;
}

describe('the start sequence', () => {
  it('switches a fresh session to the target, verified by the server', async () => {
    const handle = await admin.impersonate(ids.user);
    handles.push(handle);
    expect(handle.target.id).toBe(ids.user);
    expect(handle.sessionIdentifier).toHaveLength(42);
    expect(handle.sessionCookieForView().startsWith(handle.sessionIdentifier)).toBe(true);
    const info = (await viewOf(handle).sessionInfo()).envelope?.result as { uid: number; impersonate_from_uid: number };
    expect(info.uid).toBe(ids.user);
    expect(info.impersonate_from_uid).toBe(ids.admin);
  });

  it('leaves the admin API session the admin', async () => {
    const handle = await admin.impersonate(ids.user);
    handles.push(handle);
    expect((await admin.sessionInfo()).uid).toBe(ids.admin);
  });

  it('shows the web client as the target with the cookie of the handle', async () => {
    const handle = await admin.impersonate(ids.user);
    handles.push(handle);
    const page = await viewOf(handle).get(new URL(handle.facts.webClientUrl).pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain(handle.target.name);
  });

  it('reads the server-seen IP from res.device.log where the server has it', async () => {
    const handle = await admin.impersonate(ids.user);
    handles.push(handle);
    const features = await admin.detect();
    expect(handle.facts.serverIpAvailable).toBe(features.hasDeviceLog);
    if (features.hasDeviceLog) expect(handle.facts.serverIp).toMatch(/\S/);
  });
});

describe('the stop sequence', () => {
  it('closes the server log row and kills the cookie', async () => {
    const handle = await admin.impersonate(ids.user);
    const cookie = handle.sessionCookieForView();
    const report = await admin.endImpersonation(handle);
    expect(report.backToOrigin).toEqual({ ok: true, alreadyEnded: false });
    expect(report.destroy).toEqual({ ok: true, alreadyEnded: false });
    expect(report.serverEnded).toBe(true);
    const raw = new RawSession(target.url);
    raw.cookie = cookie;
    expect((await raw.sessionInfo()).envelope?.error?.data.name).toBe('odoo.http.SessionExpiredException');
    const logs = await admin.readServerLogs('impersonate', null, 100_000);
    const mine = logs.rows.filter((r) => r.adminUserId === ids.admin && r.targetUserId === ids.user);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.dateEnd !== null)).toBe(true);
  });
});

describe('the console refuses before asking the server', () => {
  const refusals: [string, keyof KnownUsers | 'superuser', string][] = [
    ['another administrator', 'admin2', 'administrator'],
    ['a portal user', 'portal', 'portal'],
    ['an archived user', 'archived', 'archived'],
    ['yourself', 'admin', 'self'],
    ['the superuser', 'superuser', 'superuser'],
  ];
  for (const [who, key, reason] of refusals) {
    it(`refuses ${who} as target`, async () => {
      const counter = countingFetch();
      const counted = target.connect(target.admin, counter.fetch);
      const error = await counted.impersonate(key === 'superuser' ? 1 : ids[key]).catch((e: unknown) => e);
      expect(isOdooError(error, 'not-eligible')).toBe(true);
      expect(String((error as { params?: { reasons?: string } }).params?.reasons)).toContain(reason);
      expect(counter.calls).not.toContain('res.users.impersonate_login');
      // The fresh session was destroyed after the refusal.
      expect(counter.calls.at(-1)).toBe('/web/session/destroy');
      await counted.destroy();
    });
  }
});

describe('what the module itself does', () => {
  it('answers a caller outside the group with a bare envelope: no result, no error, nothing changed', async () => {
    const raw = await rawAs(target.admin2.login, target.admin2.password);
    const answer = await raw.callKw('res.users', 'impersonate_login', [[ids.user]]);
    expect(answer.envelope).not.toBeNull();
    expect(answer.envelope).not.toHaveProperty('result');
    expect(answer.envelope).not.toHaveProperty('error');
    const info = (await raw.sessionInfo()).envelope?.result as { uid: number };
    expect(info.uid).toBe(ids.admin2);
  });

  it('refuses the caller as target with "It\'s you."', async () => {
    const raw = await rawAs(target.admin.login, target.admin.password);
    const answer = await raw.callKw('res.users', 'impersonate_login', [[ids.admin]]);
    expect(answer.envelope?.error?.data.name).toBe('odoo.exceptions.UserError');
    expect(answer.envelope?.error?.data.message).toBe("It's you.");
  });

  it('refuses a second impersonation in the same session', async () => {
    const raw = await rawAs(target.admin.login, target.admin.password);
    await raw.callKw('res.users', 'impersonate_login', [[ids.user]]);
    const again = await raw.callKw('res.users', 'impersonate_login', [[ids.admin2]]);
    expect(again.envelope?.error?.data.name).toBe('odoo.exceptions.UserError');
    expect(again.envelope?.error?.data.message).toBe('You are already Logged as another user.');
  });

  it('lets a group member impersonate another administrator and an archived user', async () => {
    for (const id of [ids.admin2, ids.archived]) {
      const raw = await rawAs(target.admin.login, target.admin.password);
      const answer = await raw.callKw('res.users', 'impersonate_login', [[id]]);
      expect(answer.envelope?.result).toMatchObject({ type: 'ir.actions.client', tag: 'reload' });
      expect(((await raw.sessionInfo()).envelope?.result as { uid: number }).uid).toBe(id);
    }
  });

  it('keeps impersonate_from_uid through a new login on the same cookie', async () => {
    const raw = await rawAs(target.admin.login, target.admin.password);
    await raw.callKw('res.users', 'impersonate_login', [[ids.user]]);
    await raw.authenticate(target.database, target.user.login, target.user.password);
    const info = (await raw.sessionInfo()).envelope?.result as { uid: number; impersonate_from_uid: number };
    expect(info.uid).toBe(ids.user);
    expect(info.impersonate_from_uid).toBe(ids.admin);
  });

  it('says impersonate_from_uid is false after going back', async () => {
    const raw = await rawAs(target.admin.login, target.admin.password);
    await raw.callKw('res.users', 'impersonate_login', [[ids.user]]);
    await raw.callKw('res.users', 'back_to_origin_login', []);
    const info = (await raw.sessionInfo()).envelope?.result as { uid: number; impersonate_from_uid: unknown };
    expect(info.uid).toBe(ids.admin);
    expect(info.impersonate_from_uid).toBe(false);
  });

  it('answers MissingError for an unknown id and ValueError for several ids', async () => {
    const raw = await rawAs(target.admin.login, target.admin.password);
    const unknown = await raw.callKw('res.users', 'impersonate_login', [[2_000_000_000]]);
    expect(unknown.envelope?.error?.data.name).toBe('odoo.exceptions.MissingError');
    const several = await raw.callKw('res.users', 'impersonate_login', [[ids.user, ids.admin2]]);
    expect(several.envelope?.error?.data.name).toBe('builtins.ValueError');
  });
});
