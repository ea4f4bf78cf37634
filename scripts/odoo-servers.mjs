// Real Odoo servers for a test run (issues 10 and 16): finds the odoo-lab bundle,
// starts Odoo 18, 17 and 19 one after another — each on a free port it picks, with a
// database of its own, `--fresh` — takes the URL and database from the JSON line
// odoo-lab prints (never 8069), and stops them again. `.ci/run` and `npm test`
// (scripts/test-all.mjs) both use it.
//
//   node scripts/odoo-servers.mjs start [--versions 18,17,19]
//       prints `export ODOO_SERVERS='[...]'` for the shell to eval (progress on stderr).
//       No bundle: exit 3 with one line saying so. A failed start stops what it started
//       and exits 1; so does an interrupt.
//   node scripts/odoo-servers.mjs stop [--quiet]
//       stops every server ODOO_SERVERS names (--quiet: says nothing unless one is left running).
//
// The bundle: $ODOO_LAB (the odoo-lab script itself), else ../shared/odoo/odoo-lab
// beside the repository. ODOO_SERVERS is a JSON list of {version, url, database, port,
// lab, env}, where env holds the ODOO_* variables `odoo-lab env` prints for that server.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const VERSIONS = ['18', '17', '19'];
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START_TIMEOUT_MS = 15 * 60_000; // a new machine first installs PostgreSQL and Odoo's libraries

/** The odoo-lab script, or null with the reason. */
export function findBundle(env = process.env, root = repositoryRoot) {
  const candidate = env.ODOO_LAB ? path.resolve(env.ODOO_LAB) : path.resolve(root, '..', 'shared', 'odoo', 'odoo-lab');
  const origin = env.ODOO_LAB ? 'ODOO_LAB' : 'beside the repository';
  try {
    accessSync(candidate, constants.X_OK);
    return { lab: candidate, why: null };
  } catch {
    return { lab: null, why: `no Odoo lab bundle at ${candidate} (${origin}; set ODOO_LAB=<path to odoo-lab>)` };
  }
}

/** A database per checkout and version: two clones never share one, and --fresh resets it. */
export function databaseName(version, root = repositoryRoot) {
  return `ic_${createHash('sha256').update(root).digest('hex').slice(0, 8)}_${version}`;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** odoo-lab runs in flight, so an interrupt can end them before stopping their servers. */
const running = new Map();

function run(command, args, { timeoutMs = 60_000, stderr = 'inherit' } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', stderr] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    const done = new Promise((settle) => child.on('close', settle));
    running.set(child, done);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, signal, stdout });
    });
  });
}

/** `export A=1 B=2` lines as an object. */
export function parseExports(text) {
  const env = {};
  for (const line of text.split('\n')) {
    if (!line.startsWith('export ')) continue;
    for (const pair of line.slice('export '.length).trim().split(/\s+/)) {
      const at = pair.indexOf('=');
      if (at > 0) env[pair.slice(0, at)] = pair.slice(at + 1);
    }
  }
  return env;
}

/** Ports being started, so an interrupt can stop a server odoo-lab has begun to launch. */
const starting = new Set();

export async function startServer(lab, version, { root = repositoryRoot } = {}) {
  const port = await freePort();
  const database = databaseName(version, root);
  starting.add(port);
  const started = await run(lab, ['start', '--version', version, '--fresh', '--port', String(port), '--db', database], { timeoutMs: START_TIMEOUT_MS });
  const line = started.stdout.trim().split('\n').filter((text) => text.startsWith('{')).pop();
  if (started.code !== 0 || !line) {
    await run(lab, ['stop', '--port', String(port)]);
    starting.delete(port);
    throw new Error(`odoo-lab could not start Odoo ${version} (exit ${started.code ?? started.signal})`);
  }
  const ready = JSON.parse(line);
  const env = parseExports((await run(lab, ['env', '--port', String(port), '--db', ready.database])).stdout);
  starting.delete(port);
  return { version, url: ready.url, database: ready.database, port, pid: ready.pid, log: ready.log, lab, env: { ...env, ODOO_URL: ready.url, ODOO_DB: ready.database } };
}

export async function stopServer(server) {
  await run(server.lab, ['stop', '--port', String(server.port)]);
}

/**
 * Starts the versions one after another into `servers` (so an interrupt handler holding
 * the same list sees each as soon as it is up); on any failure stops them all, and throws.
 */
export async function startServers(lab, versions = VERSIONS, { root = repositoryRoot, servers = [], log = (text) => process.stderr.write(`${text}\n`) } = {}) {
  try {
    for (const version of versions) {
      const began = Date.now();
      log(`odoo-servers: starting Odoo ${version}...`);
      const server = await startServer(lab, version, { root });
      servers.push(server);
      log(`odoo-servers: Odoo ${version} at ${server.url}, database ${server.database} (${((Date.now() - began) / 1000).toFixed(1)} s)`);
    }
    return servers;
  } catch (error) {
    await stopServers(servers.splice(0));
    throw error;
  }
}

export async function stopServers(servers) {
  for (const server of servers) await stopServer(server);
}

/** The servers another process started (ODOO_SERVERS), or null. */
export function serversFromEnv(env = process.env) {
  if (!env.ODOO_SERVERS) return null;
  const servers = JSON.parse(env.ODOO_SERVERS);
  if (!Array.isArray(servers)) throw new Error('ODOO_SERVERS must be a JSON list');
  return servers;
}

/** Stops, on SIGINT or SIGTERM, whatever is up or being started, then exits. */
export function stopOnInterrupt(lab, servers) {
  const stop = async (signal) => {
    process.stderr.write(`odoo-servers: ${signal}, stopping the Odoo servers\n`);
    const inFlight = [...running.entries()];
    for (const [child] of inFlight) child.kill('SIGTERM');
    await Promise.all(inFlight.map(([, done]) => done));
    await stopServers(servers);
    for (const port of starting) await run(lab, ['stop', '--port', String(port)]);
    process.exit(130);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const shellQuote = (text) => `'${text.replace(/'/g, `'\\''`)}'`;

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'start') {
    const at = rest.indexOf('--versions');
    const versions = at >= 0 ? rest[at + 1].split(',') : VERSIONS;
    const { lab, why } = findBundle();
    if (!lab) {
      process.stderr.write(`odoo-servers: ${why}\n`);
      return 3;
    }
    const servers = [];
    stopOnInterrupt(lab, servers);
    try {
      await startServers(lab, versions, { servers });
    } catch (error) {
      process.stderr.write(`odoo-servers: ${error.message}\n`);
      return 1;
    }
    process.stdout.write(`export ODOO_SERVERS=${shellQuote(JSON.stringify(servers))}\n`);
    return 0;
  }
  if (command === 'stop') {
    const servers = serversFromEnv() ?? [];
    await stopServers(servers);
    const left = servers.filter((server) => isRunning(server.pid));
    if (left.length > 0) process.stderr.write(`odoo-servers: still running after stop: ${left.map((server) => `Odoo ${server.version} (pid ${server.pid})`).join(', ')}\n`);
    else if (!rest.includes('--quiet')) process.stderr.write(`odoo-servers: stopped ${servers.map((server) => `Odoo ${server.version} (:${server.port})`).join(', ') || 'nothing'}\n`);
    return left.length > 0 ? 1 : 0;
  }
  process.stderr.write('usage: node scripts/odoo-servers.mjs start [--versions 18,17,19] | stop\n');
  return 2;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(await main(process.argv.slice(2)));
}
