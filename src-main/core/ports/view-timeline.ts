// The session's timeline (issue 17.3) as the ports carry it: what the view's requests
// reached, each allowed or refused, stamped and bounded by core (session-timeline.ts),
// kept in the chained local audit (AuditLedger.recordTimeline) and summarised in the
// server's end entry (ServerEndFacts.timeline). Identifiers only — model, method,
// record ids, route, action, page — never a value: no args, kwargs, domain, context,
// field value, message body or file content (view-policy/view-call.ts).
import type { RefusalKind } from '../view-policy/view-request';
import type { ViewCallKind } from '../view-policy/view-call';

/** Read-only from the start (the default), or changes allowed from the start by the connection's setting. */
export type ChangesMode = 'read-only' | 'allowed-from-start';

export interface TimelineEntry {
  at: Date;
  kind: ViewCallKind;
  route: string;
  model: string | null;
  method: string | null;
  /** At most 20 (view-policy MAX_CALL_IDS). */
  ids: number[];
  /** How many ids the call named in all. */
  idCount: number;
  action: string | null;
  allowed: boolean;
  refusal: RefusalKind | null;
  /** The read-only allowlist does not call it a read: it changes data (or would have). */
  writes: boolean;
  /** The top-level page it came from: the web client's path, or the action last loaded. */
  page: string | null;
  /** Identical requests in a row, merged into this entry. */
  count: number;
}

/** The session reached a bound: from here on only the counts keep going (session-timeline.ts). */
export interface TimelineBound {
  at: Date;
  /** 'reads': reads are no longer itemised (changes and refusals still are); 'all': nothing more is. */
  what: 'reads' | 'all';
  itemised: number;
  limit: number;
}

/** One line of the summary: calls of one method on one model (or of one route), writes marked. */
export interface TimelineSummaryRow {
  kind: ViewCallKind;
  model: string | null;
  method: string | null;
  route: string;
  calls: number;
  refused: number;
  writes: boolean;
}

export interface TimelineSummary {
  /** Whether the session ran read-only, allowed changes from the start, or was unlocked on the way. */
  mode: ChangesMode | 'allowed-during';
  rows: TimelineSummaryRow[];
  /** Calls of the rows left out past the summary's bound (the most frequent reads go last). */
  otherCalls: number;
  /** Entries kept in the local timeline, and calls counted in all. */
  itemised: number;
  counted: number;
  /** A bound was reached: some calls are counted but not itemised. */
  bounded: boolean;
}

/** "Allow changes": the second reason and when, on the record before any write passes. */
export interface ChangesAllowedRecord {
  at: Date;
  reason: string;
  /** The ir.logging entry written for it. */
  serverLogId: number | null;
}
