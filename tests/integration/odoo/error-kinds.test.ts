// Every OdooError kind, produced by the simulator over real HTTP (IN-4): each
// malformed or refused answer maps to its kind, with a translation key.
import { describe, expect, it } from 'vitest';
import { EVERY_ROW } from '../../../src-main/core/ports/server-logs';
import { ODOO_ERROR_KINDS, OdooClient, OdooConnection, OdooError, isOdooError, listDatabases, odooErrorKey, type OdooErrorKind } from '../../../src-main/odoo';
import en from '../../../src-renderer/src/i18n/locales/en/odoo.json';
import es from '../../../src-renderer/src/i18n/locales/es/odoo.json';
import { connect, simsClosedAfterEach } from './sim-harness';

const { setup, forget } = simsClosedAfterEach();

async function failure(promise: Promise<unknown>): Promise<OdooError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof OdooError)) throw new Error(`expected an OdooError, got ${String(error)}`);
  return error;
}

const expectKind = async (promise: Promise<unknown>, kind: OdooErrorKind) => expect((await failure(promise)).kind).toBe(kind);

describe('error kinds', () => {
  it('access-denied: a wrong password', async () => {
    const { sim } = await setup();
    await expectKind(connect(sim, 'admin', {}, 'wrong').authenticate(), 'access-denied');
  });

  it('database-not-found: an unknown database', async () => {
    const { sim } = await setup();
    const connection = new OdooConnection({ url: sim.url, database: 'nope', login: 'admin', password: 'admin' });
    await expectKind(connection.authenticate(), 'database-not-found');
  });

  it('session-expired: the admin session dies twice in a row (re-authenticated once, then reported)', async () => {
    const { sim, admin } = await setup();
    await admin.authenticate();
    // Every session_id call answers "expired": the retry after re-authenticating fails too.
    sim.state.injectFault({ route: '/web/session/get_session_info', kind: 'rpc-error', times: 2, error: { name: 'odoo.http.SessionExpiredException', message: 'Session expired' } });
    await expectKind(admin.sessionInfo(), 'session-expired');
    const paths = sim.state.requests().map((r) => r.path);
    expect(paths.slice(-3)).toEqual(['/web/session/get_session_info', '/web/session/authenticate', '/web/session/get_session_info']);
  });

  it('re-authenticates the admin session once when it expired, and carries on', async () => {
    const { sim, admin } = await setup();
    await admin.authenticate();
    sim.state.setPassword('admin', 'admin'); // same password, every admin session expired
    expect((await admin.sessionInfo()).login).toBe('admin');
  });

  it('not-permitted: an administrator outside the impersonation group (the silent refusal)', async () => {
    const { sim } = await setup();
    await expectKind(connect(sim, 'admin2').impersonate(7), 'not-permitted');
  });

  it('user-error: carries Odoo\'s own message', async () => {
    const { sim, admin } = await setup();
    sim.state.injectFault({ route: 'res.users.impersonate_login', kind: 'rpc-error', error: { name: 'odoo.exceptions.UserError', message: 'You cannot impersonate an administrator.' } });
    const error = await failure(admin.impersonate(7));
    expect(error.kind).toBe('user-error');
    expect(error.key).toBe('odoo.userError');
    expect(error.params).toEqual({ message: 'You cannot impersonate an administrator.' });
  });

  it('access-error: a plain user reading the server log', async () => {
    const { sim } = await setup();
    await expectKind(connect(sim, 'alice').readServerLogs('console', EVERY_ROW, 10), 'access-error');
  });

  it('missing-record: an unknown target', async () => {
    const { admin } = await setup();
    await expectKind(admin.impersonate(999_999), 'missing-record');
  });

  it('module-missing: impersonate_login not installed', async () => {
    const { admin } = await setup({ moduleInstalled: false });
    await expectKind(admin.impersonate(7), 'module-missing');
  });

  it('feature-missing: revoke on Odoo 17, which has no res.device', async () => {
    const { admin } = await setup({ version: 17 });
    await expectKind(admin.revokeSession('a'.repeat(42), 'admin'), 'feature-missing');
  });

  it('not-odoo: an HTML 502 from a proxy', async () => {
    const { sim, admin } = await setup();
    sim.state.injectFault({ route: '/web/session/authenticate', kind: 'html-502' });
    const error = await failure(admin.authenticate());
    expect(error.kind).toBe('not-odoo');
    expect(error.params).toMatchObject({ problem: 'not-json', status: 502 });
  });

  it('not-odoo: truncated JSON', async () => {
    const { sim, admin } = await setup();
    sim.state.injectFault({ route: '/web/session/authenticate', kind: 'truncated-json' });
    expect((await failure(admin.authenticate())).params).toMatchObject({ problem: 'invalid-json' });
  });

  it('not-odoo: a result of the wrong shape', async () => {
    const { sim, admin } = await setup();
    sim.state.injectFault({ route: '/web/session/authenticate', kind: 'result', result: 'hello' });
    expect((await failure(admin.authenticate())).params).toMatchObject({ problem: 'session-info' });
  });

  it('not-odoo: an HTML page where a JSON route should be', async () => {
    const { sim } = await setup();
    const error = await failure(new OdooClient({ baseUrl: sim.url }).call('/odoo', {}));
    expect(error.kind).toBe('not-odoo');
    expect(error.params).toMatchObject({ problem: 'not-json', status: 404 });
  });

  it('network: a connection reset', async () => {
    const { sim, admin } = await setup();
    sim.state.injectFault({ route: '/web/session/authenticate', kind: 'reset' });
    await expectKind(admin.authenticate(), 'network');
  });

  it('network: nobody listening', async () => {
    const { sim } = await setup();
    const gone = connect(sim, 'admin');
    await sim.close();
    forget(sim);
    await expectKind(gone.authenticate(), 'network');
  });

  it('timeout: a server that never answers', async () => {
    const { sim } = await setup();
    sim.state.injectFault({ route: '/web/session/authenticate', kind: 'hang' });
    await expectKind(connect(sim, 'admin', { timeoutMs: 200 }).authenticate(), 'timeout');
  });

  it('response-too-large: a huge body is cut off at the limit', async () => {
    const { sim } = await setup();
    sim.state.injectFault({ route: '/web/session/authenticate', kind: 'huge-body', bytes: 4 * 1024 * 1024 });
    await expectKind(connect(sim, 'admin', { maxResponseBytes: 256 * 1024 }).authenticate(), 'response-too-large');
  });

  it('server-error: any other server exception, named but without its traceback', async () => {
    const { sim, admin } = await setup();
    sim.state.injectFault({ route: '/web/session/authenticate', kind: 'rpc-error', error: { name: 'psycopg2.OperationalError', message: 'could not connect' } });
    const error = await failure(admin.authenticate());
    expect(error.kind).toBe('server-error');
    expect(error.params).toEqual({ name: 'psycopg2.OperationalError' });
    expect(JSON.stringify({ ...error, message: error.message })).not.toMatch(/Traceback|\/opt\/odoo/);
  });

  it('not-eligible: an administrator as target', async () => {
    const { admin } = await setup();
    const error = await failure(admin.impersonate(6));
    expect(error.kind).toBe('not-eligible');
    expect(error.params).toEqual({ reasons: 'administrator' });
  });

  it('verification-failed: the server does not confirm the switch', async () => {
    const { sim, admin } = await setup();
    // The server answers the switch but does not make it: session info still says the admin.
    sim.state.injectFault({ route: 'res.users.impersonate_login', kind: 'result', result: { type: 'ir.actions.client', tag: 'reload' } });
    await expectKind(admin.impersonate(7), 'verification-failed');
  });

  it('invalid-url: a URL with credentials', () => {
    expect(() => new OdooConnection({ url: 'https://u:p@odoo.example.com', database: 'x', login: 'a', password: 'b' })).toThrow(OdooError);
  });

  it('every kind has a translation key in English and Spanish', () => {
    for (const kind of ODOO_ERROR_KINDS) {
      const key = odooErrorKey(kind).replace(/^odoo\./, '');
      expect((en as Record<string, string>)[key], kind).toBeTruthy();
      expect((es as Record<string, string>)[key], kind).toBeTruthy();
    }
  });
});

describe('listDatabases', () => {
  it('lists the databases when the server allows it', async () => {
    const { sim } = await setup();
    expect(await listDatabases(sim.url)).toEqual(['odoo']);
  });

  it('answers null when the server refuses to list them', async () => {
    const { sim } = await setup({ listDatabases: false });
    expect(await listDatabases(sim.url)).toBeNull();
    expect(isOdooError(await listDatabases('ftp://x').catch((e: unknown) => e), 'invalid-url')).toBe(true);
  });
});
