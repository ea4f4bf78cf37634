// Issue 13's start figures for `npm run bench`: Confirm → view ready at the API level
// (the whole console in Node: real services, a real SQLite audit, the same dispatch
// both transports use), with the session warmed while the "reason is typed", against
// the raw JSON-RPC sequence a script would send (authenticate + impersonate_login),
// interleaved in the same run; the stop against back_to_origin_login + destroy; and the
// HTTP requests and sequential round trips of each.
//
// "View ready" is the moment the view is handed the cookie (view.open). 20 starts do not
// fit in 5 attempts a minute: the bench raises the limit through the test-only
// `testOnlyRateLimit` of createConsole and prints that it did. The product's limit stays 5.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConsole } from '../../src-main/app/console';
import { createLogger } from '../../src-main/core/logger';
import { RATE_LIMIT_ATTEMPTS } from '../../src-preload/limits';
import { dispatch } from '../../src-preload/main-handlers';
import { RawSession } from '../contract/raw-session';
import { RecordingView } from '../integration/console/console-fixture';
import { RequestWatch } from '../support/request-watch';

export const BENCH_RATE_LIMIT = 1_000;
const REASON = 'Benchmark: Confirm to view ready, issue 13';

export interface ServerUnderBench {
  label: string;
  url: string;
  database: string;
  login: string;
  password: string;
  targetLogin: string;
}

export interface StartFigures {
  label: string;
  runs: number;
  /** Confirm → view ready with what the UI sends on Confirm: impersonation:start alone. */
  apiStart: number[];
  /** The same with impersonation:check first (an API client that checks, then starts). */
  apiCheckStart: number[];
  /** Stop called → the server session destroyed (view closed before): what the target compares. */
  apiStop: number[];
  /** Stop called → answered (the ir.logging end entry and the local record closed too). */
  apiStopAnswered: number[];
  rawStart: number[];
  rawStop: number[];
  /** HTTP requests and sequential round trips between Confirm and view ready, and of the stop (last run). */
  startRequests: number;
  startRoundTrips: number;
  stopRequests: number;
  stopRoundTrips: number;
  startCalls: string[];
}

function must(answer: Awaited<ReturnType<RawSession['post']>>, what: string): void {
  if (!answer.envelope || answer.envelope.error || !('result' in answer.envelope)) throw new Error(`${what}: ${answer.text.slice(0, 200)}`);
}

export async function benchStarts(server: ServerUnderBench, runs = 20, warmup = 2): Promise<StartFigures> {
  const watch = new RequestWatch();
  watch.install();
  const view = new RecordingView();
  let openedAt = 0;
  view.onOpen = () => {
    openedAt = performance.now();
  };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'start-bench-'));
  const services = createConsole({
    userDataDir: dataDir,
    logger: createLogger(() => undefined),
    safeStorage: null,
    view,
    testOnlyRateLimit: BENCH_RATE_LIMIT,
    info: { name: 'Impersonation Console', version: '0.1.0-bench', platform: process.platform, electronRuntime: false, electronVersion: null, chromeVersion: null, transport: 'harness' },
  });
  const call = async (channel: string, input?: unknown): Promise<unknown> => {
    const envelope = await dispatch(services.handlers, channel, input, { refusedInput: services.refusedInput });
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.kind} ${envelope.error.key}`);
    return envelope.value;
  };
  const figures: StartFigures = {
    label: server.label,
    runs,
    apiStart: [],
    apiCheckStart: [],
    apiStop: [],
    apiStopAnswered: [],
    rawStart: [],
    rawStop: [],
    startRequests: 0,
    startRoundTrips: 0,
    stopRequests: 0,
    stopRoundTrips: 0,
    startCalls: [],
  };
  try {
    const saved = (await call('connections:save', { name: server.label, url: server.url, database: server.database, login: server.login, password: server.password })) as { id: string };
    await call('connections:connect', { id: saved.id });
    await services.startupRecovery;
    const page = (await call('users:search', { query: server.targetLogin, page: 0, pageSize: 5, includeArchived: false })) as { rows: Array<{ id: number; login: string }> };
    const targetId = page.rows.find((row) => row.login === server.targetLogin)?.id;
    if (!targetId) throw new Error(`no user ${server.targetLogin}`);

    const ours = async (record: boolean, withCheck = false) => {
      // The dialog opens; the reason is typed while main warms the session (the bench waits for it).
      await call('impersonation:prewarm', { targetId });
      const confirm = performance.now();
      if (withCheck) await call('impersonation:check', { targetId, reason: REASON });
      await call('impersonation:start', { targetId, reason: REASON });
      const ready = openedAt;
      const stopping = performance.now();
      await call('impersonation:stop');
      const stopped = performance.now();
      if (!record) return;
      if (withCheck) {
        figures.apiCheckStart.push(ready - confirm);
        return;
      }
      figures.apiStart.push(ready - confirm);
      figures.apiStop.push(watch.ended('/web/session/destroy', stopping, stopped) - stopping);
      figures.apiStopAnswered.push(stopped - stopping);
      const start = watch.between(confirm, ready);
      const stop = watch.between(stopping, stopped);
      Object.assign(figures, { startRequests: start.requests, startRoundTrips: start.roundTrips, startCalls: start.calls, stopRequests: stop.requests, stopRoundTrips: stop.roundTrips });
    };
    const raw = async (record: boolean) => {
      const script = new RawSession(server.url);
      let t = performance.now();
      must(await script.authenticate(server.database, server.login, server.password), 'authenticate');
      must(await script.callKw('res.users', 'impersonate_login', [[targetId]]), 'impersonate_login');
      const start = performance.now() - t;
      t = performance.now();
      must(await script.callKw('res.users', 'back_to_origin_login', []), 'back_to_origin_login');
      await script.post('/web/session/destroy', {});
      const stop = performance.now() - t;
      if (!record) return;
      figures.rawStart.push(start);
      figures.rawStop.push(stop);
    };
    for (let i = 0; i < warmup; i += 1) {
      await ours(false);
      await raw(false);
    }
    for (let i = 0; i < runs; i += 1) {
      // Alternate which goes first, so neither always meets a warmer or a busier server.
      if (i % 2 === 0) {
        await ours(true);
        await raw(true);
      } else {
        await raw(true);
        await ours(true);
      }
      await ours(true, true);
    }
  } finally {
    await services.shutdown('quit');
    watch.uninstall();
  }
  return figures;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export function printStartFigures(all: StartFigures[]): void {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `\nConfirm → view ready (the cookie handed to the view), API level, session warmed while the reason is typed. "start": what the UI sends on Confirm; "check+start": an API client checking first.` +
      `\nTEST-ONLY SETTING: the rate limit is raised to ${BENCH_RATE_LIMIT} attempts a minute for this bench (testOnlyRateLimit); the product's limit stays ${RATE_LIMIT_ATTEMPTS}.\n`,
  );
  console.table(
    all.map((f) => {
      const rawMedian = percentile(f.rawStart, 50);
      const p95 = percentile(f.apiStart, 95);
      return {
        server: f.label,
        runs: f.runs,
        'start p50': ms(percentile(f.apiStart, 50)),
        'start p95': ms(p95),
        'raw auth+impersonate p50': ms(rawMedian),
        'p95 / raw p50': `${(p95 / rawMedian).toFixed(2)}× (target ≤ 0.50×)`,
        'check+start p50 / p95': `${ms(percentile(f.apiCheckStart, 50))} / ${ms(percentile(f.apiCheckStart, 95))}`,
        'requests / round trips': `${f.startRequests} / ${f.startRoundTrips}`,
      };
    }),
  );
  console.table(
    all.map((f) => {
      const stopMedian = percentile(f.apiStop, 50);
      const rawMedian = percentile(f.rawStop, 50);
      return {
        server: f.label,
        'stop → server ended p50': ms(stopMedian),
        p95: ms(percentile(f.apiStop, 95)),
        'stop answered p50 (end entry too)': ms(percentile(f.apiStopAnswered, 50)),
        'raw back_to_origin+destroy p50': ms(rawMedian),
        'stop p50 / raw p50': `${(stopMedian / rawMedian).toFixed(2)}× (target ≤ 1.10×)`,
        'requests / round trips': `${f.stopRequests} / ${f.stopRoundTrips}`,
      };
    }),
  );
  for (const f of all) console.log(`${f.label}, after Confirm: ${f.startCalls.join(', ')}`);
}
