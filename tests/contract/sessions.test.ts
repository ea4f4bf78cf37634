// docs/odoo.md, Sessions and the cookie: authenticate, the cookie (40 hex
// characters on Odoo 17, 84 url-safe ones from 18), when it is sent again,
// destroy, logout, and the web client's pages (/web on 17, /odoo from 18).
import { describe, expect, it } from 'vitest';
import { OdooConnection, isOdooError } from '../../src-main/odoo';
import { entryRoute, runScenario, type ScenarioName } from './protocol-scenarios';
import { eachTarget, useTarget, type ContractTarget } from './target';

const kindOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: unknown) => (isOdooError(e) ? e.kind : String(e)));
const sessionCookies = (setCookie: string[]) => setCookie.filter((c) => c.startsWith('session_id='));

describe.each(eachTarget())('sessions on %s', (_label, spec) => {
  // Opened with its known users before the tests, closed after.
  const opened = useTarget(spec);
  const run = (name: ScenarioName) => runScenario(opened.target, opened.ids, name);
  const sessionId = () => (opened.target.version >= 18 ? /^[A-Za-z0-9_-]{84}$/ : /^[0-9a-f]{40}$/);

  describe('authenticate', () => {
    it('sets an HttpOnly session cookie living 7 days on path /: 40 hex characters on 17, 84 url-safe ones from 18', async () => {
      const answer = (await run('authenticate')).get('authenticate');
      const cookies = sessionCookies(answer.setCookie);
      // 19 saves the session twice while authenticating: two identical headers.
      expect(cookies).toHaveLength(opened.target.version >= 19 ? 2 : 1);
      expect(new Set(cookies).size).toBe(1);
      const [cookie = ''] = cookies;
      expect(/^session_id=([^;]*)/.exec(cookie)?.[1]).toMatch(sessionId());
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/Max-Age=604800/i);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/SameSite|Secure/i);
    });

    it('rotates the cookie when authenticating on a jar that already has one', async () => {
      const transcript = await run('authenticate-again');
      const first = /session_id=([^;]*)/.exec(sessionCookies(transcript.get('first').setCookie)[0] ?? '')?.[1];
      const second = /session_id=([^;]*)/.exec(sessionCookies(transcript.get('second').setCookie)[0] ?? '')?.[1];
      expect(second).toMatch(sessionId());
      expect(second).not.toBe(first);
    });

    it('says access-denied alike for a wrong password, an unknown login and an archived user', async () => {
      const kinds = await Promise.all([
        kindOf(opened.target.connect({ login: opened.target.user.login, password: 'wrong-password-123' }).authenticate()),
        kindOf(opened.target.connect({ login: 'no-such-login-xyz', password: 'whatever' }).authenticate()),
        kindOf(opened.target.connect({ login: opened.target.archivedLogin, password: opened.target.archivedLogin }).authenticate()),
      ]);
      expect(kinds).toEqual(['access-denied', 'access-denied', 'access-denied']);
    });

    it('says database-not-found for an unknown database', async () => {
      const wrongDb = new OdooConnection({ url: opened.target.url, database: 'no_such_database_xyz', login: opened.target.admin.login, password: opened.target.admin.password });
      expect(await kindOf(wrongDb.authenticate())).toBe('database-not-found');
    });

    it('answers the session info the console reads', async () => {
      const connection = opened.target.connect();
      const info = await connection.authenticate();
      expect(info.login).toBe(opened.target.admin.login);
      expect(info.isSystem).toBe(true);
      expect(info.versionMajor).toBe(opened.target.version);
      expect(info.impersonationKeys).toBe(true);
      expect(info.isImpersonateUser).toBe(true);
      expect(info.impersonateFromUid).toBeNull();
      await connection.destroy();
    });
  });

  describe('the cookie on later answers', () => {
    it('comes again whenever the session changed: get_session_info always, the first checked call from Odoo 18, check never', async () => {
      const transcript = await run('cookie-repeats');
      const count = (label: string) => sessionCookies(transcript.get(label).setCookie).length;
      expect(count('call_kw 1')).toBe(opened.target.version >= 18 ? 1 : 0); // the device trace of 18 and 19
      expect(count('call_kw 2')).toBe(0);
      expect(count('get_session_info 1')).toBe(1);
      expect(count('get_session_info 2')).toBe(1);
      expect(count('check')).toBe(0);
      expect(transcript.get('check').envelope).not.toHaveProperty('result');
      expect(transcript.get('check').envelope).not.toHaveProperty('error');
    });
  });

  describe('destroy and logout', () => {
    it('destroy hands out a new anonymous cookie with its own answer; the old one then gets SessionExpired, id null and no cookie', async () => {
      const transcript = await run('destroy');
      const destroy = transcript.get('destroy');
      expect(destroy.envelope).toEqual({ jsonrpc: '2.0', id: expect.any(Number) });
      const fresh = sessionCookies(destroy.setCookie);
      expect(fresh).toHaveLength(1);
      expect(/session_id=([^;]*)/.exec(fresh[0] ?? '')?.[1]).toMatch(sessionId());
      expect(destroy.setCookie.some((c) => /^cids=;.*Max-Age=0/i.test(c))).toBe(true);
      const old = transcript.get('old cookie');
      expect(old.envelope?.error).toMatchObject({ code: 100, message: 'Odoo Session Expired', data: { name: 'odoo.http.SessionExpiredException' } });
      expect(old.envelope?.id).toBeNull();
      expect(old.setCookie).toEqual([]);
      // destroy itself needs a live session.
      expect(transcript.get('destroy again').envelope?.error?.data.name).toBe('odoo.http.SessionExpiredException');
    });

    it('logout answers a 303 home with a new anonymous cookie, with or without a session; the old cookie is dead', async () => {
      const transcript = await run('logout');
      for (const label of ['logout', 'logout without cookie']) {
        const answer = transcript.get(label);
        expect(answer.status, label).toBe(303);
        expect(answer.headers.get('location'), label).toBe(entryRoute(opened.target.version));
        expect(/session_id=([^;]*)/.exec(sessionCookies(answer.setCookie)[0] ?? '')?.[1], label).toMatch(sessionId());
      }
      expect(transcript.get('old cookie').envelope?.error?.data.name).toBe('odoo.http.SessionExpiredException');
    });

    it('reports session-expired from the connector for a dead session, and the admin API session logs in again once', async () => {
      const connection = opened.target.connect();
      await connection.authenticate();
      await connection.destroy();
      const info = await connection.sessionInfo();
      expect(info.login).toBe(opened.target.admin.login);
      await connection.destroy();
    });
  });

  describe('the web client', () => {
    it('lives at /web on 17 and /odoo from 18; without a session it redirects (303) to /web/login, with ?redirect= from 18', async () => {
      const transcript = await run('web-client');
      const web = transcript.get('anonymous /web');
      expect(web.status).toBe(303);
      expect(web.headers.get('location')).toBe(opened.target.version >= 18 ? '/web/login?redirect=%2Fweb%3F' : '/web/login');
      const odoo = transcript.get('anonymous /odoo');
      if (opened.target.version >= 18) {
        expect(odoo.status).toBe(303);
        expect(odoo.headers.get('location')).toBe('/web/login?redirect=%2Fodoo%3F');
      } else {
        expect(odoo.status).toBe(404);
      }
      // An anonymous page gets an anonymous session.
      expect(sessionCookies(web.setCookie)).toHaveLength(1);
    });

    it('refuses to be framed (X-Frame-Options: DENY) and shows the logged-in user', async () => {
      const page = (await run('web-client')).get('entry route');
      expect(page.status).toBe(200);
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      const name = (await knownNames(opened.target))[opened.target.user.login];
      expect(page.text).toContain(name);
    });
  });
});

async function knownNames(target: ContractTarget): Promise<Record<string, string>> {
  const connection = target.connect();
  try {
    const page = await connection.searchUsers(target.user.login, 0, 20);
    return Object.fromEntries(page.rows.map((row) => [row.login, row.name]));
  } finally {
    await connection.destroy();
  }
}
