// The "audit-demo" scenario the Logs e2e test reads: a handful of local
// sessions (two admins, several targets, five days, every outcome), one reason
// with a distinctive word ("Zanzibar") for the search, one reason starting with
// "=" for the CSV formula escaping, and one session of another console that
// only the server mirror knows. Times are relative to `now` so that the chart's
// default window (the last days) always shows them.
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
  | { kind: 'ended'; minutes: number; cause: EndCause; clientIp: string; serverIp: string };

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
    result: { kind: 'ended', minutes: 12, cause: 'banner', clientIp: '192.0.2.10', serverIp: '203.0.113.7' },
  },
  {
    admin,
    target: bob,
    reason: 'Customer cannot see the kanban pipeline stages',
    daysAgo: 1,
    time: '14:30',
    result: { kind: 'ended', minutes: 60, cause: 'timeout', clientIp: '192.0.2.10', serverIp: '203.0.113.7' },
  },
  {
    admin: admin2,
    target: carol,
    reason: FORMULA_REASON,
    daysAgo: 2,
    time: '10:00',
    result: { kind: 'ended', minutes: 5, cause: 'tray', clientIp: '192.0.2.22', serverIp: '203.0.113.8' },
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
    result: { kind: 'ended', minutes: 23, cause: 'window-close', clientIp: '192.0.2.22', serverIp: '203.0.113.8' },
  },
];

/** "YYYY-MM-DD HH:MM:SS" (UTC), Odoo's datetime form. */
function odooTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** A session of another console ("lead"), known only through the server: its two console entries and its impersonate.log row. */
export function demoServerRows(at: (daysAgo: number, time: string) => Date): ServerLogRow[] {
  const start = at(5, '13:20');
  const end = new Date(start.getTime() + 18 * 60_000);
  const message = {
    app: 'impersonation-console',
    appVersion: '0.1.0',
    host: 'lead-laptop',
    admin: { uid: 11, login: 'lead', name: 'Laura Lead' },
    target: { id: 12, login: 'dave', name: 'Dave Dawson' },
    reason: 'Quarterly review of the purchase approvals',
    sessionIdentifier: 'a'.repeat(42),
    clientIp: '192.0.2.40',
    serverIp: '203.0.113.9',
    // The key the Logs merge this session's three server records by.
    impersonateLogId: 501,
  };
  const common = {
    adminUserId: 11,
    adminName: 'Laura Lead',
    adminLogin: 'lead',
    targetUserId: 12,
    targetName: 'Dave Dawson',
    targetLogin: 'dave',
    targetPartnerId: 30,
  };
  return [
    {
      kind: 'impersonate',
      serverId: 501,
      writeDate: odooTime(end),
      createDate: odooTime(start),
      ...common,
      dateStart: odooTime(start),
      dateEnd: odooTime(end),
      message: null,
    },
    {
      kind: 'console',
      serverId: 9001,
      writeDate: odooTime(start),
      createDate: odooTime(start),
      ...common,
      dateStart: null,
      dateEnd: null,
      message: { ...message, event: 'start', at: start.toISOString() },
    },
    {
      kind: 'console',
      serverId: 9002,
      writeDate: odooTime(end),
      createDate: odooTime(end),
      ...common,
      dateStart: null,
      dateEnd: null,
      message: { ...message, event: 'end', at: end.toISOString(), endCause: 'banner' },
    },
  ];
}
