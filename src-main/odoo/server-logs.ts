// The server's audit records: the console's own ir.logging entries (written
// here) and impersonate.log rows, read for the mirror sync by window (SY-1):
// `write_date >= since` with a whole-second literal — the one comparison every
// version reads alike — and `id > afterId`, in id order (docs/odoo.md, The
// server's own audit records). impersonate.log names the target's partner, so
// the user is resolved with one more query.
import { z } from 'zod';
import {
  CONSOLE_CHANGES_LOG_NAME,
  CONSOLE_LOG_NAME,
  type ConsoleLogMessage,
  type ServerLogWindow,
  type ServerLogKind,
  type ServerLogPage,
  type ServerLogRow,
} from '../core';
import { SESSION_IDENTIFIER_LENGTH } from '../../src-preload/limits';
import { OdooError } from './odoo-error';
import { orNull, resultOf, type RpcChannel } from './rpc-channel';

const OdooDate = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
const Many2one = z.union([z.object({ id: z.number().int(), display_name: z.union([z.string(), z.literal(false)]) }), z.literal(false)]);

const ImpersonateLogRecord = z.object({
  id: z.number().int(),
  user_id: Many2one,
  impersonated_partner_id: Many2one,
  date_start: z.union([OdooDate, z.literal(false)]),
  date_end: z.union([OdooDate, z.literal(false)]),
  create_date: OdooDate,
  write_date: OdooDate,
});
const ConsoleLogRecord = z.object({
  id: z.number().int(),
  message: z.union([z.string(), z.literal(false)]),
  create_date: OdooDate,
  write_date: OdooDate,
});
const PageOf = <T extends z.ZodType>(record: T) => z.object({ length: z.number().int().min(0), records: z.array(record) });
// search_read gives a many2one as [id, name].
const Users = z.array(
  z.object({ id: z.number().int(), name: z.string(), login: z.string(), partner_id: z.union([z.tuple([z.number().int(), z.string()]), z.literal(false)]) }),
);

const ConsoleLogMessageSchema = z.object({
  event: z.enum(['start', 'end', 'tampered']),
  app: z.string(),
  appVersion: z.string(),
  host: z.string(),
  admin: z.object({ uid: z.number().int(), login: z.string(), name: z.string().optional() }),
  target: z.object({ id: z.number().int(), login: z.string(), name: z.string() }),
  reason: z.string(),
  sessionIdentifier: z.string(),
  clientIp: z.string().nullable(),
  serverIp: z.string().nullable(),
  at: z.string(),
  endCause: z.string().optional(),
  detail: z.string().optional(),
  impersonateLogId: z.number().int().nullable().optional(),
  impersonateLogCandidates: z.array(z.number().int()).max(20).optional(),
  impersonateLogAfter: z.number().int().nonnegative().optional(),
}) satisfies z.ZodType<ConsoleLogMessage>;

function inWindow(window: ServerLogWindow): unknown[] {
  if (window.since !== null && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(window.since)) {
    throw new OdooError('verification-failed', { problem: 'sync-window' }); // a fraction would mean different things per version
  }
  return [...(window.since === null ? [] : [['write_date', '>=', window.since]]), ['id', '>', window.afterId]];
}

// Ids, not write_dates: Odoo sorts write_date by microseconds it never answers, and
// neither order follows commits (docs/odoo.md).
const ORDER = 'id asc';

export async function writeConsoleEntry(admin: RpcChannel, database: string, message: ConsoleLogMessage): Promise<number> {
  // SS-10: only the 42-character identifier may reach the server's log, never a full session id.
  if (message.sessionIdentifier.length > SESSION_IDENTIFIER_LENGTH) {
    throw new OdooError('verification-failed', { problem: 'session-identifier' });
  }
  // "Allow changes" is neither a start nor an end: under a name of its own, the mirror never takes it for one.
  const name = message.event === 'changes-allowed' ? CONSOLE_CHANGES_LOG_NAME : CONSOLE_LOG_NAME;
  const answer = await admin.callKw('ir.logging', 'create', [
    {
      name,
      type: 'client',
      dbname: database,
      level: message.event === 'tampered' || message.event === 'changes-allowed' ? 'WARNING' : 'INFO',
      message: JSON.stringify(message),
      path: name,
      func: message.event,
      line: '0',
    },
  ]);
  // create answers one id for one dict (a list of ids for a list).
  const created = resultOf(answer, z.union([z.number().int(), z.array(z.number().int()).length(1)]), 'created-id');
  return Array.isArray(created) ? (created[0] as number) : created;
}

export async function readLogs(admin: RpcChannel, kind: ServerLogKind, window: ServerLogWindow, limit: number): Promise<ServerLogPage> {
  return kind === 'impersonate' ? readImpersonateLog(admin, window, limit) : readConsoleLog(admin, window, limit);
}

async function readConsoleLog(admin: RpcChannel, window: ServerLogWindow, limit: number): Promise<ServerLogPage> {
  const answer = await admin.callKw('ir.logging', 'web_search_read', [], {
    domain: [['name', '=', CONSOLE_LOG_NAME], ...inWindow(window)],
    specification: { message: {}, create_date: {}, write_date: {} },
    limit,
    order: ORDER,
  });
  const page = resultOf(answer, PageOf(ConsoleLogRecord), 'console-log');
  const messages = page.records.map((record) => parseMessage(record.message));
  // Entries written before the message named the admin: their display name from res.users.
  const unnamed = messages.flatMap((message) => (message && message.admin.name === undefined ? [message.admin.uid] : []));
  const users = await readUsers(admin, { ids: unnamed, partnerIds: [] });
  const rows = page.records.map((record, index): ServerLogRow => {
    const message = messages[index] ?? null;
    return {
      kind: 'console',
      serverId: record.id,
      writeDate: record.write_date,
      createDate: record.create_date,
      adminUserId: message?.admin.uid ?? null,
      adminName: message ? (message.admin.name ?? users.byId.get(message.admin.uid)?.name ?? null) : null,
      adminLogin: message?.admin.login ?? null,
      targetUserId: message?.target.id ?? null,
      targetName: message?.target.name ?? null,
      targetLogin: message?.target.login ?? null,
      targetPartnerId: null,
      dateStart: null,
      dateEnd: null,
      message,
    };
  });
  return { rows, total: page.length };
}

async function readImpersonateLog(admin: RpcChannel, window: ServerLogWindow, limit: number): Promise<ServerLogPage> {
  const named = { fields: { display_name: {} } };
  const answer = await admin.callKw('impersonate.log', 'web_search_read', [], {
    domain: inWindow(window),
    specification: { user_id: named, impersonated_partner_id: named, date_start: {}, date_end: {}, create_date: {}, write_date: {} },
    limit,
    order: ORDER,
  });
  const page = resultOf(answer, PageOf(ImpersonateLogRecord), 'impersonate-log');
  // The row names the impersonator's user and the target's partner: both users' logins and
  // names from res.users, so that every source shows people the same way.
  const users = await readUsers(admin, {
    ids: page.records.flatMap((r) => (r.user_id ? [r.user_id.id] : [])),
    partnerIds: page.records.flatMap((r) => (r.impersonated_partner_id ? [r.impersonated_partner_id.id] : [])),
  });
  const rows = page.records.map((record): ServerLogRow => {
    const partner = record.impersonated_partner_id || null;
    const target = partner ? users.byPartner.get(partner.id) : undefined;
    const impersonator = record.user_id ? users.byId.get(record.user_id.id) : undefined;
    return {
      kind: 'impersonate',
      serverId: record.id,
      writeDate: record.write_date,
      createDate: record.create_date,
      adminUserId: record.user_id ? record.user_id.id : null,
      adminName: impersonator?.name ?? (record.user_id ? orNull(record.user_id.display_name) : null),
      adminLogin: impersonator?.login ?? null,
      targetUserId: target?.id ?? null,
      targetName: target?.name ?? (partner ? orNull(partner.display_name) : null),
      targetLogin: target?.login ?? null,
      targetPartnerId: partner?.id ?? null,
      dateStart: orNull(record.date_start),
      dateEnd: orNull(record.date_end),
      message: null,
    };
  });
  return { rows, total: page.length };
}

interface UserFacts {
  id: number;
  name: string;
  login: string;
}

/** Users by id and by partner (archived ones too), in one query; nothing asked for nothing. */
async function readUsers(
  admin: RpcChannel,
  wanted: { ids: number[]; partnerIds: number[] },
): Promise<{ byId: Map<number, UserFacts>; byPartner: Map<number, UserFacts> }> {
  const byId = new Map<number, UserFacts>();
  const byPartner = new Map<number, UserFacts>();
  const ids = [...new Set(wanted.ids)];
  const partnerIds = [...new Set(wanted.partnerIds)];
  if (ids.length === 0 && partnerIds.length === 0) return { byId, byPartner };
  const domain =
    ids.length > 0 && partnerIds.length > 0
      ? ['|', ['id', 'in', ids], ['partner_id', 'in', partnerIds]]
      : ids.length > 0
        ? [['id', 'in', ids]]
        : [['partner_id', 'in', partnerIds]];
  const answer = await admin.callKw('res.users', 'search_read', [domain], {
    fields: ['id', 'name', 'login', 'partner_id'],
    context: { active_test: false },
  });
  for (const user of resultOf(answer, Users, 'users')) {
    const facts = { id: user.id, name: user.name, login: user.login };
    byId.set(user.id, facts);
    if (user.partner_id) byPartner.set(user.partner_id[0], facts);
  }
  return { byId, byPartner };
}

function parseMessage(text: string | false): ConsoleLogMessage | null {
  if (text === false) return null;
  try {
    const parsed = ConsoleLogMessageSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
