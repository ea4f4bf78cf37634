// POST /web/dataset/call_kw[/<model>/<method>]: dispatch to the module's
// methods, res.device revoke, the identity check, message_post, or the generic ORM.
import type { CallContext } from './call-context';
import { getParam } from './config-parameter';
import { revokeDevices, runIdentityCheck } from './device-module';
import { backToOriginLogin, hasGroup, impersonateLogin } from './impersonate-module';
import { ids, ormMethod } from './orm';
import { NO_RESULT, SimRpcError, accessError, type RpcResult } from './rpc-error';

export interface CallKwParams {
  model?: unknown;
  method?: unknown;
  args?: unknown;
  kwargs?: unknown;
}

export async function callKw(ctx: CallContext, params: CallKwParams): Promise<RpcResult> {
  const { db } = ctx;
  if (typeof params.model !== 'string') throw new SimRpcError('builtins.KeyError', 'model');
  if (typeof params.method !== 'string') throw new SimRpcError('builtins.KeyError', 'method');
  const model = params.model;
  const method = params.method;
  const args = Array.isArray(params.args) ? (params.args as unknown[]) : [];
  const kwargs = (typeof params.kwargs === 'object' && params.kwargs !== null ? params.kwargs : {}) as Record<string, unknown>;
  if (method.startsWith('_')) throw accessError(`Private methods (such as ${model}.${method}) cannot be called remotely.`);
  if (model === 'ir.config_parameter' && method === 'get_param') return getParam(ctx, args);
  if (!db.has(model)) throw new SimRpcError('builtins.KeyError', model);
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
  if (key === 'res.device.revoke') return revokeDevices(ctx, args);
  if (key === 'res.users.identitycheck.run_check') return runIdentityCheck(ctx, args);
  if (key === 'res.partner.message_post') {
    const partnerId = ids(args[0])[0];
    const author = ctx.db.user(ctx.session.impersonateFromUid || ctx.uid)?.partner_id ?? false;
    return ctx.db.table('mail.message').insert({ model, res_id: partnerId, body: String(kwargs.body ?? ''), author_id: author }).id;
  }
  return undefined;
}
