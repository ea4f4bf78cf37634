// The shape of the server's audit records as the mirror sync reads them, and the
// port it reads them through (implemented by the Odoo connector's readServerLogs).
// See docs/odoo.md: impersonate.log holds no reason, IP or session id;
// the console's own ir.logging entries (name CONSOLE_LOG_NAME) carry those.

import type { ChangesMode, TimelineSummary } from './view-timeline';

export const CONSOLE_LOG_NAME = 'impersonation-console';

/**
 * The name of the console's "Allow changes" entries (issue 17.2). Not CONSOLE_LOG_NAME:
 * the mirror reads those as the start and end of sessions, and an unlock is neither.
 * The session's end entry repeats it (ConsoleLogMessage.changesAllowed), so the
 * mirrored record of every console says it too.
 */
export const CONSOLE_CHANGES_LOG_NAME = 'impersonation-console.changes';

export type ServerLogKind = 'impersonate' | 'console';

/**
 * Which rows one page reads (SY-1; docs/odoo.md, The server's own audit records):
 * every row of the kind whose write_date is at or after `since` (a whole second,
 * from server data only; null: every row), with an id above `afterId`, in id
 * order. `>=` with a whole-second literal is the one datetime comparison that
 * means the same on Odoo 17, 18 and 19; ids page a pass exactly, whatever order
 * transactions commit in.
 */
export interface ServerLogWindow {
  since: string | null;
  afterId: number;
}

/** The whole log, from its first id. */
export const EVERY_ROW: ServerLogWindow = { since: null, afterId: 0 };

/** The JSON the console writes as the message of its ir.logging entries. */
export interface ConsoleLogMessage {
  /**
   * 'tampered': the tripwire ended the session (written as a WARNING).
   * 'changes-allowed': "Allow changes" (under CONSOLE_CHANGES_LOG_NAME, a WARNING).
   */
  event: 'start' | 'end' | 'tampered' | 'changes-allowed';
  app: string;
  appVersion: string;
  host: string;
  /** `name` since the Logs merge the server's records (older entries have the login only). */
  admin: { uid: number; login: string; name?: string };
  target: { id: number; login: string; name: string };
  reason: string;
  sessionIdentifier: string;
  clientIp: string | null;
  serverIp: string | null;
  at: string; // ISO, client time
  endCause?: string;
  /** What the tripwire saw, or what crash recovery did (no secret in it). */
  detail?: string;
  /**
   * The session's impersonate.log row (the key the Logs merge the server's records
   * by), when known; `impersonateLogCandidates` while the start could not tell which
   * of several it was — the end entry then names the one its end closed.
   */
  impersonateLogId?: number | null;
  impersonateLogCandidates?: number[];
  /**
   * A start entry written beside the verification (issue 13): the impersonate.log mark,
   * the highest id before the switch. Its row is the first above it for this admin and
   * target; the mirror links them by these ids (mirror-links.ts).
   */
  impersonateLogAfter?: number;
  /** Issue 17: how the session began (start and end entries). */
  changesMode?: ChangesMode;
  /** Issue 17.2: when and why changes were allowed during the session (its own entry, and the end entry). */
  changesAllowed?: { at: string; reason: string };
  /** Issue 17.3 (end entry): what the view reached, counted per model and method, writes marked. */
  timeline?: TimelineSummary;
}

export interface ServerLogRow {
  kind: ServerLogKind;
  /** The row's id in its own model (impersonate.log or ir.logging). */
  serverId: number;
  writeDate: string;
  createDate: string;
  /** impersonate.log: the impersonator. ir.logging: the admin named in the message. */
  adminUserId: number | null;
  adminName: string | null;
  /** impersonate.log: the impersonator's login, read from res.users (the row names the user only). */
  adminLogin: string | null;
  /** impersonate.log: resolved from impersonated_partner_id to the user. */
  targetUserId: number | null;
  targetName: string | null;
  targetLogin: string | null;
  targetPartnerId: number | null;
  /** impersonate.log only: UTC "YYYY-MM-DD HH:MM:SS", null while open. */
  dateStart: string | null;
  dateEnd: string | null;
  /** ir.logging only: the parsed message (null if it was not the console's JSON). */
  message: ConsoleLogMessage | null;
}

export interface ServerLogPage {
  rows: ServerLogRow[];
  /** How many rows of this kind the window holds from this page on, when the server says so in the same trip. */
  total: number | null;
}

export interface ServerLogSource {
  /** Up to `limit` rows of one kind in the window, in ascending id order. */
  readServerLogs(kind: ServerLogKind, window: ServerLogWindow, limit: number): Promise<ServerLogPage>;
}
