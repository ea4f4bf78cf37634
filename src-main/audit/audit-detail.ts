// One Logs row in full (audit.session): the row, the primary record's stored fields,
// the events — this console's chained ones and the times the server's records give,
// each marked with whose it is — and the server's records themselves, as mirrored.
// This console's fields come from the chain's replay (what is protected), never from
// the row as stored when the two differ (merged-rows.ts).
import type { AuditDetail } from '../../src-preload/contract';
import { toAuditRow, type MergedRecords } from './merged-rows';
import type { ServerLogRecord } from './schema';

type Fields = AuditDetail['fields'];
type DetailEvent = AuditDetail['events'][number];

export function sessionDetail(records: MergedRecords): AuditDetail {
  const { localRecord, start, end, log, view } = records;
  const own = view.origin === 'console' ? [start, end].find((entry) => entry?.id === view.row_key) ?? start ?? end : view.origin === 'odoo' ? log : null;
  const fields = localRecord
    ? toFields(withoutLimiterKey({ ...(localRecord.replayed ?? localRecord.stored) }))
    : own
      ? serverFields(own)
      : [];
  const events: DetailEvent[] = [
    ...(localRecord?.events ?? []).map((event) => ({ at: event.at, type: event.type, detail: event.payload, source: 'local' as const })),
    ...serverEvents(records),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const serverRecords: AuditDetail['serverRecords'] = [
    ...(start ? [{ kind: 'console-start' as const, serverId: start.server_id, fields: serverFields(start) }] : []),
    ...(end ? [{ kind: 'console-end' as const, serverId: end.server_id, fields: serverFields(end) }] : []),
    ...(log ? [{ kind: 'odoo-log' as const, serverId: log.server_id, fields: serverFields(log) }] : []),
  ];
  return { ...toAuditRow(records), fields, events, serverRecords };
}

function serverEvents({ start, end, log }: MergedRecords): DetailEvent[] {
  const events: DetailEvent[] = [];
  const add = (at: string | null, type: string, detail: string | null) => {
    if (at) events.push({ at, type, detail: detail ?? '', source: 'server' });
  };
  add(start?.started_at ?? null, 'server-start', start?.session_identifier ?? null);
  add(end?.ended_at ?? null, 'server-end', end?.end_cause ?? null);
  add(log?.started_at ?? null, 'odoo-log-start', log ? `impersonate.log ${log.server_id}` : null);
  add(log?.ended_at ?? null, 'odoo-log-end', log ? `impersonate.log ${log.server_id}` : null);
  return events;
}

/** A mirrored record's fields: which server, then the server's own values (the raw copy and local ids aside). */
function serverFields(record: ServerLogRecord): Fields {
  const { raw: _raw, id: _id, server, ...fields } = record;
  return toFields({ connection_key: server, ...fields });
}

function withoutLimiterKey(record: Record<string, unknown>): Record<string, unknown> {
  const { limiter_key: _key, ...rest } = record;
  return rest;
}

function toFields(record: Record<string, unknown>): Fields {
  return Object.entries(record).map(([name, value]) => ({ name, value: value === null || value === undefined ? '' : String(value) }));
}
