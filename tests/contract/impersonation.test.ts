// docs/odoo.md, Impersonation: the connector's start and stop sequences, the console's
// own refusals, and (through the raw protocol scenarios) what the module itself
// does and does not refuse. Every session opened here is ended, and every
// impersonation closed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_ROW } from '../../src-main/core/ports/server-logs';
import { isOdooError, type ImpersonatedSession, type OdooConnection } from '../../src-main/odoo';
import { entryRoute, runScenario, type ScenarioName } from './protocol-scenarios';
import { RawSession, countingFetch } from './raw-session';
import { eachTarget, knownUsers, openTarget, type ContractTarget, type KnownUsers } from './target';

describe.each(eachTarget())('impersonation on %s', (_label, spec) => {
  let target: ContractTarget;
  let ids: KnownUsers;
  let admin: OdooConnection;
  const handles: ImpersonatedSession[] = [];

  beforeAll(async () => {
    target = await openTarget(spec);
    ids = await knownUsers(target);
    admin = target.connect();
  });
  afterEach(async () => {
    for (const handle of handles.splice(0)) await admin.endImpersonation(handle);
  });
  afterAll(async () => {
    await admin.destroy();
    await target.close();
  });
  const run = (name: ScenarioName) => runScenario(target, ids, name);

  function viewOf(handle: ImpersonatedSession): RawSession {
    const raw = new RawSession(target.url);
    raw.cookie = handle.sessionCookieForView();
    return raw;
  }

  describe('the start sequence', () => {
    it('switches a fresh session to the target, verified by the server, named by an identifier that cannot rebuild its id', async () => {
      const handle = await admin.impersonate(ids.user);
      handles.push(handle);
      expect(handle.target.id).toBe(ids.user);
      expect(handle.sessionIdentifier).toHaveLength(42);
      const cookie = handle.sessionCookieForView();
      if (target.version >= 18) {
        // Odoo's own identifier: the first half of an 84-character id.
        expect(cookie).toHaveLength(84);
        expect(cookie.startsWith(handle.sessionIdentifier)).toBe(true);
      } else {
        // Odoo 17: a 40-character id, of which the identifier holds nothing (SS-10).
        expect(cookie).toMatch(/^[0-9a-f]{40}$/);
        expect(handle.sessionIdentifier).not.toContain(cookie.slice(0, 20));
        expect(cookie).not.toContain(handle.sessionIdentifier.slice(0, 20));
      }
      const info = (await viewOf(handle).sessionInfo()).envelope?.result as { uid: number; impersonate_from_uid: number };
      expect(info.uid).toBe(ids.user);
      expect(info.impersonate_from_uid).toBe(ids.admin);
    });

    it('leaves the admin API session the admin', async () => {
      const handle = await admin.impersonate(ids.user);
      handles.push(handle);
      expect((await admin.sessionInfo()).uid).toBe(ids.admin);
    });

    it('shows the web client as the target with the cookie of the handle, at /web on 17 and /odoo from 18', async () => {
      const handle = await admin.impersonate(ids.user);
      handles.push(handle);
      expect(new URL(handle.facts.webClientUrl).pathname).toBe(entryRoute(target.version));
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
      const logs = await admin.readServerLogs('impersonate', EVERY_ROW, 100_000);
      const mine = logs.rows.filter((r) => r.adminUserId === ids.admin && r.targetUserId === ids.user);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((r) => r.dateEnd !== null)).toBe(true);
    });
  });

  describe('the console refuses before asking the server', () => {
    const refusals: [string, keyof KnownUsers | 'superuser', string][] = [
      ['another administrator', 'admin2', 'administrator'],
      ['an administrator only through an implied group (sue)', 'supervisor', 'administrator'],
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
      const transcript = await run('outside-group');
      const answer = transcript.get('impersonate_login');
      expect(answer.envelope).toEqual({ jsonrpc: '2.0', id: expect.any(Number) });
      expect((transcript.get('session info').envelope?.result as { uid: number }).uid).toBe(ids.admin2);
    });

    it('refuses the caller as target ("It\'s you."), an unknown id (MissingError) and several ids (ValueError)', async () => {
      const transcript = await run('module-refusals');
      expect(transcript.get('yourself').envelope?.error?.data).toMatchObject({ name: 'odoo.exceptions.UserError', message: "It's you." });
      expect(transcript.get('unknown id').envelope?.error?.data.name).toBe('odoo.exceptions.MissingError');
      expect(transcript.get('several ids').envelope?.error?.data.name).toBe('builtins.ValueError');
    });

    it('switches the same cookie to the target, refuses a second impersonation, goes back, and answers the reload action either way', async () => {
      const transcript = await run('impersonate-and-back');
      expect(transcript.get('impersonate_login').envelope?.result).toMatchObject({ type: 'ir.actions.client', tag: 'reload', params: { menu_id: expect.any(Number) } });
      expect(transcript.get('as the target').envelope?.result).toMatchObject({ uid: ids.user, impersonate_from_uid: ids.admin });
      expect(transcript.get('second impersonation').envelope?.error?.data).toMatchObject({
        name: 'odoo.exceptions.UserError',
        message: 'You are already Logged as another user.',
      });
      expect(transcript.get('web client as the target').status).toBe(200);
      expect(transcript.get('back').envelope?.result).toMatchObject({ tag: 'reload' });
      expect(transcript.get('back as the admin').envelope?.result).toMatchObject({ uid: ids.admin, impersonate_from_uid: false });
      // Going back when there is nothing to go back from answers the same: only session info tells.
      expect(transcript.get('back again').envelope?.result).toMatchObject({ tag: 'reload' });
    });

    it('lets a group member impersonate another administrator and an archived user', async () => {
      for (const id of [ids.admin2, ids.archived]) {
        const raw = new RawSession(target.url);
        await raw.authenticate(target.database, target.admin.login, target.admin.password);
        const answer = await raw.callKw('res.users', 'impersonate_login', [[id]]);
        expect(answer.envelope?.result).toMatchObject({ type: 'ir.actions.client', tag: 'reload' });
        expect(((await raw.sessionInfo()).envelope?.result as { uid: number }).uid).toBe(id);
        await raw.end();
      }
    });

    it('keeps impersonate_from_uid through a new login on the same cookie', async () => {
      const info = (await run('login-again-while-impersonating')).get('session info').envelope?.result as { uid: number; impersonate_from_uid: number };
      expect(info.uid).toBe(ids.user);
      expect(info.impersonate_from_uid).toBe(ids.admin);
    });
  });
});
