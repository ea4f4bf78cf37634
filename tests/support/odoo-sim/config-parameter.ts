// ir.config_parameter as far as the console reads it (docs/odoo.md, Server identity):
// `get_param('database.uuid')`, the database's own identity, which a Settings
// administrator may read and anyone else gets an AccessError for. Each simulated
// database gets its own uuid when it is first asked.
import { randomUUID } from 'node:crypto';
import type { CallContext } from './call-context';
import type { SimDatabase } from './models';
import { accessError, type RpcResult } from './rpc-error';

const uuids = new WeakMap<SimDatabase, string>();

export function databaseUuid(db: SimDatabase): string {
  let uuid = uuids.get(db);
  if (!uuid) {
    uuid = randomUUID();
    uuids.set(db, uuid);
  }
  return uuid;
}

export function getParam(ctx: CallContext, args: unknown[]): RpcResult {
  if (!ctx.db.isSystem(ctx.uid)) {
    throw accessError("You are not allowed to access 'System Parameter' (ir.config_parameter) records.");
  }
  return args[0] === 'database.uuid' ? databaseUuid(ctx.db) : false;
}
