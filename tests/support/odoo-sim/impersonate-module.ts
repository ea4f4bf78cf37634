// The OCA impersonate_login module as docs/odoo.md observed it: a group member may
// switch the session to any user (administrators, archived users, portal users,
// id 1 included), "It's you." and "already Logged" are the only refusals, a caller
// outside the group gets a bare envelope, and only back_to_origin_login closes the
// impersonate.log row.
import type { CallContext } from './call-context';
import { ids } from './orm';
import { NO_RESULT, SimRpcError, missingError, userError, valueError, type RpcResult } from './rpc-error';

const RELOAD = { type: 'ir.actions.client', tag: 'reload', params: {} };

export function impersonateLogin(ctx: CallContext, args: unknown[]): RpcResult {
  const { db, session } = ctx;
  const targets = ids(args[0]);
  // An empty id list reaches the database as broken SQL.
  if (targets.length === 0) throw new SimRpcError('psycopg2.errors.SyntaxError', 'syntax error at or near ")"');
  if (targets.length > 1) throw valueError(`Expected singleton: res.users(${targets.join(', ')})`);
  const targetId = targets[0] as number;
  const target = db.user(targetId);
  if (target === undefined) {
    throw missingError(`Record does not exist or has been deleted.\n(Record: res.users(${targetId},), User: ${ctx.uid})`);
  }
  if (session.impersonateFromUid) throw userError('You are already Logged as another user.');
  if (targetId === ctx.uid) throw userError("It's you.");
  // Not in the group: the method returns nothing, so Odoo leaves `result` out.
  if (!db.isImpersonator(ctx.uid)) return NO_RESULT;

  const now = db.now();
  db.table('impersonate.log').insert({
    user_id: ctx.uid,
    impersonated_partner_id: target.partner_id,
    date_start: now,
    date_end: false,
    create_date: now,
    write_date: now,
  });
  session.impersonateFromUid = ctx.uid;
  session.uid = targetId;
  return RELOAD;
}

export function backToOriginLogin(ctx: CallContext): RpcResult {
  const { db, session } = ctx;
  const origin = session.impersonateFromUid;
  if (!origin) return NO_RESULT;
  const log = db.table('impersonate.log');
  const open = log.search([['user_id', '=', origin], ['date_end', '=', false]], { order: 'id desc', limit: 1 })[0];
  const now = db.now();
  if (open) log.update(open.id, { date_end: now, write_date: now });
  session.uid = origin;
  session.impersonateFromUid = false;
  return RELOAD;
}

export function hasGroup(ctx: CallContext, args: unknown[]): boolean {
  const users = ids(args[0]);
  if (users.length !== 1) throw valueError(`Expected singleton: res.users(${users.join(', ')})`);
  const xmlid = String(args[1]);
  const [module, name] = xmlid.split('.');
  const group = ctx.db.table('ir.model.data').search([['module', '=', module], ['name', '=', name]])[0];
  return group !== undefined && ctx.db.inGroup(ctx.db.user(users[0] as number), group.res_id as number);
}
