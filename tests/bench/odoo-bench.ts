// The Odoo connector's part of `npm run bench` (docs/architecture.md, Performance
// budgets): searchUsers p50/p95 for the first and a later page over 50 000
// simulated users, and the HTTP round trips of the start and stop sequences,
// counted by the simulator. Where the ODOO_* variables name a real Odoo, also the
// start and stop on it against the raw JSON-RPC sequence (odoo-real-bench.ts).
// Run with `npx tsx tests/bench/odoo-bench.ts`.
import { OdooConnection } from '../../src-main/odoo';
import { startOdooSim } from '../support/odoo-sim';
import { benchRealServer } from './odoo-real-bench';

const USERS = 50_000;
const RUNS = 40;
const PAGE_SIZE = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function timed(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const sim = await startOdooSim({ hashDelayMs: 0, seedUsers: USERS });
try {
  const admin = new OdooConnection({ url: sim.url, database: sim.database, login: 'admin', password: 'admin' });
  await admin.detect();
  const later = Math.floor(USERS / PAGE_SIZE / 2);
  const first = await timed(() => admin.searchUsers('', 0, PAGE_SIZE, { includeArchived: true }));
  const laterPage = await timed(() => admin.searchUsers('', later, PAGE_SIZE, { includeArchived: true }));
  const filtered = await timed(() => admin.searchUsers('garcia', 0, PAGE_SIZE, { includeArchived: true }));

  sim.state.clearRequests();
  await admin.searchUsers('', 0, PAGE_SIZE);
  const searchTrips = sim.state.requests().length;

  sim.state.clearRequests();
  const handle = await admin.impersonate(7);
  await admin.writeAuditEntry({
    event: 'start',
    app: 'bench',
    appVersion: '0',
    host: 'bench',
    admin: { uid: 2, login: 'admin' },
    target: { id: 7, login: 'alice', name: 'Alice Anderson' },
    reason: 'Benchmark of the start sequence',
    sessionIdentifier: handle.sessionIdentifier,
    clientIp: null,
    serverIp: handle.facts.serverIp,
    at: new Date().toISOString(),
  });
  const startTrips = sim.state.requests().map((r) => r.rpc ?? r.path);

  sim.state.clearRequests();
  await admin.endImpersonation(handle);
  const stopTrips = sim.state.requests().map((r) => r.rpc ?? r.path);

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`Odoo connector against the simulator (${USERS} users, page size ${PAGE_SIZE}, ${RUNS} runs each)\n`);
  console.table([
    { measure: 'searchUsers, first page', p50: ms(first.p50), p95: ms(first.p95) },
    { measure: `searchUsers, page ${later}`, p50: ms(laterPage.p50), p95: ms(laterPage.p95) },
    { measure: 'searchUsers "garcia", first page', p50: ms(filtered.p50), p95: ms(filtered.p95) },
  ]);
  console.table([
    { sequence: 'searchUsers (one page)', 'HTTP round trips': searchTrips },
    { sequence: 'start (impersonate + ir.logging entry)', 'HTTP round trips': startTrips.length },
    { sequence: 'stop (endImpersonation)', 'HTTP round trips': stopTrips.length },
  ]);
  console.log(`start: ${startTrips.join(' → ')}`);
  console.log(`stop:  ${stopTrips.join(' → ')}`);
  await admin.destroy();
} finally {
  await sim.close();
}

if (process.env.ODOO_URL) await benchRealServer();
else console.log('\nNo real Odoo (ODOO_URL unset): the start and stop against a real server are not timed. See the README, "Against the bundled real Odoo".');
