// The mirror sync end to end: the real Odoo connector over HTTP against the
// simulator's impersonate.log and ir.logging, with pages that end inside a
// group of rows sharing one write_date, then rows added on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditDatabase } from '../../../src-main/audit/audit-database';
import { MirrorSync } from '../../../src-main/audit/mirror-sync';
import { CONSOLE_LOG_NAME } from '../../../src-main/core/ports/server-logs';
import { connectionKey } from '../../../src-main/connections/connection-service';
import { OdooConnection } from '../../../src-main/odoo/odoo-connection';
import { tempAudit, type TempAudit } from '../../support/audit/fixtures';
import { appendServerLogs } from '../../support/audit/sim-server-logs';
import { startOdooSim, type OdooSim } from '../../support/odoo-sim';

const SEEDED = 1200;

describe('mirror sync from the Odoo simulator through the connector', () => {
  let sim: OdooSim;
  let temp: TempAudit;
  let database: AuditDatabase;
  let sync: MirrorSync;

  beforeAll(async () => {
    sim = await startOdooSim({ seedLogs: SEEDED, hashDelayMs: 0 });
    const connection = new OdooConnection({ url: sim.url, database: sim.database, login: 'admin', password: 'admin' });
    await connection.authenticate();
    temp = tempAudit('mirror-sync-sim-');
    database = temp.open();
    // An odd page size, so that pages end inside the groups of rows that share a second.
    sync = new MirrorSync(database, connection, { serverKey: connectionKey({ url: sim.url, database: sim.database }), pageSize: 97 });
  });
  afterAll(async () => {
    temp.cleanup();
    await sim.close();
  });

  /** The mirror's `kind:id` keys, and the server's. */
  const mirrored = () =>
    new Set(database.raw.prepare('SELECT kind, server_id FROM server_logs').all().map((row) => {
      const { kind, server_id } = row as { kind: string; server_id: number };
      return `${kind}:${server_id}`;
    }));
  const onServer = () =>
    new Set([
      ...sim.state.impersonateLogs().map((row) => `impersonate:${row.id}`),
      ...sim.state.irLogging().filter((row) => row.name === CONSOLE_LOG_NAME).map((row) => `console:${row.id}`),
    ]);

  it('copies every seeded row on the first sync', async () => {
    const result = await sync.syncOnce();
    expect(result).toMatchObject({ fetched: SEEDED, inserted: SEEDED, updated: 0, differences: 0 });
    expect(mirrored()).toEqual(onServer());
  });

  it('brings only the new rows, ten to a second, on the next sync', async () => {
    const added = appendServerLogs(sim.state, 300, { stepMs: 100 });
    expect(added).toEqual({ impersonate: 150, console: 150 });
    const result = await sync.syncOnce();
    expect(result.inserted).toBe(300);
    expect(result.updated).toBe(0);
    // The look-back re-reads recent rows; nothing near the whole history.
    expect(result.fetched).toBeLessThan(300 + 2 * 400);
    expect(mirrored()).toEqual(onServer());
    expect(mirrored().size).toBe(SEEDED + 300);
  });

  it('changes nothing when the server has nothing new', async () => {
    const result = await sync.syncOnce();
    expect(result).toMatchObject({ inserted: 0, updated: 0, differences: 0 });
    expect(mirrored().size).toBe(SEEDED + 300);
  });
});

describe.each([17, 18, 19] as const)('mirror sync against the simulator as Odoo %i: same-second rows and a late commit', (version) => {
  let sim: OdooSim;
  let temp: TempAudit;
  afterAll(async () => {
    temp?.cleanup();
    await sim?.close();
  });

  it('mirrors each row once, including one a long transaction committed after the sync read past its id', async () => {
    sim = await startOdooSim({ version, hashDelayMs: 0 });
    const connection = new OdooConnection({ url: sim.url, database: sim.database, login: 'admin', password: 'admin' });
    temp = tempAudit(`mirror-late-${version}-`);
    const database = temp.open();
    const sync = new MirrorSync(database, connection, { serverKey: connectionKey({ url: sim.url, database: sim.database }), pageSize: 2 });
    const entry = (n: number) => ({
      name: CONSOLE_LOG_NAME,
      type: 'client',
      dbname: sim.database,
      level: 'INFO',
      message: JSON.stringify({ event: 'start', n }),
      path: CONSOLE_LOG_NAME,
      func: 'start',
      line: '0',
    });
    // A long transaction starts: its row takes the next id and the transaction's start as write_date.
    const long = sim.state.beginTransaction();
    const lateId = long.create('ir.logging', entry(0));
    // Three rows committed together: one second, one write_date, ids after the late one.
    const batch = sim.state.beginTransaction();
    const batchIds = [1, 2, 3].map((n) => batch.create('ir.logging', entry(n)));
    batch.commit();
    const consoleIds = () => database.raw.prepare("SELECT server_id FROM server_logs WHERE kind = 'console' ORDER BY server_id").pluck().all();

    expect(await sync.syncOnce()).toMatchObject({ inserted: 3 });
    expect(consoleIds()).toEqual(batchIds);
    expect(Math.min(...batchIds)).toBeGreaterThan(lateId);

    long.commit(); // visible now, dated before everything the mirror holds, with the smallest id
    expect(await sync.syncOnce()).toMatchObject({ inserted: 1, updated: 0, differences: 0 });
    expect(consoleIds()).toEqual([lateId, ...batchIds]);
    expect(await sync.syncOnce()).toMatchObject({ inserted: 0, updated: 0, differences: 0 });
  });
});
