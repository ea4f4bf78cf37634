// The Odoo connector's part of `npm run bench` (docs/architecture.md, Performance
// budgets): searchUsers p50/p95 for the first and a later page over 50 000
// simulated users, and the HTTP round trips of the start and stop sequences,
// counted by the simulator. Then issue 13's figures, side by side for the simulator
// and, where the ODOO_* variables name a real Odoo, that server: Confirm → view ready
// at the API level (start-bench.ts) against the raw authenticate + impersonate_login,
// interleaved; the stop against back_to_origin_login + destroy; round trips; and Enter →
// banner in the harness with Playwright (ui-bench.ts; needs `npm run build:harness`).
// Run with `npx tsx tests/bench/odoo-bench.ts`. BENCH_STARTS (default 20) sets the runs.
import { OdooConnection } from '../../src-main/odoo';
import { startOdooSim } from '../support/odoo-sim';
import { benchStarts, printStartFigures, type StartFigures } from './start-bench';
import { benchUi, printUiFigures, type UiFigures } from './ui-bench';

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
  const handle = await admin.impersonate(7); // the whole sequence, unwarmed, on a fresh session
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

// Issue 13: the simulator with 250 ms of password hashing (about the real Odoo 18's), then the real server.
const STARTS = Number(process.env.BENCH_STARTS ?? 20);
const starts: StartFigures[] = [];
const ui: UiFigures[] = [];
const hashing = await startOdooSim({ hashDelayMs: 250 });
try {
  starts.push(await benchStarts({ label: 'simulator (250 ms hash)', url: hashing.url, database: hashing.database, login: 'admin', password: 'admin', targetLogin: 'alice' }, STARTS));
} finally {
  await hashing.close();
}
ui.push(await benchUi('simulator (250 ms hash)', { targetName: 'Alice Anderson', runs: STARTS, simHashDelayMs: 250 }));
if (process.env.ODOO_URL) {
  const real = {
    url: process.env.ODOO_URL,
    database: process.env.ODOO_DB ?? '',
    login: process.env.ODOO_ADMIN_LOGIN ?? 'admin',
    password: process.env.ODOO_ADMIN_PASSWORD ?? 'admin',
  };
  const label = `real Odoo at ${real.url}`;
  starts.push(await benchStarts({ label, ...real, targetLogin: process.env.ODOO_USER_LOGIN ?? 'alice' }, STARTS));
  ui.push(await benchUi(label, { server: real, targetName: process.env.BENCH_TARGET_NAME ?? 'Alice Anderson', runs: STARTS }));
} else {
  console.log('\nNo real Odoo (ODOO_URL unset): only the simulator is timed. See the README, "Against the bundled real Odoo".');
}
printStartFigures(starts);
printUiFigures(ui);
