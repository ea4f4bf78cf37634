// Requests by which the embedded page itself would end or switch the server
// session it runs on (AZ-5, AZ-2, AU-1). The console alone may do that, through
// its stop sequence, so that the end is audited with its cause (AU-4) and the
// server's log row is closed. Decided on what Odoo acts on, never on raw text:
// the path as the server routes it (odoo-path.ts) and the body as the server
// parses it (rpc-body.ts). On a guarded route, a request is refused unless it is
// understood and harmless: a missing, unreadable, non-JSON or unexpected body
// refuses (deny by default).
//
// Odoo facts (docs/odoo.md): logout and destroy leave the module's log row open;
// `back_to_origin_login` turns the view's cookie back into the admin's session, from
// which the Odoo UI could impersonate anyone outside the console's rules;
// `/web/session/authenticate` and POST `/web/login` rotate the cookie and keep
// `impersonate_from_uid`; the `call_kw` URL suffix is decoration (model and method
// come from the body); Odoo 19's `/json/2/<model>/<method>` runs any method on the
// session cookie when the request is a top-level form navigation, even body-less.
import { routedPathForms } from './odoo-path';
import { readRpcBody, stringParam, type RpcBody } from './rpc-body';
import type { ViewRequest } from './view-request';

/** Model methods the page may never call, on any model (the module's, and what opens its switch list). */
const FORBIDDEN_METHODS = new Set([
  'impersonate_login',
  'back_to_origin_login',
  'action_impersonate_login',
  // They would end the view's own session behind the console's back (revoking its
  // device, or a password change that expires every session of the user).
  'action_revoke_all_devices',
  'change_password',
]);
/** Methods forbidden on one model only (a generic name elsewhere). */
const FORBIDDEN_MODEL_METHODS = new Set(['res.device.revoke', 'res.device.log.revoke']);

/** Session routes the web client itself calls, read-only, with a JSON body. */
const READ_ONLY_SESSION_ROUTES = new Set(['/web/session/get_session_info', '/web/session/check']);

type Route =
  | { kind: 'model-call' } // call_kw, call_button: model and method in the body
  | { kind: 'session' } // /web/session/*
  | { kind: 'refused' } // never from the view, whatever the body
  | { kind: 'open' }; // not guarded

function classify(path: string, method: string): Route {
  const p = path.toLowerCase(); // Odoo routes case-sensitively; refusing other cases too costs nothing
  const post = method.toUpperCase() !== 'GET' && method.toUpperCase() !== 'HEAD';
  if (p.startsWith('/web/dataset/call_kw') || p.startsWith('/web/dataset/call_button')) return { kind: 'model-call' };
  if (p.startsWith('/web/session')) return { kind: 'session' };
  // Odoo 19's JSON-2 API: model and method are in the path, and a body-less form acts.
  if (p.startsWith('/json/2')) return { kind: 'refused' };
  // Log in again (and its TOTP step), or sign up / reset a password, which log in too.
  if (post && (p.startsWith('/web/login') || p.startsWith('/web/signup') || p.startsWith('/web/reset_password'))) {
    return { kind: 'refused' };
  }
  // Superuser mode for a system user; importing a module logs in; the database manager.
  if (p.startsWith('/web/become') || p.startsWith('/base_import_module/login') || p.startsWith('/web/database')) {
    return { kind: 'refused' };
  }
  return { kind: 'open' };
}

/**
 * True when `request` (on the connection's host) would, or might, end or switch the
 * server session the view runs on.
 */
export function switchesServerSession(request: Pick<ViewRequest, 'url' | 'method' | 'body'>): boolean {
  const paths = routedPathForms(request.url);
  if (paths === null) return true; // a URL we cannot read is not one we let through
  const routes = paths.map((path) => ({ path, route: classify(path, request.method) }));
  const guarded = routes.filter(({ route }) => route.kind !== 'open');
  if (guarded.length === 0) return false;
  const body = readRpcBody(request.body);
  return guarded.some(({ path, route }) => refusedOnRoute(path, route, body));
}

function refusedOnRoute(path: string, route: Route, body: RpcBody): boolean {
  if (route.kind === 'refused') return true;
  if (body.kind !== 'rpc') return true; // missing, unreadable, not JSON, not an envelope
  if (route.kind === 'session') return !READ_ONLY_SESSION_ROUTES.has(path);
  const model = stringParam(body.params, 'model');
  const method = stringParam(body.params, 'method');
  if (model === null || method === null) return true; // not understood
  // The URL's suffix is decoration to Odoo, but the web client always names the
  // call there: a suffix naming a forbidden call is refused whatever the body says.
  return forbidden(model, method) || suffixNamesForbiddenCall(path);
}

function forbidden(model: string, method: string): boolean {
  return FORBIDDEN_METHODS.has(method) || FORBIDDEN_MODEL_METHODS.has(`${model}.${method}`);
}

function suffixNamesForbiddenCall(path: string): boolean {
  const [model = '', method = ''] = path.split('/').slice(4);
  return forbidden(model, method);
}
