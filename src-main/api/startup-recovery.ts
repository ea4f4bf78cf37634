// FT-1 at start-up: sessions a previous run left started and never ended are
// revoked on their server by identifier and closed as "recovered". That needs
// the admin's password (Odoo's identity check): where the keychain holds it, it
// happens now; otherwise the user is told, and it happens when they connect
// (ImpersonationService.recover on every connect).
import type { ConnectionService } from '../connections';
import type { AuditLedger, ImpersonationSession, Logger, OpenSession } from '../core';
import { OdooConnection } from '../odoo';
import type { ConsoleEvents } from './console-events';
import { connectorPort } from './connector-port';
import { announceRecovery, pendingNotice, serverOf } from './recovery-notices';

export interface StartupRecoveryDeps {
  ledger: AuditLedger;
  connections: ConnectionService;
  session: ImpersonationSession;
  events: ConsoleEvents;
  logger: Logger;
}

function byConnection(open: OpenSession[]): Map<string, OpenSession[]> {
  const groups = new Map<string, OpenSession[]>();
  for (const row of open) groups.set(row.connectionKey, [...(groups.get(row.connectionKey) ?? []), row]);
  return groups;
}

export async function recoverAtStartup(deps: StartupRecoveryDeps): Promise<void> {
  const { connections, events, logger } = deps;
  for (const [key, rows] of byConnection(await deps.ledger.openSessions())) {
    const saved = connections.findByKey(key);
    const password = saved ? connections.passwordOf(saved.id) : null;
    const server = serverOf(key);
    if (!saved || !password) {
      // Replaced by what recovery closed once the user connects (ImpersonationService.recover).
      events.noticeForEveryone(pendingNotice(key, rows.length));
      continue;
    }
    const odoo = new OdooConnection({ url: saved.url, database: saved.database, login: saved.login, password });
    try {
      await odoo.authenticate();
      const port = connectorPort(odoo, saved.url, () => password);
      const report = await deps.session.recover(key, port);
      logger.info('recovery.at-startup', { server, recovered: report.recovered.length, leftOpen: report.leftOpen.length, failed: report.failed.length });
      announceRecovery(events, report, key);
    } catch (error) {
      logger.warn('recovery.at-startup-failed', { server, error });
      events.noticeForEveryone(pendingNotice(key, rows.length));
    } finally {
      await odoo.destroy().catch(() => undefined);
    }
  }
}
