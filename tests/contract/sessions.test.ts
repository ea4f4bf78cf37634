// docs/odoo.md, Sessions and the cookie: authenticate, the cookie, rotation, check,
// destroy, logout, and the web client's pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OdooConnection, isOdooError } from '../../src-main/odoo';
import { RawSession } from './raw-session';
import { openTarget, type ContractTarget } from './target';

let target: ContractTarget;
beforeAll(async () => {
  target = await openTarget();
});
afterAll(() => target.close());

const kindOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: unknown) => (isOdooError(e) ? e.kind : String(e)));

describe('authenticate', () => {
  it('sets an 84-character HttpOnly session cookie living 7 days on path /', async () => {
    const raw = new RawSession(target.url);
    const answer = await raw.authenticate(target.database, target.admin.login, target.admin.password);
    const cookie = answer.setCookie.find((c) => c.startsWith('session_id='));
    expect(cookie).toBeDefined();
    expect(raw.cookie).toMatch(/^[A-Za-z0-9_-]{84}$/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Max-Age=604800/i);
    expect(cookie).toMatch(/Path=\//);
    await raw.end();
  });

  it('rotates the cookie when authenticating on a jar that already has one', async () => {
    const raw = new RawSession(target.url);
    await raw.authenticate(target.database, target.user.login, target.user.password);
    const first = raw.cookie;
    await raw.authenticate(target.database, target.user.login, target.user.password);
    expect(raw.cookie).not.toBe(first);
    await raw.end();
  });

  it('says access-denied alike for a wrong password, an unknown login and an archived user', async () => {
    const kinds = await Promise.all([
      kindOf(target.connect({ login: target.user.login, password: 'wrong-password-123' }).authenticate()),
      kindOf(target.connect({ login: 'no-such-login-xyz', password: 'whatever' }).authenticate()),
      kindOf(target.connect({ login: target.archivedLogin, password: target.archivedLogin }).authenticate()),
    ]);
    expect(kinds).toEqual(['access-denied', 'access-denied', 'access-denied']);
  });

  it('says database-not-found for an unknown database', async () => {
    const wrongDb = new OdooConnection({
      url: target.url,
      database: 'no_such_database_xyz',
      login: target.admin.login,
      password: target.admin.password,
    });
    expect(await kindOf(wrongDb.authenticate())).toBe('database-not-found');
  });

  it('answers the session info the console reads', async () => {
    const connection = target.connect();
    const info = await connection.authenticate();
    expect(info.login).toBe(target.admin.login);
    expect(info.isSystem).toBe(true);
    expect(info.versionMajor).toBeGreaterThanOrEqual(17);
    expect(info.impersonationKeys).toBe(true);
    expect(info.isImpersonateUser).toBe(true);
    expect(info.impersonateFromUid).toBeNull();
    await connection.destroy();
  });
});

describe('check, destroy and logout', () => {
  it('answers /web/session/check on a valid session with no result key', async () => {
    const raw = new RawSession(target.url);
    await raw.authenticate(target.database, target.user.login, target.user.password);
    const answer = await raw.post('/web/session/check', {});
    expect(answer.envelope).not.toBeNull();
    expect(answer.envelope).not.toHaveProperty('result');
    expect(answer.envelope).not.toHaveProperty('error');
    await raw.end();
  });

  it('kills the cookie on destroy: the old value gets SessionExpiredException and a new anonymous cookie', async () => {
    const raw = new RawSession(target.url);
    await raw.authenticate(target.database, target.user.login, target.user.password);
    const old = raw.cookie;
    await raw.post('/web/session/destroy', {});
    raw.cookie = old;
    const answer = await raw.sessionInfo();
    expect(answer.envelope?.error?.code).toBe(100);
    expect(answer.envelope?.error?.data.name).toBe('odoo.http.SessionExpiredException');
    expect(raw.cookie).not.toBe(old);
  });

  it('kills the cookie on GET /web/session/logout with a 303', async () => {
    const raw = new RawSession(target.url);
    await raw.authenticate(target.database, target.user.login, target.user.password);
    const old = raw.cookie;
    const answer = await raw.get('/web/session/logout');
    expect(answer.status).toBe(303);
    raw.cookie = old;
    expect((await raw.sessionInfo()).envelope?.error?.data.name).toBe('odoo.http.SessionExpiredException');
  });

  it('reports session-expired from the connector for an authenticated route without a session', async () => {
    const connection = target.connect();
    await connection.authenticate();
    await connection.destroy();
    // The admin API session re-authenticates once on expiry, so a later call still works.
    const info = await connection.sessionInfo();
    expect(info.login).toBe(target.admin.login);
    await connection.destroy();
  });
});

describe('the web client', () => {
  it('redirects to /web/login with a 303 without a session', async () => {
    const answer = await new RawSession(target.url).get('/odoo');
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toMatch(/\/web\/login\?redirect=/);
  });

  it('refuses to be framed (X-Frame-Options: DENY) and shows the logged-in user', async () => {
    const raw = new RawSession(target.url);
    const login = await raw.authenticate(target.database, target.user.login, target.user.password);
    const answer = await raw.get('/odoo');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.text).toContain((login.envelope?.result as { name: string }).name);
    await raw.end();
  });
});
