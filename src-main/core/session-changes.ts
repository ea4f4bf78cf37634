// What read-only impersonation adds to the session (issue 17): "Allow changes" on the
// record, and what the timeline leaves at the stop.
//
// "Allow changes" asks for a second reason, validated by the same rule as the first
// (IN-1, reason.ts), then writes the server's ir.logging entry (through the admin API
// session) and the local chained event — both before the view lets a single write
// through, as a start is recorded before the view gets its cookie (AU-2). If either
// cannot be written, the session stays read-only and the admin is told why.
import type { ConsoleError as ConsoleErrorType } from './console-error';
import { ConsoleError } from './console-error';
import type { LiveSession } from './live-session';
import type { AuditLedger, ImpersonationViewPort, ServerEndFacts, TimelineSummary } from './ports';
import { validateReason } from './reason';
import { timelineMode } from './session-timeline';
import { CHANGES_ALLOWED } from './view-policy';
import type { Clock } from './clock';

export interface ChangesOptions {
  ledger: AuditLedger;
  view: ImpersonationViewPort;
  clock: Clock;
}

/**
 * Unlocks `live` with `rawReason`, once its records are written. Throws a ConsoleError
 * (translated) when the reason is refused or a record cannot be written; the session
 * is then still read-only. `stillLive` is asked after each await: a session that ended
 * meanwhile is not unlocked.
 */
export async function allowChanges(live: LiveSession, rawReason: string, options: ChangesOptions, stillLive: () => boolean): Promise<void> {
  const check = validateReason(rawReason);
  if (!check.ok) throw new ConsoleError('refused', check.refusal.key, check.refusal.params);
  const entry = live.serverEntry;
  if (!entry || !live.startRecorded) throw notActive();
  const at = new Date(options.clock.now());
  let serverLogId: number;
  try {
    serverLogId = await live.context.odoo.writeChangesAllowedEntry(entry, { at, reason: check.reason });
  } catch (cause) {
    throw new ConsoleError('server-audit-failed', 'session.changes.serverAuditFailed', undefined, { cause });
  }
  if (!stillLive()) throw notActive();
  try {
    await options.ledger.recordChangesAllowed(live.rowId, { at, reason: check.reason, serverLogId });
  } catch (cause) {
    throw new ConsoleError('audit-failed', 'session.changes.auditFailed', undefined, { cause });
  }
  if (!stillLive()) throw notActive();
  live.changesAllowed = { at, reason: check.reason };
  options.view.setAccess(CHANGES_ALLOWED);
}

export function notActive(): ConsoleErrorType {
  return new ConsoleError('not-active', 'session.changes.notActive');
}

/**
 * At the stop, once the view is closed and the timeline's last batch written: the
 * summary goes into the local chain, and what the server's end entry adds (the summary,
 * and when and why changes were allowed). `note` is what the end's record should say
 * when something of the timeline could not be written.
 */
export async function timelineAtStop(
  live: LiveSession,
  ledger: AuditLedger,
  at: Date,
): Promise<{ facts: Pick<ServerEndFacts, 'timeline' | 'changesAllowed'>; note: string | null }> {
  const changesAllowed = live.changesAllowed ? { at: live.changesAllowed.at, reason: live.changesAllowed.reason } : null;
  await live.timelineClosed;
  if (!live.timeline || !live.startRecorded) return { facts: { changesAllowed }, note: null };
  const summary: TimelineSummary = live.timeline.summary(timelineMode(live.changesMode, live.changesAllowed !== null));
  const notes: string[] = [];
  if (live.timelineUnwritten) notes.push("the timeline's last entries could not be written");
  try {
    await ledger.recordTimelineSummary(live.rowId, at, summary);
  } catch {
    notes.push("the timeline's summary could not be written");
  }
  return { facts: { timeline: summary, changesAllowed }, note: notes.join('; ') || null };
}
