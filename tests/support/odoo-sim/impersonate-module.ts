// The OCA impersonate_login module as docs/odoo.md observed it: a group member may
// switch the session to any user (administrators, archived users, portal users,
// id 1 included), "It's you." and "already Logged" are the only refusals, a caller
// outside the group gets a bare envelope, and only back_to_origin_login closes the
// impersonate.log row — the one this session opened. Both answer the client's
// reload action, back_to_origin_login also when there was nothing to go back from.
// And res.users.has_group, whose signature changed in 18.
import type { CallContext } from './call-context';
import { ids } from './orm';
import { NO_RESULT, SimRpcError, missingError, typeError, userError, valueError, type RpcResult } from './rpc-error';

/** The first root menu's id differs per database; the key is what the protocol shows. */
const reload = () => ({ type: 'ir.actions.client', tag: 'reload', params: { menu_id: 1 } });

export function impersonateLogin(ctx: CallContext, args: unknown[]): RpcResult {
  const { db, session } = ctx;
  const targets = ids(args[0]);
  // An empty id list reaches the database as broken SQL.
  if (targets.length === 0) throw new SimRpcError('psycopg2.errors.SyntaxError', 'syntax error at or near ")"');
  if (targets.length > 1) throw valueError(`Expected singleton: res.users(${targets.join(', ')})`);
  const targetId = targets[0] as number;
  if (session.impersonateFromUid) {
    if (targetId === session.impersonateFromUid) return backToOriginLogin(ctx);
    throw userError('You are already Logged as another user.');
  }
  if (targetId === ctx.uid) throw userError("It's you.");
  // Not in the group: the method returns nothing, so Odoo leaves `result` out.
  if (!db.isImpersonator(ctx.uid)) return NO_RESULT;
  const target = db.user(targetId);
  if (target === undefined) {
    throw missingError(`Record does not exist or has been deleted.\n(Record: res.users(${targetId},), User: ${ctx.uid})`);
  }

  const now = db.now();
  const row = db.table('impersonate.log').insert({
    user_id: ctx.uid,
    impersonated_partner_id: target.partner_id,
    date_start: db.profile.moduleDatesInSeconds ? db.nowSeconds() : now,
    date_end: false,
    create_date: now,
    write_date: now,
  });
  session.impersonateFromUid = ctx.uid;
  session.impersonateLogId = row.id;
  session.uid = targetId;
  session.dirty = true;
  return reload();
}

export function backToOriginLogin(ctx: CallContext): RpcResult {
  const { db, session } = ctx;
  const origin = session.impersonateFromUid;
  if (origin) {
    const log = db.table('impersonate.log');
    const now = db.now();
    if (session.impersonateLogId !== false && log.rows.has(session.impersonateLogId)) {
      log.update(session.impersonateLogId, { date_end: db.profile.moduleDatesInSeconds ? db.nowSeconds() : now, write_date: now });
    }
    session.uid = origin;
    session.impersonateFromUid = false;
    session.impersonateLogId = false;
    session.dirty = true;
  }
  return reload();
}

/**
 * 17: `@api.model has_group(xmlid)`, for the caller only; 18, 19: a record method on
 * exactly one user (docs/odoo.md, Users).
 */
export function hasGroup(ctx: CallContext, args: unknown[]): boolean {
  const onModel = ctx.db.profile.hasGroupOnModel;
  if (onModel && args.length !== 1) throw typeError(`Users.has_group() takes 2 positional arguments but ${args.length + 1} were given`);
  if (!onModel && args.length !== 2) throw typeError("Users.has_group() missing 1 required positional argument: 'group_ext_id'");
  const users = onModel ? [ctx.uid] : ids(args[0]);
  if (users.length !== 1) throw valueError(`Expected singleton: res.users(${users.join(', ')})`);
  const xmlid = String(onModel ? args[0] : args[1]);
  const [module, name] = xmlid.split('.');
  const group = ctx.db.table('ir.model.data').search([['module', '=', module], ['name', '=', name]])[0];
  return group !== undefined && ctx.db.inGroup(ctx.db.user(users[0] as number), group.res_id as number);
}
