// Connecting through the console: each failure gets its own translated message,
// and the user picker pages correctly over a large directory (issue 5).
import { afterEach, describe, expect, it } from 'vitest';
import { connectAs, startConsoleWithSim, type ConsoleUnderTest } from './console-fixture';

let console: ConsoleUnderTest | null = null;
afterEach(async () => {
  await console?.close();
  console = null;
});

async function saved(consoleUnderTest: ConsoleUnderTest, overrides: { login?: string; database?: string } = {}) {
  return consoleUnderTest.call('connections:save', {
    name: 'Simulator',
    url: consoleUnderTest.sim.url,
    database: overrides.database ?? consoleUnderTest.sim.database,
    login: overrides.login ?? 'admin',
  });
}

describe('connecting', () => {
  it('says the password is wrong, the same way Odoo does for an unknown login', async () => {
    console = await startConsoleWithSim();
    const { id } = await saved(console);
    expect(await console.callRaw('connections:connect', { id, password: 'not-the-password' })).toMatchObject({
      ok: false,
      error: { kind: 'access-denied', key: 'odoo.accessDenied' },
    });
    expect((await console.call('connections:status')).connected).toBe(false);
  });

  it('says the database does not exist', async () => {
    console = await startConsoleWithSim();
    const { id } = await saved(console, { database: 'nope' });
    expect(await console.callRaw('connections:connect', { id, password: 'admin' })).toMatchObject({
      ok: false,
      error: { kind: 'database-not-found', key: 'odoo.databaseNotFound' },
    });
  });

  it('says the module is missing and what to install, and stays disconnected', async () => {
    console = await startConsoleWithSim({ moduleInstalled: false });
    const { id } = await saved(console);
    const report = await console.call('connections:connect', { id, password: 'admin' });
    expect(report).toMatchObject({ ok: false, moduleInstalled: false });
    expect(report.problems.map((problem) => problem.key)).toContain('odoo.problemModuleMissing');
    expect((await console.call('connections:status')).connected).toBe(false);
  });

  it('says a login that is not a Settings administrator may not impersonate', async () => {
    console = await startConsoleWithSim();
    const { id } = await saved(console, { login: 'bob' });
    const report = await console.call('connections:connect', { id, password: 'bob' });
    expect(report).toMatchObject({ ok: false, isSystemAdmin: false });
    expect(report.problems.map((problem) => problem.key)).toContain('odoo.problemNotSystemAdmin');
  });

  it('says an administrator outside "Impersonate Users" must be added to it', async () => {
    console = await startConsoleWithSim();
    const { id } = await saved(console, { login: 'admin2' });
    const report = await console.call('connections:connect', { id, password: 'admin2' });
    expect(report).toMatchObject({ ok: false, isSystemAdmin: true, inImpersonationGroup: false });
    expect(report.problems.map((problem) => problem.key)).toEqual(['odoo.problemNotInImpersonationGroup']);
  });

  it('refuses a URL with credentials in it before saving anything', async () => {
    console = await startConsoleWithSim();
    const refused = await console.callRaw('connections:save', { name: 'x', url: 'https://admin:pw@odoo.example.com', database: 'odoo', login: 'admin' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-url', params: { problem: 'credentials' } } });
    expect((await console.call('connections:list')).connections).toEqual([]);
  });

  it('keeps the password in memory only and says why when there is no keychain', async () => {
    console = await startConsoleWithSim();
    await connectAs(console);
    const list = await console.call('connections:list');
    expect(list.secretStorage).toEqual({ mode: 'memory-only', reason: 'unavailable' });
    expect(list.connections[0]).toMatchObject({ passwordStored: true, insecureHttp: false });
    expect(Object.keys(list.connections[0]!)).not.toContain('password');
  });
});

describe('the user picker over 50 000 users', () => {
  it('pages through the directory with the total and without overlap', async () => {
    console = await startConsoleWithSim({ seedUsers: 50_000 });
    await connectAs(console);
    const first = await console.call('users:search', { query: '', page: 0, pageSize: 100 });
    const later = await console.call('users:search', { query: '', page: 250, pageSize: 100 });
    expect(first.total).toBeGreaterThanOrEqual(50_000);
    expect(later.total).toBe(first.total);
    expect(first.rows).toHaveLength(100);
    expect(later.rows).toHaveLength(100);
    const firstIds = new Set(first.rows.map((row) => row.id));
    expect(later.rows.some((row) => firstIds.has(row.id))).toBe(false);

    const narrowed = await console.call('users:search', { query: 'alice', page: 0, pageSize: 50 });
    expect(narrowed.rows.map((row) => row.login)).toContain('alice');
    expect(narrowed.total).toBeLessThan(first.total);
  }, 120_000);
});
