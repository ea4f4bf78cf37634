// What the admin is told about the sessions a previous run left open (FT-1), one
// story from start-up to the end of recovery, per server — the notices share a topic,
// so each replaces the one before (the UI and app:notices alike):
// - pending: sessions are still open there (no password to recover with yet, the
//   server unreachable, or a step that failed): console.recoveryPending;
// - done: what recovery closed, once nothing of that server is left open —
//   console.recoveryDone, its variant (i18next context) by what the server allowed:
//   'ended' (sessions ended, log rows closed, 'recovered' entries written),
//   'rowRefused' (the server refused to close its impersonate.log rows), 'stillValid'
//   (Odoo 17: the sessions stay valid on the server), 'partial' (something else could
//   not be done on the server: each record's detail says what);
// - and, on Odoo 17, one notice per session that stays valid: which, since when, for
//   how long and how to end it (console.recoveryLeftOpen_<ran|never|off>).
import type { Notice } from '../../src-preload/contract';
import type { LeftOpenSession, RecoveredSession, RecoveryReport } from '../core';
import type { ConsoleEvents } from './console-events';

/** The topic every recovery notice of one server shares. */
export function recoveryTopic(connectionKey: string): string {
  return `recovery:${connectionKey}`;
}

export function serverOf(connectionKey: string): string {
  return connectionKey.split('|')[0] ?? connectionKey;
}

/** Sessions of this server are still open from a previous run. */
export function pendingNotice(connectionKey: string, count: number): Notice {
  return { key: 'console.recoveryPending', params: { count, server: serverOf(connectionKey) }, level: 'warning', topic: recoveryTopic(connectionKey) };
}

/** After a recovery of one server: what it closed, what stays open, or that some are still pending. */
export function announceRecovery(events: ConsoleEvents, report: RecoveryReport, connectionKey: string): void {
  if (report.failed.length > 0) events.noticeForEveryone(pendingNotice(connectionKey, report.failed.length));
  else if (report.recovered.length > 0) events.noticeForEveryone(recoveredNotice(report, connectionKey));
  for (const left of report.leftOpen) events.noticeForEveryone(leftOpenNotice(left, serverOf(connectionKey)));
}

export function recoveredNotice(report: RecoveryReport, connectionKey: string): Notice {
  const sessions = report.recovered.map(describe).join('; ');
  return {
    key: 'console.recoveryDone',
    // i18next picks recoveryDone_<context>_<one|other>.
    params: { context: variant(report), count: report.recovered.length, server: serverOf(connectionKey), sessions },
    level: 'info',
    topic: recoveryTopic(connectionKey),
  };
}

function variant(report: RecoveryReport): 'stillValid' | 'rowRefused' | 'partial' | 'ended' {
  if (report.leftOpen.length > 0) return 'stillValid';
  if (report.recovered.some((session) => session.logRow.outcome === 'refused')) return 'rowRefused';
  const complete = (session: RecoveredSession) =>
    session.endEntry && (session.logRow.outcome === 'closed' || session.logRow.outcome === 'already-closed');
  return report.recovered.every(complete) ? 'ended' : 'partial';
}

/** "Alice Anderson (opened 2026-11-29 15:02:11 UTC)": the names the admin knows. */
function describe(session: RecoveredSession): string {
  return session.startedAt ? `${session.targetName} (${session.startedAt} UTC)` : session.targetName;
}

export function leftOpenNotice(left: LeftOpenSession, server: string): Notice {
  return {
    key: 'console.recoveryLeftOpen',
    params: {
      // i18next picks recoveryLeftOpen_ran, _never or _off.
      context: left.cleanup,
      server,
      target: left.targetName,
      startedAt: left.startedAt ?? '—',
      days: Math.round(left.maxInactivitySeconds / 86_400),
      lastRun: left.cleanupLastRun ?? '—',
    },
    level: 'warning',
  };
}
