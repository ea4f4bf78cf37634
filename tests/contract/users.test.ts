// docs/odoo.md, Users and Versions: detection, the admin check, the user search
// with eligibility through the connector — administrators with their implied
// groups on every version (sue) — and what has_group and the groups fields are
// on each version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OdooConnection } from '../../src-main/odoo';
import { allGroupsField, runScenario, type ScenarioName } from './protocol-scenarios';
import { countingFetch } from './raw-session';
import { eachTarget, knownUsers, openTarget, type ContractTarget, type KnownUsers } from './target';

describe.each(eachTarget())('users on %s', (_label, spec) => {
  let target: ContractTarget;
  let ids: KnownUsers;
  let admin: OdooConnection;
  beforeAll(async () => {
    target = await openTarget(spec);
    ids = await knownUsers(target);
    admin = target.connect();
  });
  afterAll(async () => {
    await admin.destroy();
    await target.close();
  });
  const run = (name: ScenarioName) => runScenario(target, ids, name);

  describe('detect', () => {
    it('reads the version, the module, res.device*, the groups field with implied groups and base.group_system from the server', async () => {
      const features = await admin.detect();
      expect(features.versionMajor).toBe(target.version);
      expect(features.moduleInstalled).toBe(true);
      expect(features.hasImpersonateLog).toBe(true);
      expect(features.hasDeviceLog).toBe(target.version >= 18);
      expect(features.systemGroupId).toBeGreaterThan(0);
      expect(features.adminGroupsField).toBe(allGroupsField(target.version));
      expect(features.webClientPath).toBe(target.version >= 18 ? '/odoo' : '/web');
    });
  });

  describe('checkAdmin', () => {
    it('accepts a Settings administrator in the impersonation group, and names what the version lacks', async () => {
      const report = await admin.checkAdmin();
      expect(report.ok).toBe(true);
      expect(report.admin?.uid).toBe(ids.admin);
      const capable = target.version >= 18;
      expect(report.capabilities).toEqual({ serverSeenIp: capable, revokeOrphans: capable });
      expect(report.problems.map((p) => p.key)).toEqual(capable ? [] : ['odoo.problemNoServerIp', 'odoo.problemNoOrphanRevocation']);
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

    it('refuses sue, an administrator only through a group that implies Settings, in the list and in the re-check (AZ-2)', async () => {
      const page = await admin.searchUsers(target.supervisorLogin, 0, 20);
      expect(page.rows.find((r) => r.id === ids.supervisor)).toMatchObject({ eligible: false, reasons: ['administrator'] });
      expect(await admin.readTarget(ids.supervisor)).toMatchObject({ id: ids.supervisor, isSystemAdmin: true });
      expect(await admin.readTarget(ids.user)).toMatchObject({ id: ids.user, isSystemAdmin: false });
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

  describe('groups over RPC', () => {
    it('has groups_id with implied groups up to 18; 19 has only direct groups in group_ids and all of them in all_group_ids', async () => {
      const transcript = await run('administrators');
      const logins = (label: string) => ((transcript.get(label).envelope?.result as { login: string }[] | undefined) ?? []).map((r) => r.login).sort();
      expect(logins('with implied groups')).toEqual([target.admin.login, target.supervisorLogin].sort());
      if (target.version >= 19) expect(transcript.get('groups_id').envelope?.error?.data.name).toBe('builtins.ValueError');
      else expect(logins('groups_id')).toEqual([target.admin.login, target.supervisorLogin].sort());
    });

    it('has_group: a model method for the caller on 17, a method of exactly one record from 18', async () => {
      const transcript = await run('has-group');
      const one = transcript.get('one record').envelope;
      const two = transcript.get('two records').envelope;
      const model = transcript.get('model method').envelope;
      if (target.version >= 18) {
        expect(one?.result).toBe(true);
        expect(two?.error?.data).toMatchObject({ name: 'builtins.ValueError', message: expect.stringMatching(/Expected singleton/) });
        expect(model?.error?.data.name).toBe('builtins.TypeError');
      } else {
        expect(one?.error?.data.name).toBe('builtins.TypeError');
        expect(two?.error?.data.name).toBe('builtins.TypeError');
        expect(model?.result).toBe(true); // the caller, the admin
      }
    });
  });
});
