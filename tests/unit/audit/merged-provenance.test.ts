// The pure parts of issue 12: a session as its events say it is (session-replay.ts),
// where an impersonation is known and whether those records agree (provenance.ts),
// and the id ranges retention names what it removed by (id-ranges.ts).
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src-main/audit/hash-chain';
import { inRanges, toRanges } from '../../../src-main/audit/id-ranges';
import { provenanceOf } from '../../../src-main/audit/provenance';
import type { ServerLogRecord, SessionRow } from '../../../src-main/audit/schema';
import { differingColumns, replaySession, type ReplayedSession } from '../../../src-main/audit/session-replay';

const attempt = {
  connection_key: 'https://odoo.example.com|prod',
  admin_uid: 2,
  admin_login: 'admin',
  admin_name: 'Ada Admin',
  target_id: 7,
  target_login: 'carol',
  target_name: 'Carol Clark',
  reason: 'Ticket 4711: the invoice menu is missing',
  allowed: 1,
  refusal: null,
  outcome: 'attempted',
  attempt_at: '2025-03-01T10:00:00.000Z',
  app_version: '0.1.0',
  client_host: 'laptop',
  end_detail: null,
};
const event = (id: number, type: string, payload: object) => ({ id, type, payload: canonicalJson(payload) });
const events = [
  event(1, 'attempt', attempt),
  event(2, 'server-session', { session_identifier: 'x'.repeat(42), impersonate_log_id: 31 }),
  event(3, 'start', { outcome: 'open', started_at_client: '2025-03-01T10:00:02.000Z', started_at_server: '2025-03-01 10:00:02', session_identifier: 'x'.repeat(42), client_ip: null, server_ip: '10.0.0.5', server_log_id: 901 }),
  event(4, 'mirror-difference', { fields: ['reason'] }),
  event(5, 'end', { outcome: 'ended', ended_at_client: '2025-03-01T10:20:02.000Z', ended_at_server: null, end_cause: 'banner', server_end_pending: 0, end_detail: null, duration_seconds: 1200 }),
];
const replayed = replaySession(1, events)!;
const row: SessionRow = { ...(replayed as Omit<SessionRow, 'limiter_key'>), limiter_key: '2@uuid' } as SessionRow;

describe('replaySession: a row from its chained events', () => {
  it('gives the row the store wrote, change by change, ignoring events that only mention it', () => {
    expect(replayed).toMatchObject({
      id: 1,
      reason: attempt.reason,
      outcome: 'ended',
      end_cause: 'banner',
      impersonate_log_id: 31,
      server_log_id: 901,
      duration_seconds: 1200,
      attempt_at_ms: Date.parse(attempt.attempt_at),
      failure: null,
    });
    expect(differingColumns(row, replayed)).toEqual([]);
  });

  it('names every column changed outside the console, and not the rate limiter key it does not hold', () => {
    expect(differingColumns({ ...row, reason: 'Routine check', end_cause: 'timeout', limiter_key: 'other' }, replayed).sort()).toEqual(['end_cause', 'reason']);
  });

  it('refuses events that do not begin with the attempt, or cannot be read', () => {
    expect(replaySession(1, events.slice(1))).toBeNull();
    expect(replaySession(1, [events[0]!, { id: 2, type: 'start', payload: 'not json' }])).toBeNull();
    expect(replaySession(1, [])).toBeNull();
  });
});

const server = (over: Partial<ServerLogRecord>): ServerLogRecord =>
  ({
    id: 1,
    server: attempt.connection_key,
    kind: 'console',
    server_id: 1,
    write_date: '',
    create_date: '',
    admin_user_id: 2,
    admin: 'Ada Admin',
    admin_login: 'admin',
    target_user_id: 7,
    target: 'Carol Clark',
    target_login: 'carol',
    target_partner_id: null,
    date_start: null,
    date_end: null,
    started_at: null,
    ended_at: null,
    duration_seconds: null,
    reason: attempt.reason,
    client_ip: null,
    server_ip: null,
    session_identifier: 'x'.repeat(42),
    end_cause: null,
    outcome: 'started',
    raw: '{}',
    event: 'start',
    impersonate_log_id: 31,
    ...over,
  }) as ServerLogRecord;
const start = server({ event: 'start' });
const end = server({ id: 2, server_id: 2, event: 'end', end_cause: 'banner' });
const log = server({ id: 3, kind: 'impersonate', server_id: 31, event: null, date_start: '2025-03-01 10:00:02', date_end: '2025-03-01 10:20:02' });
const local = replayed as ReplayedSession;

describe('provenanceOf: where an impersonation is known, and whether the server agrees (AU-8)', () => {
  it('confirms a session recorded here when its start, its end and Odoo\'s closed row agree with it', () => {
    expect(provenanceOf({ local, start, end, log })).toEqual({
      recordedHere: true,
      consoleEntry: true,
      odooLog: true,
      outsideConsole: false,
      agreement: 'confirms',
      differences: [],
    });
  });

  it('waits for what the mirror has not read yet', () => {
    expect(provenanceOf({ local, start, end: null, log })).toMatchObject({ agreement: 'pending', differences: [] });
    expect(provenanceOf({ local, start: null, end: null, log: null })).toMatchObject({ agreement: 'pending', consoleEntry: false, odooLog: false });
  });

  it('names each way the server\'s copy differs', () => {
    const differs = provenanceOf({
      local,
      start: server({ reason: 'Something else' }),
      end: server({ id: 2, event: 'end', end_cause: 'timeout' }),
      log: server({ id: 3, kind: 'impersonate', admin_user_id: 9, date_end: null }),
    });
    expect(differs).toMatchObject({ agreement: 'differs', differences: ['reason', 'end-cause', 'odoo-log-admin', 'odoo-log-open'] });
    // A running session whose row someone closed.
    const running = { ...local, outcome: 'open' as const, ended_at_client: null, end_cause: null };
    expect(provenanceOf({ local: running, start, end: null, log })).toMatchObject({ agreement: 'differs', differences: ['odoo-log-closed'] });
  });

  it('has nothing to compare for an attempt that never started', () => {
    const refused = { ...local, outcome: 'refused' as const, started_at_client: null, impersonate_log_id: null };
    expect(provenanceOf({ local: refused, start: null, end: null, log: null })).toEqual({
      recordedHere: true,
      consoleEntry: false,
      odooLog: false,
      outsideConsole: false,
      agreement: 'none',
      differences: [],
    });
  });

  it("compares another console's entries with Odoo's row, and calls Odoo's row alone outside any console", () => {
    expect(provenanceOf({ local: null, start, end, log })).toMatchObject({ recordedHere: false, agreement: 'confirms' });
    // Odoo's row closed, no end entry: that console never said how it ended (yet).
    expect(provenanceOf({ local: null, start, end: null, log })).toMatchObject({ agreement: 'pending', differences: [] });
    expect(provenanceOf({ local: null, start, end, log: { ...log, date_end: null } })).toMatchObject({ agreement: 'differs', differences: ['odoo-log-open'] });
    expect(provenanceOf({ local: null, start, end: null, log: { ...log, date_end: null } })).toMatchObject({ agreement: 'confirms' });
    expect(provenanceOf({ local: null, start: server({ impersonate_log_id: null }), end: null, log: null })).toMatchObject({ agreement: 'pending' });
    expect(provenanceOf({ local: null, start: null, end: null, log })).toEqual({
      recordedHere: false,
      consoleEntry: false,
      odooLog: true,
      outsideConsole: true,
      agreement: 'none',
      differences: [],
    });
  });
});

describe('id ranges', () => {
  it('names ascending ids as ranges and finds an id in them; anything malformed holds nothing', () => {
    expect(toRanges([1, 2, 3, 7, 9, 10])).toEqual([[1, 3], [7, 7], [9, 10]]);
    expect(inRanges([[1, 3], [9, 10]], 2)).toBe(true);
    expect(inRanges([[1, 3], [9, 10]], 8)).toBe(false);
    expect(inRanges('junk', 1)).toBe(false);
    expect(inRanges([['1', 3]], 2)).toBe(false);
  });
});
