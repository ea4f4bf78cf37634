// Two-factor sign-in through the whole console (issue 18.1), against the simulator
// as Odoo 18 (the contract suite runs the same against 17, 19 and the real servers):
// Connect asks for the code, a refused one is on the record and can be retried on the
// same half-open session, the right one connects and says "two-factor: on"; each
// impersonation's fresh session finishes through the trusted device without a code;
// after "Revoke All" the start is refused with what to do and Connect asks again; the
// trusted device is kept like a password (the keychain when trusted, memory otherwise)
// and follows its connection's server, database and login only.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RawSession } from '../../contract/raw-session';
import { revokeAllDevices } from '../../contract/two-factor-scenarios';
import { workingKeychain } from '../../support/fake-keychain';
import { LAB_TOTP_SECRET, matchTotp, totp } from '../../support/totp';
import { REASON, startConsoleWithSim, type ConsoleUnderTest } from './console-fixture';

let console: ConsoleUnderTest | null = null;
afterEach(async () => {
  await console?.close();
  console = null;
});

const code = () => totp(LAB_TOTP_SECRET);
const wrong = () => (matchTotp(LAB_TOTP_SECRET, '000000') === null ? '000000' : '111111');

function events(c: ConsoleUnderTest, type: string): Record<string, unknown>[] {
  const rows = c.services.audit.raw.prepare('select payload from audit_events where type = ? order by id').all(type) as { payload: string }[];
  return rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
}

async function saveAdmin3(c: ConsoleUnderTest) {
  return c.call('connections:save', { name: 'Two-factor', url: c.sim.url, database: c.sim.database, login: 'admin3', password: 'admin3' });
}

/** Requests the simulator saw, by "METHOD path". */
function count(c: ConsoleUnderTest, request: string): number {
  return c.sim.state.requests().filter((entry) => `${entry.method} ${entry.path}` === request).length;
}

/** What an administrator does in Odoo for admin3: "Revoke All" trusted devices (behind the identity check). */
async function revokeOnTheServer(c: ConsoleUnderTest): Promise<void> {
  const raw = new RawSession(c.sim.url);
  await raw.authenticate(c.sim.database, 'admin', 'admin');
  await revokeAllDevices(raw, c.sim.state.userId('admin3'), 'admin');
  await raw.end();
}

describe('two-factor sign-in at Connect', () => {
  it('asks for the code, records a refused one and takes a retry on the same half-open session, then says two-factor is on', async () => {
    console = await startConsoleWithSim();
    const saved = await saveAdmin3(console);
    expect(await console.callRaw('connections:connect', { id: saved.id })).toMatchObject({
      ok: false,
      error: { kind: 'second-factor-required', key: 'odoo.secondFactorRequired' },
    });
    expect(await console.callRaw('connections:connect', { id: saved.id, code: '12 34' })).toMatchObject({ ok: false, error: { key: 'console.codeFormat' } });
    expect(await console.callRaw('connections:connect', { id: saved.id, code: wrong() })).toMatchObject({
      ok: false,
      error: { kind: 'second-factor-invalid', key: 'odoo.secondFactorInvalid' },
    });
    expect(events(console, 'connect-refused')).toEqual([expect.objectContaining({ login: 'admin3', action: 'connect', causes: ['second-factor-invalid'] })]);

    const spaced = `${code().slice(0, 3)} ${code().slice(3)}`;
    const report = await console.call('connections:connect', { id: saved.id, code: spaced });
    expect(report).toMatchObject({ ok: true, twoFactor: 'on', admin: { login: 'admin3' } });
    // The password was checked once: the code finished the session that check left half-open.
    expect(count(console, 'POST /web/session/authenticate')).toBe(1);
    expect(console.sim.state.trustedDeviceTokens()).toHaveLength(1);
  });

  it('says two-factor is off for a login without it', async () => {
    console = await startConsoleWithSim();
    const saved = await console.call('connections:save', { name: 'Plain', url: console.sim.url, database: console.sim.database, login: 'admin', password: 'admin' });
    expect(await console.call('connections:connect', { id: saved.id })).toMatchObject({ ok: true, twoFactor: 'off' });
  });

  it('finishes Test connection with the code too, after which Connect needs none', async () => {
    console = await startConsoleWithSim();
    const saved = await saveAdmin3(console);
    expect(await console.callRaw('connections:test', { id: saved.id })).toMatchObject({ ok: false, error: { kind: 'second-factor-required' } });
    expect(await console.call('connections:test', { id: saved.id, code: code() })).toMatchObject({ ok: true, twoFactor: 'on' });
    expect(await console.call('connections:connect', { id: saved.id })).toMatchObject({ ok: true });
  });
});

describe('each impersonation through the trusted device', () => {
  it('impersonates twice without a second code; after Revoke All refuses with what to do, and Connect asks for a code again', async () => {
    console = await startConsoleWithSim();
    const saved = await saveAdmin3(console);
    await console.callRaw('connections:connect', { id: saved.id });
    await console.call('connections:connect', { id: saved.id, code: code() });
    const codesGiven = count(console, 'POST /web/login/totp');

    for (const login of ['alice', 'bob']) {
      const view = await console.call('impersonation:start', { targetId: console.sim.state.userId(login), reason: REASON });
      expect(view).toMatchObject({ phase: 'active', target: { login } });
      await console.call('impersonation:stop');
    }
    // Two fresh sessions, each finished by the trusted device on GET, no code posted.
    expect(count(console, 'POST /web/login/totp')).toBe(codesGiven);
    expect(count(console, 'GET /web/login/totp')).toBeGreaterThanOrEqual(2);

    await revokeOnTheServer(console);
    const refused = await console.callRaw('impersonation:start', { targetId: console.sim.state.userId('carol'), reason: REASON });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'refused', key: 'rules.reconnectWithCode' } });
    const row = console.services.audit.raw.prepare("select outcome, refusal from sessions where target_login = 'carol'").get();
    expect(row).toEqual({ outcome: 'refused', refusal: 'second-factor-required' });
    expect(console.sim.state.openImpersonateLogs()).toEqual([]);

    await console.call('connections:disconnect');
    expect(await console.callRaw('connections:connect', { id: saved.id })).toMatchObject({
      ok: false,
      error: { kind: 'trusted-device-refused', key: 'odoo.trustedDeviceRefused' },
    });
    expect(await console.call('connections:connect', { id: saved.id, code: code() })).toMatchObject({ ok: true });
    expect(await console.call('impersonation:start', { targetId: console.sim.state.userId('carol'), reason: REASON })).toMatchObject({ phase: 'active' });
    await console.call('impersonation:stop');
  });
});

describe('where the trusted device is kept (SS-9)', () => {
  it('trusted: in the keychain, encrypted, so that the next run connects without a code', async () => {
    const keychain = workingKeychain();
    console = await startConsoleWithSim({}, keychain);
    const saved = await saveAdmin3(console);
    await console.callRaw('connections:connect', { id: saved.id });
    await console.call('connections:connect', { id: saved.id, code: code(), trustDevice: true });
    const [token] = console.sim.state.trustedDeviceTokens();
    const file = path.join(console.dataDir, 'trusted-devices.json');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'latin1')).not.toContain(token);

    await console.services.shutdown();
    const next = console.restart();
    const report = await next.call('connections:connect', { id: saved.id, password: 'admin3' });
    expect(report).toMatchObject({ ok: true, twoFactor: 'on' });
    await next.services.shutdown();
  });

  it('not trusted: in memory for this run only — impersonation needs no code now, the next run asks again', async () => {
    const keychain = workingKeychain();
    console = await startConsoleWithSim({}, keychain);
    const saved = await saveAdmin3(console);
    await console.callRaw('connections:connect', { id: saved.id });
    await console.call('connections:connect', { id: saved.id, code: code(), trustDevice: false });
    expect(await console.call('impersonation:start', { targetId: console.sim.state.userId('alice'), reason: REASON })).toMatchObject({ phase: 'active' });
    await console.call('impersonation:stop');
    const file = path.join(console.dataDir, 'trusted-devices.json');
    expect(existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}).toEqual({});

    await console.services.shutdown();
    const next = console.restart();
    expect(await next.callRaw('connections:connect', { id: saved.id, password: 'admin3' })).toMatchObject({ ok: false, error: { kind: 'second-factor-required' } });
    await next.services.shutdown();
  });

  it('follows its connection: edited to another login, the connection no longer has it', async () => {
    console = await startConsoleWithSim();
    const saved = await saveAdmin3(console);
    await console.callRaw('connections:connect', { id: saved.id });
    await console.call('connections:connect', { id: saved.id, code: code() });
    await console.call('connections:disconnect');
    await console.call('connections:save', { id: saved.id, name: 'Two-factor', url: console.sim.url, database: console.sim.database, login: 'admin' });
    await console.call('connections:save', { id: saved.id, name: 'Two-factor', url: console.sim.url, database: console.sim.database, login: 'admin3' });
    expect(await console.callRaw('connections:connect', { id: saved.id, password: 'admin3' })).toMatchObject({ ok: false, error: { kind: 'second-factor-required' } });
  });
});
