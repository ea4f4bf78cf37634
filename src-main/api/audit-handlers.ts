// audit:* — the Logs screen reads only the local store, so it works offline;
// sync needs the active connection.
import type { ConsoleHandlers } from '../../src-preload/contract';
import { exportAudit, exportSession, readSessionTimeline, type AuditDatabase, type AuditQueries } from '../audit';
import type { MirrorService } from './mirror-service';
import type { Clock } from '../core';

type AuditChannel =
  | 'audit:list'
  | 'audit:search'
  | 'audit:session'
  | 'audit:verify'
  | 'audit:export'
  | 'audit:sync'
  | 'audit:syncStatus'
  | 'audit:stats'
  | 'audit:timeline'
  | 'audit:exportSession';

export function auditHandlers(
  database: AuditDatabase,
  queries: AuditQueries,
  mirror: MirrorService,
  clock: Clock,
): Pick<ConsoleHandlers, AuditChannel> {
  return {
    'audit:list': (query) => queries.list(query),
    'audit:search': (search) => queries.search(search),
    'audit:session': ({ id }) => queries.session(id),
    'audit:verify': () => queries.verify(),
    'audit:export': (request) => exportAudit(database, request, new Date(clock.now())),
    'audit:sync': () => mirror.syncNow(),
    'audit:syncStatus': () => mirror.status(),
    'audit:stats': (range) => queries.stats(range),
    'audit:timeline': ({ id, filter }) => readSessionTimeline(database, id, filter),
    'audit:exportSession': ({ id, format }) => exportSession(database, queries.session(id), format, new Date(clock.now())),
  };
}
