// `npm run harness`: serves the console's real main-process services and the
// browser build of its UI on 127.0.0.1, and prints the URL to open. The first
// line on stdout is JSON ({"url": ...}) so tests can wait for it.
//   --data-dir DIR             where the console keeps its data (a new temp dir by default)
//   --port N                   the harness's port (random by default)
//   --odoo-sim                 also start the Odoo simulator (default users, instant hashing)
//   --sim-port N               its port (random by default)
//   --sim-version 17|18|19     the Odoo version the simulator answers as (18 by default)
//   --demo                     the simulator, and the console already connected to it
//   --expose-session-cookie    test-only: the stand-in view writes the impersonation cookie
//                              to DATA_DIR/test-only-session-cookie.txt
//   --record-view-requests F   test-only: the view's proxy appends every request it decided
//                              on to F (JSON lines, no cookie)
//   --test-only-policy-bypass  test-only: a deliberate hole in the view's policy — a request
//                              carrying the token in DATA_DIR/test-only-policy-bypass.txt
//                              (header x-test-only-policy-bypass) goes through undecided
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startOdooSim, type OdooSim } from '../odoo-sim';
import { connectToDemoServer } from '../../../src-main/app/demo-connection';
import { startHarness } from './harness-server';
import { stopOnSignal } from './stop-on-signal';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    'odoo-sim': { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    'sim-port': { type: 'string', default: '0' },
    'sim-version': { type: 'string', default: '18' },
    'expose-session-cookie': { type: 'boolean', default: false },
    'record-view-requests': { type: 'string' },
    'test-only-policy-bypass': { type: 'boolean', default: false },
    // TEST ONLY (`npm run bench`): a raised rate limit so that 20 timed starts fit in a minute.
    'test-only-rate-limit': { type: 'string' },
    'sim-hash-delay': { type: 'string' },
  },
});

const dataDir = values['data-dir'] ?? mkdtempSync(path.join(os.tmpdir(), 'impersonation-console-'));
let sim: OdooSim | null = null;
const simVersion = Number(values['sim-version']);
if (simVersion !== 17 && simVersion !== 18 && simVersion !== 19) throw new Error('--sim-version must be 17, 18 or 19');
if (values['odoo-sim'] || values.demo) {
  sim = await startOdooSim({ port: Number(values['sim-port']), hashDelayMs: values['sim-hash-delay'] !== undefined ? Number(values['sim-hash-delay']) : values.demo ? undefined : 0, version: simVersion });
}

const harness = await startHarness({
  dataDir,
  port: Number(values.port),
  exposeCookieTo: values['expose-session-cookie'] ? path.join(dataDir, 'test-only-session-cookie.txt') : null,
  recordRequestsTo: values['record-view-requests'] ?? null,
  policyBypassTo: values['test-only-policy-bypass'] ? path.join(dataDir, 'test-only-policy-bypass.txt') : null,
  ...(values['test-only-rate-limit'] ? { testOnlyRateLimit: Number(values['test-only-rate-limit']) } : {}),
});
if (values.demo && sim) await connectToDemoServer(harness.console, sim.url, sim.database);
process.stdout.write(`${JSON.stringify({ url: harness.url, dataDir, odooUrl: sim?.url ?? null })}\n`);
process.stderr.write(`Impersonation Console harness: open ${harness.url}\n(data in ${dataDir}; Ctrl+C to stop)\n`);
if (sim) process.stderr.write(`Odoo simulator: ${sim.url} (database ${sim.database}; admin/admin, alice/alice, ...)\n`);

const simulator = sim;
stopOnSignal(() => harness.close(), simulator ? () => simulator.close() : null);
