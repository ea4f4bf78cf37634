// The tripwire (AZ-6 while the session runs): the server's own word on whether the
// view's session is still what the console started. The view's request policy
// refuses every known way for the page to switch its session; this catches what it
// might miss, on two independent readings:
// - the session's identity on its own cookie: `uid` must still be the target AND
//   `impersonate_from_uid` still this admin (a uid check alone misses a switch that
//   ends where it began: 7 → 2 → 6 → 2 → 7 ends as "7, impersonated from 2");
// - the server's impersonate.log: every row created since the start, whatever its
//   user_id says (any internal user may rewrite it). A row for this session's target
//   that the console did not create, or the console's own row rewritten, means the
//   session was switched and switched back: tampered. A row for another target is
//   someone else's impersonation, perhaps the same admin elsewhere: a warning that
//   names both users, once.
// Pure: the timers read the server and hand the answers here.
import type { ImpersonateLogRow, ImpersonateLogWatch, SessionWitness } from './ports';

export interface ExpectedSession {
  targetUid: number;
  adminUid: number;
  logWatch: ImpersonateLogWatch | null;
}

/** What tripped the wire, in words that hold no secret (for the local record and ir.logging). */
export type TamperFinding =
  | { what: 'session-identity'; uid: number; impersonatorUid: number | null }
  | { what: 'foreign-log-row'; rowId: number; impersonatorUid: number | null }
  | { what: 'own-log-row-rewritten'; rowId: number; impersonatorUid: number | null; targetPartnerId: number | null };

/** Another impersonation on the same server while this one runs. */
export interface OtherImpersonation {
  rowId: number;
  admin: string;
  target: string;
}

export type TripwireVerdict =
  | { kind: 'tampered'; finding: TamperFinding }
  | { kind: 'expired' }
  | { kind: 'ok'; others: OtherImpersonation[] };

/**
 * Judges one reading. `witness` and `rows` (the impersonate.log rows above the watch's
 * mark) are null when they could not be read: what was read is still judged.
 */
export function judgeSession(
  expected: ExpectedSession,
  witness: SessionWitness | null,
  rows: readonly ImpersonateLogRow[] | null,
): TripwireVerdict {
  const others: OtherImpersonation[] = [];
  const watch = expected.logWatch;
  if (watch && rows) {
    for (const row of rows) {
      if (row.id <= watch.afterId) continue;
      if (watch.ownRowIds.includes(row.id)) {
        if (row.impersonatorUid !== expected.adminUid || row.targetPartnerId !== watch.targetPartnerId) {
          return tampered({ what: 'own-log-row-rewritten', rowId: row.id, impersonatorUid: row.impersonatorUid, targetPartnerId: row.targetPartnerId });
        }
      } else if (row.targetPartnerId === watch.targetPartnerId) {
        return tampered({ what: 'foreign-log-row', rowId: row.id, impersonatorUid: row.impersonatorUid });
      } else {
        others.push({
          rowId: row.id,
          admin: row.impersonatorName ?? `#${row.impersonatorUid ?? '?'}`,
          target: row.targetName ?? `#${row.targetPartnerId ?? '?'}`,
        });
      }
    }
  }
  if (witness === null) return { kind: 'ok', others };
  // A session the server dropped is not a switch: the view is dead with it.
  if (witness.state === 'expired') return { kind: 'expired' };
  if (witness.uid !== expected.targetUid || witness.impersonatorUid !== expected.adminUid) {
    return tampered({ what: 'session-identity', uid: witness.uid, impersonatorUid: witness.impersonatorUid });
  }
  return { kind: 'ok', others };
}

function tampered(finding: TamperFinding): TripwireVerdict {
  return { kind: 'tampered', finding };
}

/** One line for the local record and the server's ir.logging entry. */
export function describeFinding(finding: TamperFinding): string {
  switch (finding.what) {
    case 'session-identity':
      return `tampered: the server says the view's session is uid ${finding.uid}, impersonated from ${finding.impersonatorUid ?? 'nobody'}`;
    case 'foreign-log-row':
      return `tampered: impersonate.log row ${finding.rowId} (user_id ${finding.impersonatorUid ?? 'none'}) impersonates this session's target and the console did not create it`;
    case 'own-log-row-rewritten':
      return `tampered: this session's impersonate.log row ${finding.rowId} was rewritten (user_id ${finding.impersonatorUid ?? 'none'}, partner ${finding.targetPartnerId ?? 'none'})`;
  }
}
