// SS-10: the whole flow with a known password and the server's real cookies,
// then every file the console wrote (database, WAL, log, settings, connections,
// the whole data folder) is searched for any of them: zero hits. Once per
// simulated Odoo version: 17's session ids are 40 characters, 18 and 19's 84.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RawSession } from '../../contract/raw-session';
import { revokeAllDevices, wrongCode } from '../../contract/two-factor-scenarios';
import { everyFile, secretsFoundIn } from '../../support/canary';
import { workingKeychain } from '../../support/fake-keychain';
import { CodeSource } from '../../support/totp';
import { connectAs, REASON, startConsoleWithSim, type ConsoleUnderTest } from './console-fixture';

const CANARY_PASSWORD = 'Canary-Pa55-7f3a9c';
let console: ConsoleUnderTest | null = null;
afterEach(async () => {
  await console?.close();
  console = null;
});

describe.each([17, 18, 19] as const)('the canary (SS-10) on Odoo %i', (version) => {
  it('finds no password, cookie or full session id in anything the console wrote, nor in the server log', async () => {
    console = await startConsoleWithSim({
      version,
      users: [{ login: 'canary', name: 'Canary Admin', password: CANARY_PASSWORD, systemAdmin: true, impersonator: true }],
    });
    await connectAs(console, 'canary', CANARY_PASSWORD);
    await console.call('users:search', { query: 'a' });
    const alice = console.sim.state.userId('alice');
    await console.call('impersonation:check', { targetId: alice, reason: REASON });
    await console.call('impersonation:start', { targetId: alice, reason: REASON });
    const cookie = console.view.spec!.sessionCookie;
    await console.call('impersonation:stop');
    // A failed start and a wrong password leave their traces in the log too.
    console.sim.state.injectFault({ route: 'ir.logging.create', kind: 'html-502' });
    await console.callRaw('impersonation:start', { targetId: alice, reason: REASON });
    await console.callRaw('connections:test', { id: (await console.call('connections:list')).connections[0]!.id, password: `${CANARY_PASSWORD}-wrong` });
    await console.call('audit:sync');
    await console.call('audit:export', { format: 'csv' });
    await console.services.shutdown();
    const dataDir = console.dataDir;

    const secrets = [CANARY_PASSWORD, cookie, ...console.sim.state.issuedSessionIds()];
    // Odoo 18, 19: the identifier (the first 42 of 84 characters) may be stored, the rest never.
    // Odoo 17: nothing of a 40-character id may be stored, neither half.
    const fragments = secrets.flatMap((secret) =>
      secret.length > 42 ? [secret, secret.slice(42)] : secret === CANARY_PASSWORD ? [secret] : [secret, secret.slice(0, 20), secret.slice(20)],
    );
    const files = everyFile(dataDir);
    expect(files.map((file) => path.basename(file))).toEqual(expect.arrayContaining(['audit.sqlite', 'console.log']));
    expect(secretsFoundIn(dataDir, fragments)).toEqual([]);
    // …and the console's entries in the server's ir.logging, which every Settings administrator reads.
    const serverLog = JSON.stringify(console.sim.state.irLogging());
    expect(fragments.filter((fragment) => serverLog.includes(fragment)).map((fragment) => fragment.slice(0, 6))).toEqual([]);
    expect(cookie.length).toBe(version === 17 ? 40 : 84);
  });
});

describe.each([17, 18, 19] as const)('the canary of two-factor sign-in (SS-9, SS-10) on Odoo %i', (version) => {
  it('finds no trusted-device token, password or session id in anything the console wrote, the keychain file included', async () => {
    const secret = 'KRSXG5CTMVRXEZLU'; // this test's own TOTP secret (base32)
    const codes = new CodeSource(secret);
    console = await startConsoleWithSim(
      { version, users: [{ login: 'canary2fa', name: 'Canary Two', password: CANARY_PASSWORD, systemAdmin: true, impersonator: true, totpSecret: secret }] },
      workingKeychain(),
    );
    const code = () => codes.next(console!.sim.url, version >= 19, console!.sim.state.totpClock);
    const saved = await console.call('connections:save', { name: 'Canary', url: console.sim.url, database: console.sim.database, login: 'canary2fa', password: CANARY_PASSWORD, rememberPassword: true });
    await console.callRaw('connections:connect', { id: saved.id });
    await console.callRaw('connections:connect', { id: saved.id, code: wrongCode(secret, console.sim.state.totpClock.now()) });
    await console.call('connections:connect', { id: saved.id, code: await code(), trustDevice: true });
    const alice = console.sim.state.userId('alice');
    await console.call('impersonation:start', { targetId: alice, reason: REASON });
    await console.call('impersonation:stop');
    // The server stops trusting it: a refused start, a refused Connect, then a code again.
    const admin = new RawSession(console.sim.url);
    await admin.authenticate(console.sim.database, 'admin', 'admin');
    await revokeAllDevices(admin, console.sim.state.userId('canary2fa'), 'admin');
    await console.callRaw('impersonation:start', { targetId: alice, reason: REASON });
    await console.call('connections:disconnect');
    await console.callRaw('connections:connect', { id: saved.id });
    await console.call('connections:connect', { id: saved.id, code: await code(), trustDevice: true });
    await console.services.shutdown();

    const tokens = console.sim.state.trustedDeviceTokens();
    expect(tokens).toHaveLength(2);
    const secrets = [CANARY_PASSWORD, ...tokens, ...console.sim.state.issuedSessionIds().map((id) => (id.length > 42 ? id.slice(42) : id))];
    const files = everyFile(console.dataDir);
    expect(files.map((file) => path.basename(file))).toEqual(expect.arrayContaining(['audit.sqlite', 'console.log', 'trusted-devices.json', 'secrets.json']));
    expect(secretsFoundIn(console.dataDir, secrets)).toEqual([]);
    expect(JSON.stringify(console.sim.state.irLogging())).not.toContain(tokens[0]!);
  });
});
