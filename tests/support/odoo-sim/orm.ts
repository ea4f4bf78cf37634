// The generic ORM methods the console calls through call_kw: search_read,
// search_count, search, read, web_search_read, create, write, unlink.
import { checkAccess } from './access';
import type { CallContext } from './call-context';
import { NO_RESULT, missingError, valueError, type RpcResult } from './rpc-error';
import type { SimRecord, Table } from './table';

interface Kwargs {
  fields?: string[];
  offset?: number;
  limit?: number | null;
  order?: string | null;
  domain?: unknown;
  specification?: Record<string, unknown>;
  count_limit?: number | null;
  context?: { active_test?: boolean };
}

export function ormMethod(ctx: CallContext, table: Table, method: string, args: unknown[], kwargs: Kwargs): RpcResult {
  const { db, uid } = ctx;
  const activeTest = kwargs.context?.active_test !== false;
  const visible = (records: SimRecord[]) => records.filter((r) => ctx.canSee(table.model, r));
  switch (method) {
    case 'search_read': {
      checkAccess(db, uid, table.model, 'read');
      const records = visible(table.search(args[0] ?? kwargs.domain ?? [], { ...kwargs, activeTest }));
      return records.map((r) => table.render(r, (args[1] as string[] | undefined) ?? kwargs.fields ?? null, db.nameOf));
    }
    case 'search_count':
      checkAccess(db, uid, table.model, 'read');
      return visible(table.search(args[0] ?? kwargs.domain ?? [], { activeTest })).length;
    case 'search':
      checkAccess(db, uid, table.model, 'read');
      return visible(table.search(args[0] ?? kwargs.domain ?? [], { ...kwargs, activeTest })).map((r) => r.id);
    case 'read': {
      checkAccess(db, uid, table.model, 'read');
      return ids(args[0]).map((id) => table.render(existing(table, id), (args[1] as string[] | undefined) ?? kwargs.fields ?? null, db.nameOf));
    }
    case 'web_search_read':
      checkAccess(db, uid, table.model, 'read');
      return webSearchRead(ctx, table, kwargs, activeTest);
    case 'create': {
      checkAccess(db, uid, table.model, 'create');
      const many = Array.isArray(args[0]);
      const list = (many ? args[0] : [args[0]]) as Record<string, unknown>[];
      const created = list.map((values) => {
        table.checkFields(values);
        const now = db.now();
        const stamps = 'write_date' in table.fields ? { create_date: now, write_date: now, create_uid: uid, write_uid: uid } : {};
        return table.insert({ ...values, ...stamps }).id;
      });
      // One dict answers one id, a list answers a list (docs/odoo.md: create over RPC).
      return many ? created : created[0];
    }
    case 'write': {
      checkAccess(db, uid, table.model, 'write');
      const values = (args[1] ?? {}) as Record<string, unknown>;
      table.checkFields(values);
      for (const id of ids(args[0])) {
        existing(table, id);
        table.update(id, 'write_date' in table.fields ? { ...values, write_date: db.now(), write_uid: uid } : values);
      }
      return true;
    }
    case 'unlink':
      checkAccess(db, uid, table.model, 'unlink');
      for (const id of ids(args[0])) table.delete(id);
      return true;
    default:
      return NO_RESULT;
  }
}

function webSearchRead(ctx: CallContext, table: Table, kwargs: Kwargs, activeTest: boolean): RpcResult {
  const domain = kwargs.domain ?? [];
  const offset = kwargs.offset ?? 0;
  const limit = kwargs.limit ?? null;
  const records = table.search(domain, { offset, limit, order: kwargs.order, activeTest }).filter((r) => ctx.canSee(table.model, r));
  const spec = kwargs.specification ?? {};
  const rendered = records.map((r) => table.renderSpec(r, spec, ctx.db.nameOf));
  // Odoo's _format_web_search_read_results: no records gives length 0, even past the end.
  if (rendered.length === 0) return { length: 0, records: [] };
  const current = rendered.length + offset;
  const countLimit = kwargs.count_limit ?? null;
  const limitReached = limit !== null && rendered.length === limit;
  const countLimitReached = countLimit !== null && countLimit <= current;
  const length =
    limit !== null && limitReached && !countLimitReached
      ? Math.min(table.count(domain, activeTest, kwargs.order), countLimit ?? Infinity)
      : current;
  return { length, records: rendered };
}

export function ids(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number')) throw valueError(`Invalid ids ${JSON.stringify(value)}`);
  return value as number[];
}

function existing(table: Table, id: number): SimRecord {
  const record = table.rows.get(id);
  if (!record) throw missingError(`Record does not exist or has been deleted.\n(Record: ${table.model}(${id},))`);
  return record;
}
