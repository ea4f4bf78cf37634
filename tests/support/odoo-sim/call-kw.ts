// POST /web/dataset/call_kw[/<model>/<method>]: dispatch to the module's
// methods, the identity-checked ones (res.device revoke, revoking trusted devices),
// the identity check itself, system parameters, message_post, or the generic ORM.
import { checkAccess } from './access';
import type { CallContext } from './call-context';
import { getParam, setParam } from './config-params';
import { identityChecked, isIdentityChecked, runIdentityCheck, writeIdentityCheck } from './identity-check';
import { backToOriginLogin, hasGroup, impersonateLogin } from './impersonate-module';
import { ids, ormMethod } from './orm';
import { NO_RESULT, SimRpcError, accessError, keyError, notFound, type RpcResult } from './rpc-error';

export interface CallKwParams {
  model?: unknown;
  method?: unknown;
  args?: unknown;
  kwargs?: unknown;
}

export async function callKw(ctx: CallContext, params: CallKwParams): Promise<RpcResult> {
  const { db } = ctx;
  if (typeof params.model !== 'string') throw keyError('model');
  if (typeof params.method !== 'string') throw keyError('method');
  const model = params.model;
  const method = params.method;
  const args = Array.isArray(params.args) ? (params.args as unknown[]) : [];
  const kwargs = (typeof params.kwargs === 'object' && params.kwargs !== null ? params.kwargs : {}) as Record<string, unknown>;
  if (method.startsWith('_')) throw accessError(`Private methods (such as '${model}.${method}') cannot be called remotely.`);
  if (!db.has(model)) {
    // An unknown model: 17 answers KeyError, 18 and 19 NotFound before reading the call (docs/odoo.md, Transport).
    if (!db.profile.unknownModelNotFound) throw keyError(model);
    const error = notFound();
    error.beforeBody = true;
    throw error;
  }
  // A portal session may call nothing on the back-end: this is what traps a portal impersonation.
  if (!db.isInternal(ctx.uid)) throw accessError(`You are not allowed to access '${model}' (${model}) records.`);
  if (model === 'res.device') db.refreshDevices();

  const special = specialMethod(ctx, model, method, args, kwargs);
  if (special !== undefined) return special;
  const result = ormMethod(ctx, db.table(model), method, args, kwargs);
  if (result === NO_RESULT) throw new SimRpcError('builtins.AttributeError', `The method '${method}' does not exist on the model '${model}'`);
  return result;
}

function specialMethod(
  ctx: CallContext,
  model: string,
  method: string,
  args: unknown[],
  kwargs: Record<string, unknown>,
): RpcResult | Promise<RpcResult> | undefined {
  const key = `${model}.${method}`;
  const module = ctx.db.options.moduleInstalled;
  if (module && key === 'res.users.impersonate_login') return impersonateLogin(ctx, args);
  if (module && key === 'res.users.back_to_origin_login') return backToOriginLogin(ctx);
  if (key === 'res.users.has_group') return hasGroup(ctx, args);
  if (isIdentityChecked(key)) return identityChecked(ctx, key, args);
  if (key === 'res.users.identitycheck.run_check') return runIdentityCheck(ctx, args, kwargs);
  if (key === 'res.users.identitycheck.write') return writeIdentityCheck(ctx, args);
  if (key === 'ir.config_parameter.get_param') {
    checkAccess(ctx.db, ctx.uid, 'ir.config_parameter', 'read');
    return getParam(ctx.db, String(args[0]), args[1] ?? false);
  }
  if (key === 'ir.config_parameter.set_param') {
    checkAccess(ctx.db, ctx.uid, 'ir.config_parameter', 'write');
    return setParam(ctx.db, ctx.uid, String(args[0]), args[1]);
  }
  if (key === 'res.partner.message_post') {
    const partnerId = ids(args[0])[0];
    const author = ctx.db.user(ctx.session.impersonateFromUid || ctx.uid)?.partner_id ?? false;
    return ctx.db.table('mail.message').insert({ model, res_id: partnerId, body: String(kwargs.body ?? ''), author_id: author }).id;
  }
  return undefined;
}
