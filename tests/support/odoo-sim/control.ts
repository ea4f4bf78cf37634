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
  /** Every trusted-device token (td_id) the server ever handed out (the canary searches for them too). */
  trustedDeviceTokens(): string[];
  /** The clock two-factor codes are checked against: real time, moved on by skipTotpTime. */
  readonly totpClock: { now(): number; skip(ms: number): void };
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
  /**
   * A transaction that starts now and commits later, as a long request does on a
   * real server: its rows carry the transaction's start as write_date, take their
   * ids when created, and become visible only at commit (docs/odoo.md, The
   * server's own audit records). The mirror must still read them (SY-1).
   */
  beginTransaction(): SimTransaction;
  /** Raw access for the rare test that needs it. */
  readonly db: SimDatabase;
}

export interface SimTransaction {
  /** When the transaction started: the write_date of everything it creates. */
  readonly startedAt: string;
  /** Creates a row, invisible until commit; answers its id. */
  create(model: string, values: Record<string, unknown>): number;
  commit(): void;
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
    trustedDeviceTokens: () => [...db.issuedTrustedDevices],
    totpClock: {
      now: () => Date.now() + db.totpOffsetMs,
      skip: (ms) => {
        db.totpOffsetMs += ms;
      },
    },
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
    beginTransaction: () => {
      const startedAt = db.now();
      const pending: { model: string; record: SimRecord }[] = [];
      return {
        startedAt,
        create: (model, values) => {
          const id = db.table(model).reserveId();
          pending.push({ model, record: { ...values, id, create_date: startedAt, write_date: startedAt, create_uid: 2, write_uid: 2 } });
          return id;
        },
        commit: () => {
          for (const { model, record } of pending.splice(0)) {
            db.table(model).put(record);
            db.table(model).touch();
          }
        },
      };
    },
    db,
  };
}
