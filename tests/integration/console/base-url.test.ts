// The server's base URL through the whole console (issue 18.2), against the simulator
// (the contract suite proves the same on the real servers): Connect reads web.base.url
// and its freeze and says when the console's own sign-in moved it; the freeze action,
// on an address the admin confirms, is the only call that changes either parameter,
// and it is on the record; afterwards no sign-in moves web.base.url.
import { afterEach, describe, expect, it } from 'vitest';
import { startConsoleWithSim, type ConsoleUnderTest } from './console-fixture';

let console: ConsoleUnderTest | null = null;
afterEach(async () => {
  await console?.close();
  console = null;
});

/** The simulator's URL through another name of the same loopback server. */
const viaLocalhost = (url: string) => url.replace('127.0.0.1', 'localhost');

function webBaseUrl(c: ConsoleUnderTest): unknown {
  return c.sim.state.db.table('ir.config_parameter').search([['key', '=', 'web.base.url']])[0]?.value;
}

function setParamCalls(c: ConsoleUnderTest): number {
  return c.sim.state.requests().filter((request) => request.rpc === 'ir.config_parameter.set_param').length;
}

async function connectThrough(c: ConsoleUnderTest, url: string, name: string) {
  const saved = await c.call('connections:save', { name, url, database: c.sim.database, login: 'admin', password: 'admin' });
  return c.call('connections:connect', { id: saved.id });
}

describe("the server's base URL at Connect", () => {
  it('is steady when the console signs in where web.base.url already points: no warning', async () => {
    console = await startConsoleWithSim();
    const report = await connectThrough(console, console.sim.url, 'Direct');
    expect(report.baseUrl).toEqual({ value: console.sim.url, frozen: false, consoleAddress: console.sim.url, changedByThisLogin: false, warning: false });
  });

  it('says when this sign-in moved it, freezes it only on the confirmed address, on the record, and then nothing moves it', async () => {
    console = await startConsoleWithSim();
    const other = viaLocalhost(console.sim.url);
    const moved = await connectThrough(console, other, 'Through localhost');
    expect(webBaseUrl(console)).toBe(other);
    expect(moved.baseUrl).toEqual({ value: other, frozen: false, consoleAddress: other, changedByThisLogin: true, warning: true });
    expect(setParamCalls(console)).toBe(0);

    // An address that is not one is refused, and changes nothing.
    expect(await console.callRaw('connections:freezeBaseUrl', { address: 'ftp://odoo.example.com' })).toMatchObject({ ok: false, error: { kind: 'invalid-url' } });
    expect(setParamCalls(console)).toBe(0);

    const frozen = await console.call('connections:freezeBaseUrl', { address: `${console.sim.url}/` });
    expect(frozen.baseUrl).toMatchObject({ value: console.sim.url, frozen: true, warning: false });
    expect((await console.call('connections:status')).report?.baseUrl).toMatchObject({ frozen: true });
    const recorded = console.services.audit.raw.prepare("select payload from audit_events where type = 'server-setting'").all() as { payload: string }[];
    expect(recorded.map((row) => JSON.parse(row.payload))).toEqual([
      expect.objectContaining({ login: 'admin', setting: 'web.base.url.freeze', value: console.sim.url, previous: other, connection_key: `${other}|${console.sim.database}` }),
    ]);
    expect(setParamCalls(console)).toBe(2);

    // Frozen: a sign-in through yet another spelling leaves it where the admin put it.
    const after = await connectThrough(console, other, 'Through localhost again');
    expect(webBaseUrl(console)).toBe(console.sim.url);
    expect(after.baseUrl).toMatchObject({ value: console.sim.url, frozen: true, changedByThisLogin: false, warning: false });
    expect(setParamCalls(console)).toBe(2);
  });

  it('is not read for a login that may not read system parameters (whose sign-in moves nothing)', async () => {
    console = await startConsoleWithSim();
    const saved = await console.call('connections:save', { name: 'Alice', url: console.sim.url, database: console.sim.database, login: 'alice', password: 'alice' });
    expect((await console.call('connections:connect', { id: saved.id })).baseUrl).toBeNull();
  });
});
