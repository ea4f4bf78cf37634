// Builds the console's services in order — settings, the audit database (first
// of the stateful services: nothing may happen that it cannot record), secrets,
// connections, the impersonation session, the mirror — and wires them into the
// one ConsoleHandlers object both transports serve. Electron-free: the Electron
// composition root (main.ts) and the development harness both call it, handing
// in what differs (where data lives, the runtime, the keychain, the view).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AppInfo, ConsoleHandlers, ViewBounds } from '../../src-preload/contract';
import { appHandlers } from '../api/app-handlers';
import { auditHandlers } from '../api/audit-handlers';
import { connectionHandlers } from '../api/connection-handlers';
import { ConsoleEvents } from '../api/console-events';
import { impersonationHandlers } from '../api/impersonation-handlers';
import { openAuditDatabase, type AuditDatabase } from '../audit/audit-database';
import { AuditQueries } from '../audit/audit-queries';
import { AuditStore } from '../audit/audit-store';
import { ConnectionService } from '../connections/connection-service';
import { ConnectionStore } from '../connections/connection-store';
import { systemClock, type Clock } from '../core/clock';
import { ConsoleError } from '../core/console-error';
import { ImpersonationSession, type ShutdownCause } from '../core/impersonation-session';
import type { ImpersonationViewPort } from '../core/ports';
import { systemMonotonicClock, systemScheduler, type MonotonicClock, type Scheduler } from '../core/scheduler';
import { KeychainVault, type SafeStorageLike } from '../secrets/secret-vault';
import { SettingsStore } from '../settings/settings-store';
import { ImpersonationService } from '../api/impersonation-service';
import type { Logger } from '../core/logger';
import { MirrorService } from '../api/mirror-service';
import { recoverAtStartup } from '../api/startup-recovery';

/** The embedded Odoo view as the console drives it: opened by the session, placed by the UI. */
export interface ConsoleView extends ImpersonationViewPort {
  setBounds(bounds: ViewBounds): void;
}

export interface ConsoleOptions {
  userDataDir: string;
  info: AppInfo;
  logger: Logger;
  /** Electron's safeStorage in the app; null in plain Node (passwords then stay in memory). */
  safeStorage: SafeStorageLike | null;
  view: ConsoleView;
  /** better-sqlite3 built for Electron's ABI, when running under Electron. */
  nativeBinding?: string;
  clock?: Clock;
  scheduler?: Scheduler;
  monotonic?: MonotonicClock;
}

export interface ConsoleInstance {
  handlers: ConsoleHandlers;
  events: ConsoleEvents;
  settings: SettingsStore;
  connections: ConnectionService;
  impersonation: ImpersonationService;
  audit: AuditDatabase;
  /** Crash recovery of a previous run's sessions (FT-1), begun at start-up. */
  startupRecovery: Promise<void>;
  /** Ends the active session first (bounded wait), then closes everything. */
  shutdown(cause?: ShutdownCause): Promise<void>;
}

/** How long quitting waits for the server-side end of an active session (FT-2). */
export const SHUTDOWN_WAIT_MS = 5_000;

export function createConsole(options: ConsoleOptions): ConsoleInstance {
  mkdirSync(options.userDataDir, { recursive: true });
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const scheduler = options.scheduler ?? systemScheduler;
  const events = new ConsoleEvents();
  const settings = new SettingsStore(options.userDataDir);

  const audit = openAuditDatabase({
    file: path.join(options.userDataDir, 'audit.sqlite'),
    nativeBinding: options.nativeBinding,
  });
  if (audit.rebuilt) {
    logger.warn('audit.rebuilt', { movedTo: audit.movedTo });
    events.noticeForEveryone({ key: 'audit.databaseRebuilt', params: { movedTo: audit.movedTo ?? '' }, level: 'warning' });
  }
  const ledger = new AuditStore(audit);
  const queries = new AuditQueries(audit);

  const vault = new KeychainVault(options.safeStorage, options.userDataDir);
  const connections = new ConnectionService(new ConnectionStore(options.userDataDir), vault, logger);

  const session = new ImpersonationSession({ ledger, view: options.view, clock, scheduler, monotonic: options.monotonic ?? systemMonotonicClock });
  session.onState((view) => events.emit('sessionState', view));
  session.onCountdown((countdown) => events.emit('countdown', countdown));
  const impersonation = new ImpersonationService(session, connections, settings, ledger, clock, options.info.version, logger);

  const mirror = new MirrorService(audit, events, settings, scheduler, clock, logger);
  connections.onChange((active) => {
    if (active) mirror.attach(active.odoo, active.key);
    else mirror.attach(null);
    if (active) {
      impersonation.recover(active).catch((error: unknown) => logger.warn('impersonation.recovery-failed', { error }));
    }
  });

  const startupRecovery = recoverAtStartup({ ledger, connections, session, events, logger }).catch((error: unknown) =>
    logger.warn('recovery.failed', { error }),
  );

  /** Switching or dropping the connection would strand the running session. */
  const whileIdle =
    <I, O>(handler: (input: I) => O) =>
    (input: I): O => {
      if (impersonation.isBusy()) throw new ConsoleError('busy', 'console.disconnectWhileActive');
      return handler(input);
    };

  const connectionCalls = connectionHandlers(connections);
  const settingsCalls = appHandlers(options.info, settings, events);
  const handlers: ConsoleHandlers = {
    ...settingsCalls,
    'settings:set': (patch) => {
      const next = settingsCalls['settings:set'](patch);
      if (patch.retentionDays !== undefined) mirror.applyRetention(); // a shorter retention applies now
      return next;
    },
    ...connectionCalls,
    'connections:connect': whileIdle(connectionCalls['connections:connect']),
    'connections:disconnect': whileIdle(connectionCalls['connections:disconnect']),
    'connections:remove': whileIdle(connectionCalls['connections:remove']),
    ...impersonationHandlers(impersonation, (bounds) => options.view.setBounds(bounds)),
    ...auditHandlers(audit, queries, mirror, clock),
  };

  let shutdown: Promise<void> | null = null;
  return {
    handlers: recheckingDeadline(handlers, () => impersonation.current()),
    events,
    settings,
    connections,
    impersonation,
    audit,
    startupRecovery,
    shutdown: (cause = 'quit') => {
      shutdown ??= (async () => {
        await startupRecovery;
        const outcome = await impersonation.shutdown(cause, SHUTDOWN_WAIT_MS);
        logger.info('console.shutdown', { cause, outcome });
        session.dispose();
        mirror.dispose();
        await connections.disconnect();
        audit.close();
      })();
      return shutdown;
    },
  };
}

/** SS-3: the deadline is rechecked on every call into main, whatever the call. */
function recheckingDeadline(handlers: ConsoleHandlers, recheck: () => unknown): ConsoleHandlers {
  const wrapped: Record<string, unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as [string, (input: unknown) => unknown][]) {
    wrapped[channel] = (input: unknown) => {
      recheck();
      return handler(input);
    };
  }
  return wrapped as ConsoleHandlers;
}
