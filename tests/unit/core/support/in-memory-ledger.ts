// An AuditLedger in memory that behaves like the real store as the flow relies on it:
// every call is all-or-nothing, attempts are keyed with rateLimitKey, and calls out of
// order (a start for a refused attempt, an end without a start, a second end) are
// refused and remembered, so that a test fails on them. `failing` simulates a broken disk.
import type {
  AttemptRecord,
  AuditLedger,
  ChangesAllowedRecord,
  ConnectRefusalRecord,
  ServerSettingRecord,
  EndRecord,
  OpenSession,
  StartRecord,
  TimelineBound,
  TimelineEntry,
  TimelineSummary,
  OpenWarmSession,
  WarmEnd,
} from '../../../../src-main/core/ports';
import { rateLimitKey } from '../../../../src-main/core/rate-limiter';

export type LedgerMethod =
  | 'recordAttempt'
  | 'recordServerSession'
  | 'recordStart'
  | 'recordFailure'
  | 'recordRefusal'
  | 'recordEnd'
  | 'recordChangesAllowed'
  | 'recordTimeline'
  | 'recordTimelineSummary';

export interface LedgerRow {
  id: number;
  attempt: AttemptRecord;
  limiterKey: string;
  /** The fresh server session's identifier, recorded before the start (FT-1). */
  serverSession: string | null;
  /** Its impersonate.log row candidates, recorded with it. */
  logRowIds: number[];
  start: StartRecord | null;
  failure: { at: Date; reason: string } | null;
  /** A refusal found by the start itself (AZ-1 on the fresh session). */
  refusal: { at: Date; code: string } | null;
  end: EndRecord | null;
  /** Every end call, in order (the real store appends events). */
  ends: EndRecord[];
}

export class DiskFullError extends Error {
  constructor() {
    super('SQLITE_FULL: database or disk is full');
  }
}

export class InMemoryLedger implements AuditLedger {
  readonly rows: LedgerRow[] = [];
  readonly violations: string[] = [];
  readonly failing = new Set<LedgerMethod>();
  /** Called after each committed write (e.g. to check write-ahead order). */
  onCommit: (method: LedgerMethod, row: LedgerRow) => void = () => undefined;

  /** Warm sessions on the record (issue 13), in order. */
  readonly warmRows: Array<OpenWarmSession & { end: WarmEnd | null }> = [];

  async recordWarmSession(connectionKey: string, sessionIdentifier: string, at: Date): Promise<number> {
    const id = this.warmRows.length + 1;
    this.warmRows.push({ id, connectionKey, sessionIdentifier, createdAt: at.toISOString(), end: null });
    return id;
  }

  async recordWarmSessionEnd(id: number, _at: Date, end: WarmEnd): Promise<void> {
    const row = this.warmRows.find((r) => r.id === id);
    if (row && row.end === null) row.end = end;
  }

  async openWarmSessions(): Promise<OpenWarmSession[]> {
    return this.warmRows.filter((r) => r.end === null).map(({ end: _end, ...row }) => row);
  }

  async recordAttempt(record: AttemptRecord): Promise<number> {
    this.failIfBroken('recordAttempt');
    const row: LedgerRow = {
      id: this.rows.length + 1,
      attempt: { ...record, reason: [...record.reason].slice(0, 500).join('') },
      limiterKey: rateLimitKey(record.serverKey, record.admin),
      serverSession: null,
      logRowIds: [],
      start: null,
      failure: null,
      refusal: null,
      end: null,
      ends: [],
    };
    this.rows.push(row);
    this.onCommit('recordAttempt', row);
    return row.id;
  }

  async recordServerSession(sessionId: number, sessionIdentifier: string, _at?: Date, impersonateLogIds: readonly number[] = []): Promise<void> {
    this.failIfBroken('recordServerSession');
    const row = this.row(sessionId, 'recordServerSession');
    // A warm session's identifier is recorded before the switch, then again with the log rows (same identifier).
    const again = row.serverSession !== null && row.serverSession === sessionIdentifier;
    if (!row.attempt.allowed || (row.serverSession && !again) || row.start || row.failure || row.end) {
      this.violate(`recordServerSession out of order on ${sessionId}`);
    }
    if (sessionIdentifier.length !== 42) this.violate(`identifier of ${sessionIdentifier.length} chars`);
    row.serverSession = sessionIdentifier;
    row.logRowIds = [...impersonateLogIds];
    this.onCommit('recordServerSession', row);
  }

  async recordStart(sessionId: number, record: StartRecord): Promise<void> {
    this.failIfBroken('recordStart');
    const row = this.row(sessionId, 'recordStart');
    if (!row.attempt.allowed || row.start || row.failure || row.end) this.violate(`recordStart out of order on ${sessionId}`);
    if (record.sessionIdentifier.length !== 42) this.violate(`identifier of ${record.sessionIdentifier.length} chars`);
    row.start = record;
    this.onCommit('recordStart', row);
  }

  async recordFailure(sessionId: number, at: Date, reason: string): Promise<void> {
    this.failIfBroken('recordFailure');
    const row = this.row(sessionId, 'recordFailure');
    if (!row.attempt.allowed || row.start || row.failure || row.refusal) this.violate(`recordFailure out of order on ${sessionId}`);
    row.failure = { at, reason };
    this.onCommit('recordFailure', row);
  }

  async recordRefusal(sessionId: number, at: Date, code: string): Promise<void> {
    this.failIfBroken('recordRefusal');
    const row = this.row(sessionId, 'recordRefusal');
    if (!row.attempt.allowed || row.start || row.failure || row.refusal) this.violate(`recordRefusal out of order on ${sessionId}`);
    row.refusal = { at, code };
    this.onCommit('recordRefusal', row);
  }

  /** Issue 17: "Allow changes", the timeline's batches and its summary, per session row. */
  readonly changesAllowed: Array<{ sessionId: number; record: ChangesAllowedRecord }> = [];
  readonly timeline: Array<{ sessionId: number; entry: TimelineEntry }> = [];
  readonly timelineBounds: TimelineBound[] = [];
  readonly summaries: Array<{ sessionId: number; summary: TimelineSummary }> = [];

  async recordChangesAllowed(sessionId: number, record: ChangesAllowedRecord): Promise<void> {
    this.failIfBroken('recordChangesAllowed');
    const row = this.row(sessionId, 'recordChangesAllowed');
    if (!row.start || row.end) this.violate(`recordChangesAllowed out of order on ${sessionId}`);
    this.changesAllowed.push({ sessionId, record });
    this.onCommit('recordChangesAllowed', row);
  }

  async recordTimeline(sessionId: number, entries: readonly TimelineEntry[], bound: TimelineBound | null): Promise<void> {
    this.failIfBroken('recordTimeline');
    const row = this.row(sessionId, 'recordTimeline');
    if (row.end) this.violate(`recordTimeline after the end on ${sessionId}`);
    for (const entry of entries) this.timeline.push({ sessionId, entry: { ...entry, ids: [...entry.ids] } });
    if (bound) this.timelineBounds.push(bound);
    this.onCommit('recordTimeline', row);
  }

  async recordTimelineSummary(sessionId: number, _at: Date, summary: TimelineSummary): Promise<void> {
    this.failIfBroken('recordTimelineSummary');
    const row = this.row(sessionId, 'recordTimelineSummary');
    if (row.end) this.violate(`recordTimelineSummary after the end on ${sessionId}`);
    this.summaries.push({ sessionId, summary });
    this.onCommit('recordTimelineSummary', row);
  }

  async recordEnd(sessionId: number, record: EndRecord): Promise<void> {
    this.failIfBroken('recordEnd');
    const row = this.row(sessionId, 'recordEnd');
    // Like the real store: a started session, or (crash recovery) one whose server session was opened.
    if (!(row.start || row.serverSession) || row.failure || row.end) this.violate(`recordEnd out of order on ${sessionId}`);
    row.end = record;
    row.ends.push(record);
    this.onCommit('recordEnd', row);
  }

  readonly connectRefusals: ConnectRefusalRecord[] = [];

  async recordConnectRefusal(record: ConnectRefusalRecord): Promise<void> {
    this.connectRefusals.push(record);
  }

  readonly serverSettings: ServerSettingRecord[] = [];

  async recordServerSetting(record: ServerSettingRecord): Promise<void> {
    this.serverSettings.push(record);
  }

  async openSessions(): Promise<OpenSession[]> {
    return this.rows
      .filter((row) => (row.start || row.serverSession) && !row.failure && !row.refusal && !row.end)
      .map((row) => ({
        sessionId: row.id,
        connectionKey: row.attempt.connectionKey,
        sessionIdentifier: row.start?.sessionIdentifier ?? row.serverSession,
        adminUid: row.attempt.admin.uid,
        adminLogin: row.attempt.admin.login,
        adminName: row.attempt.admin.name,
        targetId: row.attempt.target.id,
        targetLogin: row.attempt.target.login,
        targetName: row.attempt.target.name,
        reason: row.attempt.reason,
        startedAtClient: row.start?.startedAtClient ?? null,
        startedAtServer: row.start?.startedAtServer ?? null,
        clientIp: row.start?.clientIp ?? null,
        serverIp: row.start?.serverIp ?? null,
        clientHost: row.attempt.clientHost,
        appVersion: row.attempt.appVersion,
        impersonateLogIds: row.logRowIds,
      }));
  }

  async attemptTimes(limiterKey: string, sinceMs: number): Promise<number[]> {
    return this.rows
      .filter((row) => row.limiterKey === limiterKey && row.attempt.at.getTime() >= sinceMs)
      .map((row) => row.attempt.at.getTime());
  }

  row(sessionId: number, method = 'lookup'): LedgerRow {
    const row = this.rows[sessionId - 1];
    if (!row) return this.violate(`${method}: no session ${sessionId}`);
    return row;
  }

  get started(): LedgerRow[] {
    return this.rows.filter((row) => row.start);
  }

  private failIfBroken(method: LedgerMethod): void {
    if (this.failing.has(method)) throw new DiskFullError();
  }

  private violate(message: string): never {
    this.violations.push(message);
    throw new Error(`ledger violation: ${message}`);
  }
}
