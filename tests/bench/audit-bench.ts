// Audit store benchmark (`npx tsx tests/bench/audit-bench.ts`, part of `npm run
// bench`; docs/architecture.md, Performance budgets): the mirror's first sync of
// 100 000 server rows and an incremental sync of 1 000 new ones, both from the
// Odoo simulator through the real connector over HTTP, then full-text search
// p50/p95 over 1 000 000 local rows. Prints one table.
// Sizes can be lowered for a quick look: AUDIT_BENCH_SERVER_ROWS, AUDIT_BENCH_LOCAL_ROWS.
// The simulator runs in a process of its own (sim-process.ts), as a real server would:
// the time and RSS columns are the syncing console's; the "RSS before" note gives the
// baseline the step started from.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditDatabase, type AuditDatabase } from '../../src-main/audit/audit-database';
import { AuditQueries } from '../../src-main/audit/audit-queries';
import { MirrorSync } from '../../src-main/audit/mirror-sync';
import { connectionKey } from '../../src-main/connections/connection-service';
import { OdooConnection } from '../../src-main/odoo/odoo-connection';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const SERVER_ROWS = Number(process.env.AUDIT_BENCH_SERVER_ROWS ?? 100_000);
const NEW_ROWS = 1000;
const LOCAL_ROWS = Number(process.env.AUDIT_BENCH_LOCAL_ROWS ?? 1_000_000);
const SEARCHES = 200;

const WORDS = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}${'aeiou'[i % 5]}x`);
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const word = () => WORDS[Math.floor(random() * WORDS.length)]!;
const sentence = (n: number) => Array.from({ length: n }, word).join(' ');

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const resetPeak = () => {
  peakRss = process.memoryUsage().rss;
  return peakRss;
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const walSize = (file: string) => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

interface Row {
  step: string;
  time: string;
  peakRss: string;
  wal: string;
  note: string;
}
const results: Row[] = [];

function printTable(rows: Row[]): void {
  const header: Row = { step: 'step', time: 'time', peakRss: 'peak RSS', wal: 'WAL', note: 'note' };
  const keys = Object.keys(header) as Array<keyof Row>;
  const width = (key: keyof Row) => Math.max(...[header, ...rows].map((row) => row[key].length));
  const line = (row: Row) => `| ${keys.map((key) => row[key].padEnd(width(key))).join(' | ')} |`;
  const rule = `|${keys.map((key) => '-'.repeat(width(key) + 2)).join('|')}|`;
  console.log([line(header), rule, ...rows.map(line)].join('\n'));
}

/** One sync measured: time, peak RSS against the RSS it started from, WAL after it. */
async function measuredSync(step: string, file: string, sync: MirrorSync): Promise<void> {
  const before = resetPeak();
  const started = performance.now();
  const result = await sync.syncOnce();
  results.push({
    step,
    time: seconds(performance.now() - started),
    peakRss: mb(peakRss),
    wal: mb(walSize(file)),
    note: `${result.fetched} fetched, ${result.inserted} inserted (RSS before ${mb(before)})`,
  });
}

function searchTimings(queries: AuditQueries, filters: { admin?: string }): { p50: number; p95: number; matches: number } {
  const timings: number[] = [];
  let matched = 0;
  for (let i = 0; i < SEARCHES; i += 1) {
    const text = i % 4 === 0 ? `${word()} ${word().slice(0, 3)}` : word();
    const t = performance.now();
    matched += queries.search({ text, page: 0, pageSize: 50, filters: { source: 'all', ...filters } }).total;
    timings.push(performance.now() - t);
  }
  timings.sort((a, b) => a - b);
  const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]!;
  return { p50: pct(50), p95: pct(95), matches: Math.round(matched / SEARCHES) };
}

function loadLocalRows(searchDb: AuditDatabase): void {
  // Bulk-loaded: the ledger's one-transaction-per-call path is measured by the tests, not here.
  const insert = searchDb.raw.prepare(`INSERT INTO sessions (connection_key, limiter_key, admin_uid, admin_login, admin_name,
    target_id, target_login, target_name, reason, allowed, refusal, outcome, attempt_at_ms, attempt_at, app_version, client_host)
    VALUES ('bench', 'bench|admin', 2, ?, ?, ?, ?, ?, ?, 0, 'rate-limited', 'refused', ?, ?, '0.0.0', 'bench')`);
  const origin = Date.UTC(2024, 0, 1);
  for (let done = 0; done < LOCAL_ROWS; ) {
    const batch = Math.min(50_000, LOCAL_ROWS - done);
    searchDb.raw.transaction(() => {
      for (let i = done; i < done + batch; i += 1) {
        const at = origin + i * 30_000;
        insert.run(`admin${i % 20}`, `Admin ${word()}`, i % 5000, `user${i % 5000}`, `User ${word()}`, sentence(6 + (i % 7)), at, new Date(at).toISOString());
      }
    })();
    done += batch;
  }
}

/** The simulator in its own process: its address, a command channel, and how to end it. */
async function simulatorProcess(logs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sim-process.ts'), '--logs', String(logs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error('the simulator process ended');
    return line.value;
  };
  const { url, database } = JSON.parse(await next()) as { url: string; database: string };
  return {
    url,
    database,
    async append(count: number): Promise<void> {
      child.stdin!.write(`append ${count}\n`);
      if ((await next()) !== 'ok') throw new Error('the simulator did not append');
    },
    close: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.stdin!.end();
    }),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'audit-bench-'));
let seededIn = performance.now();
const sim = await simulatorProcess(SERVER_ROWS);
seededIn = performance.now() - seededIn;
try {
  // 1. First sync of the mirror, from the simulator through the connector.
  const file = join(dir, 'audit.sqlite');
  const database = openAuditDatabase({ file });
  const connection = new OdooConnection({ url: sim.url, database: sim.database, login: 'admin', password: 'admin' });
  await connection.authenticate();
  const sync = new MirrorSync(database, connection, { serverKey: connectionKey({ url: sim.url, database: sim.database }) });
  await measuredSync(`first sync, ${SERVER_ROWS} server rows`, file, sync);

  // 2. Incremental sync: 1 000 rows added on the server, ten to a second, then synced again.
  await sim.append(NEW_ROWS);
  await measuredSync(`incremental sync, ${NEW_ROWS} new rows`, file, sync);
  database.close();

  // 3. Full-text search over LOCAL_ROWS local sessions, alone and with an administrator filter.
  const searchFile = join(dir, 'search.sqlite');
  const searchDb = openAuditDatabase({ file: searchFile });
  resetPeak();
  const started = performance.now();
  loadLocalRows(searchDb);
  results.push({
    step: `load ${LOCAL_ROWS} local rows (with FTS)`,
    time: seconds(performance.now() - started),
    peakRss: mb(peakRss),
    wal: mb(walSize(searchFile)),
    note: `${mb(statSync(searchFile).size)} database`,
  });
  const queries = new AuditQueries(searchDb);
  for (const [label, filters] of [
    ['FTS search', {}],
    ['FTS search + admin filter', { admin: 'admin7' }],
  ] as const) {
    resetPeak();
    const { p50, p95, matches } = searchTimings(queries, filters);
    results.push({
      step: `${label} over ${LOCAL_ROWS} rows (${SEARCHES} queries)`,
      time: `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
      peakRss: mb(peakRss),
      wal: mb(walSize(searchFile)),
      note: `${matches} matches per query on average`,
    });
  }
  searchDb.close();
} finally {
  clearInterval(sampler);
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`Audit store benchmark (simulator in its own process, seeded with ${SERVER_ROWS} rows in ${seconds(seededIn)})`);
printTable(results);
