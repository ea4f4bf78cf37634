// What one request of the impersonation view reaches on the Odoo server, read the
// way Odoo routes and parses it (odoo-path.ts, rpc-body.ts): a model method
// (call_kw), a button (call_button), an action, one of the web client's JSON
// routes, an upload or other form post, the bus, its plumbing, or a plain resource
// (pages, assets, images). Both the read-only allowlist (read-only-allowlist.ts)
// and the session's timeline decide on this one description.
//
// It keeps identifiers only, never values (issue 17): a model and method name when
// they look like Odoo identifiers, the record ids of the call (`args[0]` of a model
// call, the thread, channel, message or attachment id of a route) — at most
// MAX_CALL_IDS — and an action's id or XML id. Never args, kwargs, a domain, a
// context, field values, message bodies or file contents: a search domain carries
// what the admin typed.
import { routedPathForms } from './odoo-path';
import { readRpcBody, stringParam, type RpcBody } from './rpc-body';
import type { ViewRequest } from './view-request';

export const MAX_CALL_IDS = 20;
/** A path longer than this is cut: routes the web client calls are far shorter. */
export const MAX_ROUTE_LENGTH = 120;

export type ViewCallKind =
  /** POST /web/dataset/call_kw: a model method. */
  | 'model-method'
  /** POST /web/dataset/call_button: a button on a record. */
  | 'button'
  /** /web/action/*: loading (or running) an action. */
  | 'action'
  /** Another JSON-RPC route (mail, discuss, bus, web): `route` names it. */
  | 'route'
  /** A POST whose body is not JSON-RPC: an upload, a form post (the body is never read further). */
  | 'form'
  /** The bus's websocket handshake. */
  | 'bus'
  /** The web client's own housekeeping: who am I, which version, is my session alive. */
  | 'plumbing'
  /** A GET or HEAD of a page, an asset, an image, a bundle. */
  | 'resource';

export interface ViewCall {
  readonly kind: ViewCallKind;
  /** The path as Odoo routes it, without query (cut at MAX_ROUTE_LENGTH). */
  readonly route: string;
  /** The model, when it is named in the call and looks like an Odoo model name. */
  readonly model: string | null;
  readonly method: string | null;
  /** Record ids the call names, at most MAX_CALL_IDS. */
  readonly ids: readonly number[];
  /** How many ids the call named in all (more than `ids.length` when cut). */
  readonly idCount: number;
  /** An action's id or XML id (action loads). */
  readonly action: string | null;
}

const MODEL_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
const METHOD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const XML_ID = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)?$/;
const MAX_NAME = 64;

/** Routes of the web client's housekeeping (session, version): never data, never recorded unless refused. */
const PLUMBING = new Set([
  '/web/session/get_session_info',
  '/web/session/check',
  '/web/session/modules',
  '/web/session/account',
  '/web/webclient/version_info',
  '/web/webclient/bootstrap_translations',
]);

/** Parameters of the mail and discuss routes that name a record. */
const ROUTE_ID_PARAMS = ['thread_id', 'channel_id', 'message_id', 'attachment_id', 'res_id'] as const;

/** The model a mail or discuss route acts on when its parameters do not name one. */
const ROUTE_MODELS: ReadonlyArray<[string, string]> = [
  ['/discuss/channel/', 'discuss.channel'],
  ['/mail/message/', 'mail.message'],
  ['/mail/attachment/', 'ir.attachment'],
];

/** The request as the timeline names it: on the path as Odoo routes it. */
export function describeViewCall(request: Pick<ViewRequest, 'url' | 'method' | 'body'>): ViewCall {
  return describeViewCallForms(request)[0]!;
}

/**
 * The request on every form its path may be routed as (odoo-path.ts: also with dot
 * segments resolved, as a proxy in front of Odoo might): a rule that allows it must
 * allow each of them.
 */
export function describeViewCallForms(request: Pick<ViewRequest, 'url' | 'method' | 'body'>): ViewCall[] {
  const forms = routedPathForms(request.url) ?? ['?'];
  return forms.map((form) => describeOn(cut(form), request));
}

function describeOn(route: string, request: Pick<ViewRequest, 'method' | 'body'>): ViewCall {
  const verb = request.method.toUpperCase();
  if (verb === 'GET' || verb === 'HEAD') return bare(route === '/websocket' ? 'bus' : 'resource', route);
  const body = readRpcBody(request.body);
  if (route.startsWith('/web/dataset/call_kw')) return modelCall('model-method', route, body);
  if (route.startsWith('/web/dataset/call_button')) return modelCall('button', route, body);
  if (body.kind !== 'rpc') return bare('form', route);
  if (route.startsWith('/web/action/')) return actionCall(route, body.params);
  if (PLUMBING.has(route)) return bare('plumbing', route);
  return routeCall(route, body.params);
}

function bare(kind: ViewCallKind, route: string): ViewCall {
  return { kind, route, model: null, method: null, ids: [], idCount: 0, action: null };
}

function modelCall(kind: 'model-method' | 'button', route: string, body: RpcBody): ViewCall {
  if (body.kind !== 'rpc') return bare(kind, route);
  const model = identifier(stringParam(body.params, 'model'), MODEL_NAME);
  const method = identifier(stringParam(body.params, 'method'), METHOD_NAME);
  const args = body.params.args;
  const first = Array.isArray(args) ? args[0] : undefined;
  return { ...bare(kind, route), model, method, ...recordIds(Array.isArray(first) ? first : [first]) };
}

function actionCall(route: string, params: Readonly<Record<string, unknown>>): ViewCall {
  const id = params.action_id;
  const action = isRecordId(id) ? String(id) : typeof id === 'string' ? identifier(id, XML_ID, 128) : null;
  return { ...bare('action', route), method: route.slice('/web/action/'.length) || null, action, ...recordIds(isRecordId(id) ? [id] : []) };
}

function routeCall(route: string, params: Readonly<Record<string, unknown>>): ViewCall {
  const named = identifier(stringParam(params, 'thread_model'), MODEL_NAME);
  const model = named ?? ROUTE_MODELS.find(([prefix]) => route.startsWith(prefix))?.[1] ?? null;
  return { ...bare('route', route), model, ...recordIds(ROUTE_ID_PARAMS.map((key) => params[key])) };
}

function recordIds(values: readonly unknown[]): { ids: number[]; idCount: number } {
  const all = values.filter(isRecordId);
  return { ids: all.slice(0, MAX_CALL_IDS), idCount: all.length };
}

function isRecordId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function identifier(value: string | null, pattern: RegExp, max = MAX_NAME): string | null {
  return value !== null && value.length <= max && pattern.test(value) ? value : null;
}

function cut(route: string): string {
  return route.length > MAX_ROUTE_LENGTH ? `${route.slice(0, MAX_ROUTE_LENGTH)}…` : route;
}
