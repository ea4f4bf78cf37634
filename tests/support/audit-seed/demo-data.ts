// The "audit-demo" scenario the Logs e2e test reads: a handful of local
// sessions (two admins, several targets, five days, every outcome), one reason
// with a distinctive word ("Zanzibar") for the search, one reason starting with
// "=" for the CSV formula escaping, one session of another console that only the
// server mirror knows, and one impersonation made from Odoo's own menu. The
// server's records of this console's sessions are mirrored too (their start and
// end entries and their impersonate.log rows), except the Zanzibar one's, not
// synced yet: each impersonation is one row of the Logs, with where it is known.
// Times are relative to `now` so that the chart's default window always shows them.
import type { EndCause } from '../../../src-preload/contract';
import type { AdminIdentity, TargetIdentity } from '../../../src-main/core/ports';
import type { ServerLogRow } from '../../../src-main/core/ports/server-logs';

export const admin: AdminIdentity = { uid: 2, login: 'admin', name: 'Mitchell Admin' };
export const admin2: AdminIdentity = { uid: 6, login: 'admin2', name: 'Marc Demo' };

const alice: TargetIdentity = { id: 7, login: 'alice', name: 'Alice Anderson' };
const bob: TargetIdentity = { id: 8, login: 'bob', name: 'Bob Baker' };
const carol: TargetIdentity = { id: 9, login: 'carol', name: 'Carol Clark' };
const pat: TargetIdentity = { id: 10, login: 'pat', name: 'Pat Portal' };

export type DemoResult =
  | { kind: 'refused'; refusal: string }
  | { kind: 'failed'; failure: string }
  | { kind: 'ended'; minutes: number; cause: EndCause; clientIp: string; serverIp: string; logRow: number; onServer: boolean };

export interface DemoSession {
  admin: AdminIdentity;
  target: TargetIdentity;
  reason: string;
  daysAgo: number;
  /** UTC "HH:MM" on that day. */
  time: string;
  result: DemoResult;
}

export const DISTINCTIVE_WORD = 'Zanzibar';
export const FORMULA_REASON = '=HYPERLINK("https://example.com","open") spreadsheet check';

export const demoSessions: readonly DemoSession[] = [
  {
    admin,
    target: alice,
    reason: 'Reproduce the invoice totals problem in the sales report',
    daysAgo: 1,
    time: '09:15',
    result: { kind: 'ended', minutes: 12, cause: 'banner', clientIp: '192.0.2.10', serverIp: '203.0.113.7', logRow: 497, onServer: true },
  },
  {
    admin,
    target: bob,
    reason: 'Customer cannot see the kanban pipeline stages',
    daysAgo: 1,
    time: '14:30',
    result: { kind: 'ended', minutes: 60, cause: 'timeout', clientIp: '192.0.2.10', serverIp: '203.0.113.7', logRow: 498, onServer: true },
  },
  {
    admin: admin2,
    target: carol,
    reason: FORMULA_REASON,
    daysAgo: 2,
    time: '10:00',
    result: { kind: 'ended', minutes: 5, cause: 'tray', clientIp: '192.0.2.22', serverIp: '203.0.113.8', logRow: 496, onServer: true },
  },
  {
    admin: admin2,
    target: alice,
    reason: 'Trying again to check the invoice totals',
    daysAgo: 2,
    time: '10:07',
    result: { kind: 'refused', refusal: 'rate-limited' },
  },
  {
    admin,
    target: pat,
    reason: 'Portal user cannot download the quotation',
    daysAgo: 3,
    time: '08:00',
    result: { kind: 'refused', refusal: 'portal' },
  },
  {
    admin,
    target: bob,
    reason: 'Looking into the missing menu entries',
    daysAgo: 3,
    time: '11:00',
    result: { kind: 'failed', failure: 'impersonate-failed' },
  },
  {
    admin: admin2,
    target: carol,
    reason: `Check the ${DISTINCTIVE_WORD} warehouse transfer permissions`,
    daysAgo: 4,
    time: '16:00',
    result: { kind: 'ended', minutes: 23, cause: 'window-close', clientIp: '192.0.2.22', serverIp: '203.0.113.8', logRow: 495, onServer: false },
  },
];

/** "YYYY-MM-DD HH:MM:SS" (UTC), Odoo's datetime form. */
function odooTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** The 42-character identifier of demo session `index` (each session its own). */
export function demoIdentifier(index: number): string {
  return `demo${index}`.padEnd(42, '0');
}

const partnerOf = (userId: number) => userId + 20;

/**
 * The server's records: those of this console's ended sessions that were synced, a
 * session of another console ("lead"; its two console entries and its impersonate.log
 * row), and an impersonation Laura made from Odoo's own menu (the log row alone).
 */
export function demoServerRows(at: (daysAgo: number, time: string) => Date): ServerLogRow[] {
  const rows: ServerLogRow[] = [];
  demoSessions.forEach((session, index) => {
    const { result } = session;
    if (result.kind !== 'ended' || !result.onServer) return;
    const start = at(session.daysAgo, session.time);
    const end = new Date(start.getTime() + result.minutes * 60_000);
    rows.push(
      ...sessionRows({
        admin: session.admin,
        target: session.target,
        reason: session.reason,
        identifier: demoIdentifier(index),
        logRow: result.logRow,
        entryIds: [8000 + index * 2, 8001 + index * 2],
        start,
        end,
        cause: result.cause,
        clientIp: result.clientIp,
        serverIp: result.serverIp,
        host: 'helpdesk-laptop',
      }),
    );
  });
  const leadStart = at(5, '13:20');
  rows.push(
    ...sessionRows({
      admin: { uid: 11, login: 'lead', name: 'Laura Lead' },
      target: { id: 12, login: 'dave', name: 'Dave Dawson' },
      reason: 'Quarterly review of the purchase approvals',
      identifier: 'a'.repeat(42),
      logRow: 501,
      entryIds: [9001, 9002],
      start: leadStart,
      end: new Date(leadStart.getTime() + 18 * 60_000),
      cause: 'banner',
      clientIp: '192.0.2.40',
      serverIp: '203.0.113.9',
      host: 'lead-laptop',
    }),
  );
  const menu = at(3, '17:10');
  rows.push(
    logRow(502, { uid: 11, login: 'lead', name: 'Laura Lead' }, { id: 13, login: 'erin', name: 'Erin Evans' }, menu, new Date(menu.getTime() + 7 * 60_000)),
  );
  return rows;
}

interface SessionFacts {
  admin: AdminIdentity;
  target: TargetIdentity;
  reason: string;
  identifier: string;
  logRow: number;
  entryIds: [number, number];
  start: Date;
  end: Date;
  cause: EndCause;
  clientIp: string;
  serverIp: string;
  host: string;
}

/** A console's start and end entries and its closed impersonate.log row, as the connector reads them. */
function sessionRows(facts: SessionFacts): ServerLogRow[] {
  const message = {
    app: 'impersonation-console',
    appVersion: '0.1.0',
    host: facts.host,
    admin: { uid: facts.admin.uid, login: facts.admin.login, name: facts.admin.name },
    target: { id: facts.target.id, login: facts.target.login ?? '', name: facts.target.name ?? '' },
    reason: facts.reason,
    sessionIdentifier: facts.identifier,
    clientIp: facts.clientIp,
    serverIp: facts.serverIp,
    // The key the Logs merge this session's server records by.
    impersonateLogId: facts.logRow,
  };
  const entry = (serverId: number, when: Date, extra: object): ServerLogRow => ({
    kind: 'console',
    serverId,
    writeDate: odooTime(when),
    createDate: odooTime(when),
    ...people(facts.admin, facts.target),
    dateStart: null,
    dateEnd: null,
    message: { ...message, at: when.toISOString(), ...extra } as ServerLogRow['message'],
  });
  return [
    logRow(facts.logRow, facts.admin, facts.target, facts.start, facts.end),
    entry(facts.entryIds[0], facts.start, { event: 'start' }),
    entry(facts.entryIds[1], facts.end, { event: 'end', endCause: facts.cause }),
  ];
}

function logRow(serverId: number, admin: AdminIdentity, target: TargetIdentity, start: Date, end: Date): ServerLogRow {
  return {
    kind: 'impersonate',
    serverId,
    writeDate: odooTime(end),
    createDate: odooTime(start),
    ...people(admin, target),
    dateStart: odooTime(start),
    dateEnd: odooTime(end),
    message: null,
  };
}

function people(admin: AdminIdentity, target: TargetIdentity) {
  return {
    adminUserId: admin.uid,
    adminName: admin.name,
    adminLogin: admin.login,
    targetUserId: target.id,
    targetName: target.name,
    targetLogin: target.login,
    targetPartnerId: partnerOf(target.id),
  };
}
