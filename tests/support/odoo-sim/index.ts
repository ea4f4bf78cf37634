// The Odoo simulator: a Node HTTP server that behaves as docs/odoo.md says a
// real Odoo 17, 18 or 19 with the OCA impersonate_login module does, quirks
// included (version-profile.ts), held to the real servers by the fidelity check
// (tests/contract/fidelity). Tests start it in process with startOdooSim(); `npm run sim` runs it
// by hand (cli.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createState, type SimState, type Tunables } from './control';
import { BASE_URL_KEY, setParam } from './config-params';
import { controlRoutes } from './control-routes';
import { FaultPlan } from './faults';
import { SimDatabase } from './models';
import { resolveOptions, type SimOptions } from './options';
import { createRouter, type RequestLogEntry } from './router';
import { seedBulkLogs, seedBulkUsers, seedDefaults } from './seed';
import { SessionStore } from './sessions';

export type { SimOptions, SimUserSeed } from './options';
export type { FaultSpec, FaultKind } from './faults';
export type { SimState } from './control';
export { DEFAULT_USERS } from './seed';

export interface OdooSim {
  url: string;
  port: number;
  database: string;
  state: SimState;
  close(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;

export async function startOdooSim(options: SimOptions = {}): Promise<OdooSim> {
  const resolved = resolveOptions(options);
  const db = new SimDatabase(resolved);
  seedDefaults(db, resolved.users);
  if (resolved.seedUsers > 0) seedBulkUsers(db, resolved.seedUsers);
  if (resolved.seedLogs > 0) seedBulkLogs(db, resolved.seedLogs);

  const sessions = new SessionStore(db.profile.newSessionId);
  const faults = new FaultPlan();
  const requests: RequestLogEntry[] = [];
  const tunables: Tunables = { hashDelayMs: resolved.hashDelayMs, latencyMs: resolved.latencyMs };
  const state = createState(db, sessions, faults, requests, tunables);
  const handle = createRouter({
    db,
    sessions,
    faults,
    requests,
    latencyMs: () => tunables.latencyMs,
    hashDelayMs: () => tunables.hashDelayMs,
    control: controlRoutes(state),
  });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.socket.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`simulator bug: ${String(error)}`);
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://${resolved.host}:${port}`;
  // As on a real server after its first administrator's login: web.base.url names where it was reached.
  setParam(db, 1, BASE_URL_KEY, baseUrl);
  return {
    url: baseUrl,
    port,
    database: resolved.database,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // hanging faults included
        server.close(() => resolve());
      }),
  };
}
