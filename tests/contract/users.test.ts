// docs/odoo.md, Users and Versions: detection, the admin check and the user search
// with eligibility, through the connector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OdooConnection } from '../../src-main/odoo';
import { RawSession, countingFetch } from './raw-session';
import { knownUsers, openTarget, type ContractTarget, type KnownUsers } from './target';

let target: ContractTarget;
let ids: KnownUsers;
let admin: OdooConnection;
beforeAll(async () => {
  target = await openTarget();
  ids = await knownUsers(target);
  admin = target.connect();
});
afterAll(async () => {
  await admin.destroy();
  await target.close();
});

describe('detect', () => {
  it('reads the version, the module, res.device* and the id of base.group_system from the server', async () => {
    const features = await admin.detect();
    expect(features.versionMajor).toBeGreaterThanOrEqual(17);
    expect(features.moduleInstalled).toBe(true);
    expect(features.hasImpersonateLog).toBe(true);
    expect(features.hasDeviceLog).toBe(features.versionMajor >= 18);
    expect(features.systemGroupId).toBeGreaterThan(0);
    expect(features.groupsField).toBe(features.versionMajor >= 19 ? 'group_ids' : 'groups_id');
  });
});

describe('checkAdmin', () => {
  it('accepts a Settings administrator in the impersonation group', async () => {
    const report = await admin.checkAdmin();
    expect(report.ok).toBe(true);
    expect(report.problems.filter((p) => p.key !== 'odoo.problemNoDeviceLog')).toEqual([]);
    expect(report.admin?.uid).toBe(ids.admin);
  });

  it('names the missing group for a Settings administrator outside it', async () => {
    const second = target.connect(target.admin2);
    const report = await second.checkAdmin();
    expect(report.ok).toBe(false);
    expect(report.isSystemAdmin).toBe(true);
    expect(report.problems.map((p) => p.key)).toContain('odoo.problemNotInImpersonationGroup');
    await second.destroy();
  });

  it('names the missing Settings right for a plain user', async () => {
    const plain = target.connect(target.user);
    const info = await plain.authenticate();
    expect(info.isSystem).toBe(false);
    expect(info.isImpersonateUser).toBe(false);
    await plain.destroy();
  });
});

describe('searchUsers', () => {
  it('finds users by a case-insensitive part of the name or login', async () => {
    const needle = target.user.login.slice(0, 3).toUpperCase();
    const page = await admin.searchUsers(needle, 0, 50);
    expect(page.rows.map((r) => r.id)).toContain(ids.user);
  });

  it('answers the total and the page in one round trip, plus one query for administrators', async () => {
    const counter = countingFetch();
    const counted = target.connect(target.admin, counter.fetch);
    await counted.detect();
    counter.calls.length = 0;
    const page = await counted.searchUsers('', 0, 2, { includeArchived: false });
    expect(page.rows).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect(counter.calls).toEqual(['res.users.web_search_read', 'res.users.search_read']);
    await counted.destroy();
  });

  it('hides archived users unless asked, and then shows the superuser too', async () => {
    const active = await admin.searchUsers('', 0, 500, { includeArchived: false });
    expect(active.rows.map((r) => r.id)).not.toContain(ids.archived);
    const all = await admin.searchUsers('', 0, 500, { includeArchived: true });
    expect(all.rows.map((r) => r.id)).toEqual(expect.arrayContaining([ids.archived, 1]));
  });

  it('marks every user who may not be impersonated with the reasons', async () => {
    const all = await admin.searchUsers('', 0, 500, { includeArchived: true });
    const reasons = (id: number) => all.rows.find((r) => r.id === id)?.reasons;
    expect(reasons(ids.user)).toEqual([]);
    expect(all.rows.find((r) => r.id === ids.user)?.eligible).toBe(true);
    expect(reasons(ids.admin)).toEqual(expect.arrayContaining(['self', 'administrator']));
    expect(reasons(ids.admin2)).toEqual(['administrator']);
    expect(reasons(ids.portal)).toEqual(['portal']);
    expect(all.rows.find((r) => r.id === ids.portal)?.type).toBe('portal');
    expect(reasons(ids.archived)).toContain('archived');
    expect(reasons(1)).toContain('superuser');
  });

  it('pages through the list in a stable order', async () => {
    const first = await admin.searchUsers('', 0, 2, { includeArchived: true });
    const second = await admin.searchUsers('', 1, 2, { includeArchived: true });
    expect(second.total).toBe(first.total);
    const firstIds = new Set(first.rows.map((r) => r.id));
    expect(second.rows).toHaveLength(2);
    expect(second.rows.filter((r) => firstIds.has(r.id))).toEqual([]);
  });
});

describe('has_group', () => {
  it('works on one record and refuses two with "Expected singleton"', async () => {
    const raw = new RawSession(target.url);
    await raw.authenticate(target.database, target.admin.login, target.admin.password);
    const one = await raw.callKw('res.users', 'has_group', [[ids.admin2], 'base.group_system']);
    expect(one.envelope?.result).toBe(true);
    const two = await raw.callKw('res.users', 'has_group', [[ids.admin, ids.admin2], 'base.group_system']);
    expect(two.envelope?.error?.data.name).toBe('builtins.ValueError');
    expect(two.envelope?.error?.data.message).toMatch(/Expected singleton/);
    await raw.end();
  });
});
