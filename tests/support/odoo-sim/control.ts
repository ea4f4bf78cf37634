// What a test sees of and does to the simulated server, in process: live
// sessions, the server's audit rows and device logs, the request log, password
// changes, faults and the clock.
import type { FaultPlan, FaultSpec } from './faults';
import type { SimDatabase } from './models';
import type { RequestLogEntry } from './router';
import type { LiveSession, SessionStore } from './sessions';
import type { SimRecord } from './table';

export interface SimState {
  readonly database: string;
  /** Authenticated sessions (anonymous ones hold nothing). */
  liveSessions(): LiveSession[];
  /** Every session id the server ever issued (the canary test searches for them). */
  issuedSessionIds(): string[];
  /** impersonate.log rows, oldest first. */
  impersonateLogs(): SimRecord[];
  /** impersonate.log rows not closed (date_end false). */
  openImpersonateLogs(): SimRecord[];
  irLogging(): SimRecord[];
  deviceLogs(): SimRecord[];
  /** Every request since the start (or the last clearRequests). */
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** Like a password change in Odoo: every session of the user dies at once. */
  setPassword(login: string, password: string): void;
  userId(login: string): number;
  partnerId(login: string): number;
  injectFault(spec: FaultSpec): void;
  clearFaults(): void;
  /** The password-hashing delay from now on. */
  setHashDelay(ms: number): void;
  setLatency(ms: number): void;
  /** Moves the server's clock forward (datetimes it writes). */
  advanceClock(seconds: number): void;
  /** Raw access for the rare test that needs it. */
  readonly db: SimDatabase;
}

export interface Tunables {
  hashDelayMs: number;
  latencyMs: number;
}

export function createState(db: SimDatabase, sessions: SessionStore, faults: FaultPlan, requests: RequestLogEntry[], tunables: Tunables): SimState {
  const rows = (model: string) => (db.has(model) ? [...db.table(model).rows.values()].sort((a, b) => a.id - b.id) : []);
  const user = (login: string) => {
    const found = db.userByLogin(login);
    if (!found) throw new Error(`no user ${login}`);
    return found;
  };
  return {
    database: db.options.database,
    liveSessions: () => sessions.live(),
    issuedSessionIds: () => [...sessions.issued],
    impersonateLogs: () => rows('impersonate.log'),
    openImpersonateLogs: () => rows('impersonate.log').filter((r) => r.date_end === false),
    irLogging: () => rows('ir.logging'),
    deviceLogs: () => rows('res.device.log'),
    requests: () => [...requests],
    clearRequests: () => {
      requests.length = 0;
    },
    setPassword: (login, password) => {
      const found = user(login);
      found.password = password;
      sessions.expireUser(found.id);
    },
    userId: (login) => user(login).id,
    partnerId: (login) => user(login).partner_id as number,
    injectFault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    setHashDelay: (ms) => {
      tunables.hashDelayMs = ms;
    },
    setLatency: (ms) => {
      tunables.latencyMs = ms;
    },
    advanceClock: (seconds) => db.advanceClock(seconds),
    db,
  };
}
