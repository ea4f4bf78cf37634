// What the admin is told after crash recovery on a server that cannot end a
// session by its identifier (Odoo 17; docs/odoo.md, Versions): which session stays
// open, since when, for how long, and how to end it. One notice per session, in
// the UI's language (console.recoveryLeftOpen_<ran|never|off>).
import type { LeftOpenSession, RecoveryReport } from '../core';
import type { ConsoleEvents } from './console-events';

export function announceLeftOpen(events: ConsoleEvents, report: RecoveryReport, connectionKey: string): void {
  const server = connectionKey.split('|')[0] ?? connectionKey;
  for (const left of report.leftOpen) events.noticeForEveryone(leftOpenNotice(left, server));
}

export function leftOpenNotice(left: LeftOpenSession, server: string) {
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
    level: 'warning' as const,
  };
}
