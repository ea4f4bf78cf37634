// Audit store benchmark (`npx tsx tests/bench/audit-bench.ts`): the mirror's
// first sync of 100 000 server rows, an incremental sync of 1 000, and
// full-text search p50/p95 over 1 000 000 local rows. Prints one table.
// Sizes can be lowered for a quick look: AUDIT_BENCH_SERVER_ROWS, AUDIT_BENCH_LOCAL_ROWS.
// TODO: run the syncs through the real Odoo connector against tests/support/odoo-sim
// (startOdooSim) once its readServerLogs is wired; the in-memory source measures the store alone.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditDatabase } from '../../src-main/audit/audit-database';
import { AuditQueries } from '../../src-main/audit/audit-queries';
import { MirrorSync } from '../../src-main/audit/mirror-sync';
import type { ServerLogRow } from '../../src-main/audit/server-log-source';
import { consoleRow, impersonateRow, serverTime } from '../support/audit/fixtures';
import { MemoryLogSource } from '../support/audit/memory-log-source';

const SERVER_ROWS = Number(process.env.AUDIT_BENCH_SERVER_ROWS ?? 100_000);
const LOCAL_ROWS = Number(process.env.AUDIT_BENCH_LOCAL_ROWS ?? 1_000_000);
const SEARCHES = 200;

const WORDS = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}${'aeiou'[i % 5]}x`);
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const word = () => WORDS[Math.floor(random() * WORDS.length)]!;
const sentence = (n: number) => Array.from({ length: n }, word).join(' ');

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const resetPeak = () => (peakRss = process.memoryUsage().rss);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const walSize = (file: string) => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

function serverRow(i: number): ServerLogRow {
  const at = serverTime(Math.floor(i / 3)); // three rows per second: write_dates shared across pages
  return i % 2 === 0 ? impersonateRow(i + 1, at, { dateEnd: at }) : consoleRow(i + 1, at, sentence(8));
}

const results: Array<{ step: string; time: string; peakRss: string; wal: string; note: string }> = [];
const dir = mkdtempSync(join(tmpdir(), 'audit-bench-'));
try {
  // 1. First sync of the mirror.
  const file = join(dir, 'audit.sqlite');
  const database = openAuditDatabase({ file });
  const source = new MemoryLogSource(Array.from({ length: SERVER_ROWS }, (_, i) => serverRow(i)));
  const sync = new MirrorSync(database, source, { pageSize: 1000 });
  resetPeak();
  let started = performance.now();
  const first = await sync.syncOnce();
  results.push({
    step: `first sync, ${SERVER_ROWS} server rows`,
    time: `${((performance.now() - started) / 1000).toFixed(2)} s`,
    peakRss: mb(peakRss),
    wal: mb(walSize(file)),
    note: `${first.inserted} inserted`,
  });

  // 2. Incremental sync of 1 000 new rows.
  for (let i = SERVER_ROWS; i < SERVER_ROWS + 1000; i += 1) source.put(serverRow(i));
  resetPeak();
  started = performance.now();
  const incremental = await sync.syncOnce();
  results.push({
    step: 'incremental sync, 1000 new rows',
    time: `${(performance.now() - started).toFixed(0)} ms`,
    peakRss: mb(peakRss),
    wal: mb(walSize(file)),
    note: `${incremental.fetched} fetched (look-back included), ${incremental.inserted} inserted`,
  });
  database.close();

  // 3. Full-text search over LOCAL_ROWS local sessions (bulk-loaded: the ledger's
  // one-transaction-per-call path is measured by the tests, not here).
  const searchFile = join(dir, 'search.sqlite');
  const searchDb = openAuditDatabase({ file: searchFile });
  const insert = searchDb.raw.prepare(`INSERT INTO sessions (connection_key, limiter_key, admin_uid, admin_login, admin_name,
    target_id, target_login, target_name, reason, allowed, refusal, outcome, attempt_at_ms, attempt_at, app_version, client_host)
    VALUES ('bench', 'bench|admin', 2, ?, ?, ?, ?, ?, ?, 0, 'rate-limited', 'refused', ?, ?, '0.0.0', 'bench')`);
  resetPeak();
  started = performance.now();
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
  results.push({
    step: `load ${LOCAL_ROWS} local rows (with FTS)`,
    time: `${((performance.now() - started) / 1000).toFixed(1)} s`,
    peakRss: mb(peakRss),
    wal: mb(walSize(searchFile)),
    note: `${mb(statSync(searchFile).size)} database`,
  });
  const queries = new AuditQueries(searchDb);
  const timings: number[] = [];
  let matched = 0;
  resetPeak();
  for (let i = 0; i < SEARCHES; i += 1) {
    const text = i % 4 === 0 ? `${word()} ${word().slice(0, 3)}` : word();
    const t = performance.now();
    matched += queries.search({ text, page: 0, pageSize: 50 }).total;
    timings.push(performance.now() - t);
  }
  timings.sort((a, b) => a - b);
  const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]!;
  results.push({
    step: `FTS search over ${LOCAL_ROWS} rows (${SEARCHES} queries)`,
    time: `p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms`,
    peakRss: mb(peakRss),
    wal: mb(walSize(searchFile)),
    note: `${Math.round(matched / SEARCHES)} matches per query on average`,
  });
  searchDb.close();
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
console.table(results);
