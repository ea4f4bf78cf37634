// One console connected in turn to two Odoo servers (two simulators, real HTTP
// through the connector), as an admin with staging and production would. Their
// audit ids overlap and staging's history is older than production's: the
// mirror keeps each server's rows, cursors and last-sync time apart.
import { afterEach, describe, expect, it } from 'vitest';
import { CONSOLE_LOG_NAME } from '../../../src-main/core/ports/server-logs';
import { connectionKey } from '../../../src-main/connections/connection-service';
import { appendServerLogs } from '../../support/audit/sim-server-logs';
import { startOdooSim, type OdooSim } from '../../support/odoo-sim';
import { connectAs, startConsoleWithSim, type ConsoleUnderTest } from './console-fixture';

const SEEDED = 60;
let console: ConsoleUnderTest | null = null;
let staging: OdooSim | null = null;
afterEach(async () => {
  await console?.close();
  await staging?.close();
  console = null;
  staging = null;
});

/** The mirror's `server kind:id` keys of one server. */
function mirrored(consoleUnderTest: ConsoleUnderTest, sim: OdooSim): string[] {
  const server = connectionKey({ url: sim.url, database: sim.database });
  return (
    consoleUnderTest.services.audit.raw.prepare('SELECT kind, server_id FROM server_logs WHERE server = ? ORDER BY kind, server_id').all(server) as Array<{
      kind: string;
      server_id: number;
    }>
  ).map((row) => `${row.kind}:${row.server_id}`);
}

function onServer(sim: OdooSim): string[] {
  return [
    ...sim.state.irLogging().filter((row) => row.name === CONSOLE_LOG_NAME).map((row) => `console:${row.id}`),
    ...sim.state.impersonateLogs().map((row) => `impersonate:${row.id}`),
  ].sort((a, b) => {
    const [kindA, idA] = a.split(':') as [string, string];
    const [kindB, idB] = b.split(':') as [string, string];
    return kindA === kindB ? Number(idA) - Number(idB) : kindA < kindB ? -1 : 1;
  });
}

describe('a console mirroring two servers', () => {
  it('mirrors each fully under its own key, and shows each server\'s last sync while connected', async () => {
    console = await startConsoleWithSim({ seedLogs: SEEDED });
    staging = await startOdooSim({ hashDelayMs: 0 });
    // Same ids as production's seed, all dated days before production's cursor.
    appendServerLogs(staging.state, SEEDED, { start: new Date(Date.now() - 5 * 86_400_000), stepMs: 1000 });

    await connectAs(console);
    const production = await console.call('audit:sync'); // joins the sync the connection started
    expect(production.differences).toBe(0);
    expect(mirrored(console, console.sim)).toEqual(onServer(console.sim));
    const productionSyncAt = (await console.call('audit:syncStatus')).lastSyncAt;
    expect(productionSyncAt).not.toBeNull();

    console.time.wall += 60_000;
    const saved = await console.call('connections:save', { name: 'Staging', url: staging.url, database: staging.database, login: 'admin', password: 'admin' });
    await console.call('connections:connect', { id: saved.id });
    // Connected to staging, before its first sync has finished: production's time is not staging's.
    const before = await console.call('audit:syncStatus');
    expect(before.connected).toBe(true);
    expect(before.lastSyncAt).not.toBe(productionSyncAt);

    const second = await console.call('audit:sync');
    expect(second.differences).toBe(0);
    expect(mirrored(console, staging)).toEqual(onServer(staging));
    expect(mirrored(console, console.sim)).toEqual(onServer(console.sim));
    const list = await console.call('audit:list', { filters: { source: 'server' }, pageSize: 500 });
    expect(list.total).toBe(2 * SEEDED);
    expect(new Set(list.rows.map((row) => row.id)).size).toBe(2 * SEEDED);

    const stagingSyncAt = (await console.call('audit:syncStatus')).lastSyncAt;
    expect(stagingSyncAt).toBe(new Date(console.time.wall).toISOString());
    // Offline, the screen shows the most recent sync of any server.
    await console.call('connections:disconnect');
    expect(await console.call('audit:syncStatus')).toMatchObject({ connected: false, lastSyncAt: stagingSyncAt });
  });
});
