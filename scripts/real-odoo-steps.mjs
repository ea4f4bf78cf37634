// The real-server part of `npm test` (issues 10 and 16): which real Odoo servers the
// run uses, and the steps it runs against each — the contract suite (tests/contract)
// with that server's ODOO_* variables, then the real-server e2e (tests/odoo-e2e: EN and
// ES on 18, EN on 17 and 19), one at a time, since they share each server's database.
//   - ODOO_SERVERS set (by .ci/run, through scripts/odoo-servers.mjs): those servers;
//   - ODOO_SERVERS_ERROR set (.ci/run could not start them): a setup failure;
//   - otherwise, the bundle found: started here through the same script, stopped after;
//   - no bundle: one line saying so, and the real-server tests are counted as skipped —
//     under CI=true, loudly, as a setup failure too.
import { spawnSync } from 'node:child_process';
import { findBundle, serversFromEnv, startServers, stopOnInterrupt, stopServers, VERSIONS } from './odoo-servers.mjs';

/** The variables the contract suite and the real-server e2e read: never passed to the simulator's runs. */
export const REAL_SERVER_VARIABLE = /^ODOO_(URL|DB|ADMIN_|USER_|ADMIN2_|PORTAL_|ARCHIVED_|E2E_)/;

export function withoutRealServer(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !REAL_SERVER_VARIABLE.test(name)));
}

/**
 * How many contract tests one real version would run (for a version without a server:
 * skipped). Listed, not run, as against a real server (the suite's real-server shape
 * differs from its simulator runs); listing contacts no server.
 */
export function contractTestCount() {
  const listing = Object.fromEntries(
    ['URL', 'DB', 'ADMIN_LOGIN', 'ADMIN_PASSWORD', 'USER_LOGIN', 'USER_PASSWORD', 'ADMIN2_LOGIN', 'ADMIN2_PASSWORD', 'PORTAL_LOGIN', 'PORTAL_PASSWORD', 'ARCHIVED_LOGIN'].map((name) => [`ODOO_${name}`, 'listing-only']),
  );
  listing.ODOO_URL = 'http://127.0.0.1:9';
  const listed = spawnSync('npx', ['vitest', 'list', 'tests/contract', '--json'], { encoding: 'utf8', env: { ...withoutRealServer(process.env), ...listing } });
  try {
    return JSON.parse(listed.stdout).length;
  } catch {
    return 0;
  }
}

/**
 * Decides where the real-server tests run. Answers {servers, startedHere, setupFailure,
 * note}: `setupFailure` is the loud message of a setup that should have worked; the
 * versions without a server are the caller's to count as skipped.
 */
export async function realServers(env = process.env) {
  const given = serversFromEnv(env);
  if (given) return { servers: given, startedHere: false, setupFailure: null, note: `Real Odoo servers from ODOO_SERVERS: ${given.map((server) => `${server.version} at ${server.url}`).join(', ')}` };
  const none = (note, setupFailure = null) => ({ servers: [], startedHere: false, setupFailure, note });
  if (env.ODOO_SERVERS_ERROR) return none('The real Odoo servers could not be started: their tests are skipped.', `.ci/run could not start the real Odoo servers: ${env.ODOO_SERVERS_ERROR}`);
  const { lab, why } = findBundle(env);
  if (!lab) {
    const line = `No real Odoo: ${why}. The contract suite and the e2e against real Odoo 17, 18 and 19 are counted as skipped.`;
    return env.CI === 'true' ? none(line, `CI has no Odoo lab bundle: ${why}. CI must run the real-server tests; place shared/odoo beside the clone or set ODOO_LAB.`) : none(line);
  }
  try {
    const servers = [];
    stopOnInterrupt(lab, servers);
    await startServers(lab, VERSIONS, { servers });
    return { servers, startedHere: true, setupFailure: null, note: `Started real Odoo ${servers.map((server) => server.version).join(', ')} from ${lab}` };
  } catch (error) {
    return none('The real Odoo servers could not be started: their tests are skipped.', error.message);
  }
}

/** The steps for one version: with a server, its contract run and e2e; without, the e2e that skips itself. */
export function stepsFor(version, server, resultsDir) {
  const e2e = {
    name: `e2e:odoo-${version}`,
    kind: 'playwright',
    report: `${resultsDir}/playwright-odoo-${version}.json`,
    env: { ...(server?.env ?? {}), ODOO_E2E_VERSION: version, PLAYWRIGHT_JSON_OUTPUT_FILE: `${resultsDir}/playwright-odoo-${version}.json` },
    command: ['npx', 'playwright', 'test', '--project=odoo', '--workers=1'],
  };
  if (!server) return [e2e];
  const report = `${resultsDir}/vitest-odoo-${version}.json`;
  return [
    {
      name: `contract:odoo-${version}`,
      kind: 'vitest',
      report,
      // ODOO_VERSION: the suite fails if the server answers another version than the one started.
      env: { ...server.env, ODOO_VERSION: version },
      command: ['npx', 'vitest', 'run', 'tests/contract', '--no-file-parallelism', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    },
    e2e,
  ];
}

export async function stopIfStartedHere(plan) {
  if (plan.startedHere) await stopServers(plan.servers);
}
