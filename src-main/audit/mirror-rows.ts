// How a server audit row (impersonate.log or the console's ir.logging entry)
// becomes a row of the local mirror, and how two versions of it are compared.
import type { Insertable } from 'kysely';
import { SESSION_IDENTIFIER_LENGTH } from '../../src-preload/limits';
import { canonicalJson } from './hash-chain';
import { isoOrNull, serverTimeToIso } from './iso-time';
import type { ServerLogsTable } from './schema';
import type { ServerLogRow } from '../core';

/** A server row's columns; which server it came from is the sync's to add (MirrorStatements). */
export type MirrorColumns = Omit<Insertable<ServerLogsTable>, 'id' | 'server'>;

function seconds(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}

// Built as one object literal per kind, every column named once: a first sync calls
// this 100 000 times, and spreading a shared part into each row cost more than the rest.
export function mirrorColumns(row: ServerLogRow): MirrorColumns {
  const raw = canonicalJson(row);
  if (row.kind === 'impersonate') {
    // impersonate.log holds no reason, IP or session id (docs/odoo.md); names only.
    const startedAt = serverTimeToIso(row.dateStart);
    const endedAt = serverTimeToIso(row.dateEnd);
    return {
      kind: row.kind,
      server_id: row.serverId,
      write_date: row.writeDate,
      create_date: row.createDate,
      admin_user_id: row.adminUserId,
      target_user_id: row.targetUserId,
      target_partner_id: row.targetPartnerId,
      date_start: row.dateStart,
      date_end: row.dateEnd,
      admin_login: row.adminLogin ?? null,
      target_login: row.targetLogin ?? null,
      raw,
      admin: row.adminName,
      target: row.targetName,
      event: null,
      // A row names itself: the key console entries and local sessions link to.
      impersonate_log_id: row.serverId,
      impersonate_log_after: null,
      started_at: startedAt,
      ended_at: endedAt,
      duration_seconds: seconds(startedAt, endedAt),
      reason: null,
      client_ip: null,
      server_ip: null,
      session_identifier: null,
      end_cause: null,
      outcome: endedAt === null ? 'open' : 'ended',
    };
  }
  const message = row.message;
  const at = isoOrNull(message?.at) ?? serverTimeToIso(row.createDate);
  // The tripwire's entry ends the session it names, as 'tampered'.
  const isEnd = message?.event === 'end' || message?.event === 'tampered';
  return {
    kind: row.kind,
    server_id: row.serverId,
    write_date: row.writeDate,
    create_date: row.createDate,
    admin_user_id: row.adminUserId,
    target_user_id: row.targetUserId,
    target_partner_id: row.targetPartnerId,
    date_start: row.dateStart,
    date_end: row.dateEnd,
    raw,
    // Display names, as every source shows them; the logins sit beside them.
    admin: message?.admin.name ?? row.adminName ?? message?.admin.login ?? null,
    target: message?.target.name ?? row.targetName ?? message?.target.login ?? null,
    admin_login: message?.admin.login ?? row.adminLogin ?? null,
    target_login: message?.target.login ?? row.targetLogin ?? null,
    event: message?.event ?? null,
    impersonate_log_id: message?.impersonateLogId ?? null,
    // A start entry written beside the verification names the mark; mirror-links.ts finds its row.
    impersonate_log_after: message?.impersonateLogAfter ?? null,
    // The console writes one entry at the start and one at the end of a session.
    started_at: isEnd ? null : at,
    ended_at: isEnd ? at : null,
    duration_seconds: null,
    reason: message?.reason ?? null,
    client_ip: message?.clientIp ?? null,
    server_ip: message?.serverIp ?? null,
    session_identifier: message?.sessionIdentifier?.slice(0, SESSION_IDENTIFIER_LENGTH) ?? null,
    end_cause: message?.endCause ?? (message?.event === 'tampered' ? 'tampered' : null),
    outcome: isEnd ? 'ended' : 'started',
  };
}

/**
 * The logins the console reads from res.users beside a row (impersonate.log names users
 * by display name only): not the server record's content, so a login changed, or read
 * for the first time after an upgrade, is not an edit of that record.
 */
const RESOLVED = new Set(['adminLogin', 'targetLogin']);

/** The top-level fields whose values differ between two canonical encodings. */
export function changedFields(before: string, after: string): string[] {
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => canonicalJson(a[key]) !== canonicalJson(b[key])).sort();
}

/** The fields of the server's own record that differ (the logins read beside it aside). */
export function changedContent(before: string, after: string): string[] {
  return changedFields(before, after).filter((field) => !RESOLVED.has(field));
}
