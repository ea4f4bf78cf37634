// The real-server part of `npm run bench` (issue 10.6), where the ODOO_* variables
// name a real Odoo (`odoo-lab env`, see the README): the connector's start
// (OdooConnection.impersonate: a fresh session, the target re-checked, impersonate_login,
// verified) and stop (endImpersonation: back_to_origin_login, destroy), and — interleaved
// in the same run, alternating which goes first — the raw JSON-RPC sequence a script
// would send: authenticate + impersonate_login, then back_to_origin_login + destroy.
// Prints both medians, their ratio, and the HTTP round trips of each.
// It impersonates ODOO_USER_LOGIN (alice with odoo-lab's variables); each run leaves a
// closed impersonate.log row behind, which Odoo does not let anyone delete.
import { OdooConnection } from '../../src-main/odoo';
import { countingFetch, RawSession } from '../contract/raw-session';

const RUNS = Number(process.env.BENCH_REAL_RUNS ?? 15);
const WARMUP = 2;

interface Timing {
  start: number;
  stop: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function must(answer: Awaited<ReturnType<RawSession['post']>>, what: string): void {
  if (!answer.envelope || answer.envelope.error || !('result' in answer.envelope)) throw new Error(`${what}: ${answer.text.slice(0, 200)}`);
}

export async function benchRealServer(): Promise<void> {
  const url = process.env.ODOO_URL!;
  const database = process.env.ODOO_DB ?? '';
  const login = process.env.ODOO_ADMIN_LOGIN ?? 'admin';
  const password = process.env.ODOO_ADMIN_PASSWORD ?? 'admin';
  const targetLogin = process.env.ODOO_USER_LOGIN ?? 'alice';

  const counted = countingFetch();
  const admin = new OdooConnection({ url, database, login, password }, { fetch: counted.fetch, timeoutMs: 30_000 });
  const features = await admin.detect();
  const target = (await admin.searchUsers(targetLogin, 0, 5, { includeArchived: false })).rows.find((user) => user.login === targetLogin);
  if (!target) throw new Error(`no user ${targetLogin} on ${url}`);

  const connector = async (): Promise<Timing & { trips: [number, number] }> => {
    counted.calls.length = 0;
    let session: Awaited<ReturnType<OdooConnection['impersonate']>> | null = null;
    const start = await timed(async () => (session = await admin.impersonate(target.id)));
    const startTrips = counted.calls.length;
    counted.calls.length = 0;
    const stop = await timed(() => admin.endImpersonation(session!));
    return { start, stop, trips: [startTrips, counted.calls.length] };
  };
  const raw = async (): Promise<Timing> => {
    const script = new RawSession(url);
    const start = await timed(async () => {
      must(await script.authenticate(database, login, password), 'authenticate');
      must(await script.callKw('res.users', 'impersonate_login', [[target.id]]), 'impersonate_login');
    });
    const stop = await timed(async () => {
      must(await script.callKw('res.users', 'back_to_origin_login', []), 'back_to_origin_login');
      await script.post('/web/session/destroy', {});
    });
    return { start, stop };
  };

  for (let i = 0; i < WARMUP; i += 1) {
    await connector();
    await raw();
  }
  const ours: Timing[] = [];
  const theirs: Timing[] = [];
  let trips: [number, number] = [0, 0];
  for (let i = 0; i < RUNS; i += 1) {
    // Alternate which goes first, so neither always meets a warmer or a busier server.
    if (i % 2 === 0) {
      const run = await connector();
      trips = run.trips;
      ours.push(run);
      theirs.push(await raw());
    } else {
      theirs.push(await raw());
      const run = await connector();
      trips = run.trips;
      ours.push(run);
    }
  }
  await admin.destroy();

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const row = (sequence: string, key: keyof Timing, ourTrips: number) => {
    const connectorMedian = median(ours.map((timing) => timing[key]));
    const rawMedian = median(theirs.map((timing) => timing[key]));
    return {
      sequence,
      'connector median': ms(connectorMedian),
      'raw JSON-RPC median': ms(rawMedian),
      ratio: `${(connectorMedian / rawMedian).toFixed(2)}×`,
      'round trips (connector / raw)': `${ourTrips} / 2`,
    };
  };
  console.log(`\nAgainst the real Odoo ${features.versionMajor} at ${url} (database ${database}), impersonating ${targetLogin}: ${RUNS} interleaved runs each, after ${WARMUP} warm-up runs\n`);
  console.table([row('start', 'start', trips[0]), row('stop', 'stop', trips[1])]);
  console.log('raw start: authenticate → impersonate_login; raw stop: back_to_origin_login → destroy');
}
