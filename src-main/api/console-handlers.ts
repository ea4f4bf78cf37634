// The whole ConsoleApi as one ConsoleHandlers object, composed from the domain
// handlers, with the rules that cut across them: the connection cannot be switched
// or dropped under a running session, a shorter retention applies at once, and the
// session's deadline is rechecked on every call into main (SS-3).
import type { AppInfo, ConsoleHandlers, ViewBounds } from '../../src-preload/contract';
import type { AuditDatabase, AuditQueries } from '../audit';
import type { ConnectionService } from '../connections';
import { ConsoleError, type Clock } from '../core';
import type { SettingsStore } from '../settings';
import { appHandlers } from './app-handlers';
import { auditHandlers } from './audit-handlers';
import { connectionHandlers, type SettingChangeSink } from './connection-handlers';
import type { ConsoleEvents } from './console-events';
import { impersonationHandlers } from './impersonation-handlers';
import type { ImpersonationService } from './impersonation-service';
import type { MirrorService } from './mirror-service';

export interface ConsoleServices {
  info: AppInfo;
  settings: SettingsStore;
  events: ConsoleEvents;
  connections: ConnectionService;
  impersonation: ImpersonationService;
  mirror: MirrorService;
  audit: AuditDatabase;
  queries: AuditQueries;
  clock: Clock;
  /** Places the embedded view where the UI draws its frame. */
  placeView: (bounds: ViewBounds) => void;
  /** Puts a change of a safety setting on the record (issue 17.2). */
  recordSetting?: SettingChangeSink;
}

export function consoleHandlers(services: ConsoleServices): ConsoleHandlers {
  const { impersonation, mirror } = services;

  /** Switching or dropping the connection would strand the running session. */
  const whileIdle =
    <I, O>(handler: (input: I) => O) =>
    (input: I): O => {
      if (impersonation.isBusy()) throw new ConsoleError('busy', 'console.disconnectWhileActive');
      return handler(input);
    };

  const connectionCalls = connectionHandlers(services.connections, services.recordSetting);
  const settingsCalls = appHandlers(services.info, services.settings, services.events);
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
    ...impersonationHandlers(impersonation, services.placeView),
    ...auditHandlers(services.audit, services.queries, mirror, services.clock),
  };
  return recheckingDeadline(handlers, () => impersonation.current());
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
