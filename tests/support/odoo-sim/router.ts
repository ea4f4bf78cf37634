// The simulator's HTTP front, as the real Odoo of the simulated version answers
// (docs/odoo.md; version-profile.ts says what differs): JSON routes (POST with a
// JSON content type, a JSON-RPC envelope, HTTP 200 for errors), the session cookie
// (sent again whenever the session changed or was new, never with an error), the
// web client's pages, and the hooks for latency, faults and the request log.
// Test-only control routes live under /__sim/ (control-routes.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordRules, type CallContext } from './call-context';
import { applyFault, type FaultPlan } from './faults';
import { jsonRoutes, missingArguments, type JsonRoute } from './json-routes';
import type { SimDatabase } from './models';
import { errorPage, loginPage, notFoundPage, plainPage, redirectPage, totpFormPage, webClientPage } from './pages';
import { SimRpcError, errorEnvelope, keyError, resultEnvelope, sessionExpired, typeError } from './rpc-error';
import { IDENTIFIER_LENGTH, type SessionStore, type SimSession } from './sessions';
import { TRUSTED_DEVICE_COOKIE, TRUSTED_DEVICE_MAX_AGE, totpPage } from './totp-module';

export interface RequestLogEntry {
  method: string;
  path: string;
  /** 'model.method' for call_kw. */
  rpc: string | null;
}

export interface RouterDeps {
  db: SimDatabase;
  sessions: SessionStore;
  faults: FaultPlan;
  requests: RequestLogEntry[];
  latencyMs: () => number;
  hashDelayMs: () => number;
  control: (req: IncomingMessage, res: ServerResponse, body: string) => Promise<void>;
}

type AuthedSession = SimSession & { uid: number };

const COOKIE_MAX_AGE = 604800;
const CALL_KW = '/web/dataset/call_kw';
const JSON_MIME = /^application\/(json|json-rpc)\s*(;|$)/i;
const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function createRouter(deps: RouterDeps) {
  const { db, sessions } = deps;
  const { profile } = db;

  /** Odoo's cookies: Expires always a year out, Max-Age the real lifetime (docs/odoo.md, Sessions and the cookie). */
  const expires = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toUTCString();
  const sessionCookie = (session: SimSession) => `session_id=${session.sid}; Expires=${expires()}; Max-Age=${COOKIE_MAX_AGE}; HttpOnly; Path=/`;
  const clearCompanies = () => `cids=; Expires=${expires()}; Max-Age=0; Path=/`;
  const trustedDeviceCookie = (token: string) =>
    `${TRUSTED_DEVICE_COOKIE}=${token}; Expires=${expires()}; Max-Age=${TRUSTED_DEVICE_MAX_AGE}; HttpOnly; Path=/; SameSite=Lax`;

  /** A request's session is saved and its cookie sent when it changed or is not the one the request named. */
  const cookiesFor = (session: SimSession | undefined, requestSid: string | null, times = 1): string[] => {
    if (!session || (!session.dirty && session.sid === requestSid)) return [];
    session.dirty = false;
    return Array.from({ length: times }, () => sessionCookie(session));
  };

  /**
   * Every request whose session is logged in is checked, whatever its route; on
   * 18 and 19 the first check leaves a trace in the session and a res.device.log
   * row. Answers what the request must undo if it fails: an error answer saves
   * neither the session nor the transaction (docs/odoo.md, Sessions and the cookie).
   */
  const traceSession = (session: SimSession | undefined, ip: string): (() => void) => {
    if (!profile.deviceLog || !session || session.uid === null || session.deviceLogged || db.user(session.uid) === undefined) return () => {};
    const now = db.now();
    const row = db.table('res.device.log').insert({
      session_identifier: session.sid.slice(0, IDENTIFIER_LENGTH),
      user_id: session.uid,
      ip_address: ip,
      first_activity: now,
      last_activity: now,
      platform: false,
      browser: false,
      revoked: false,
    });
    session.deviceLogged = true;
    session.dirty = true;
    return () => {
      db.table('res.device.log').delete(row.id);
      session.deviceLogged = false;
    };
  };

  /** A route that needs a user: the session must be logged in. */
  const checkSession = (session: SimSession | undefined): AuthedSession => {
    if (session === undefined || session.uid === null || db.user(session.uid) === undefined) throw sessionExpired();
    return session as AuthedSession;
  };

  const context = (session: AuthedSession): CallContext => ({
    db,
    sessions,
    session,
    uid: session.uid,
    hashDelay: () => sleep(deps.hashDelayMs()),
    canSee: recordRules(db, session.uid),
  });
  const routes = jsonRoutes({ db, sessions, hashDelay: () => sleep(deps.hashDelayMs()), context });

  const send = (res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string | string[]> = {}) => {
    const all: Record<string, string | string[]> = { 'Content-Type': contentType, ...headers };
    if (Array.isArray(all['Set-Cookie']) && all['Set-Cookie'].length === 0) delete all['Set-Cookie'];
    res.writeHead(status, all).end(body);
  };

  async function serveJson(route: JsonRoute, path: string, req: IncomingMessage, res: ServerResponse, body: string, ip: string, requestSid: string | null) {
    const session = sessions.get(requestSid);
    const contentType = req.headers['content-type'] ?? '';
    if (req.method !== 'POST' || !JSON_MIME.test(contentType)) {
      // Odoo picks the dispatcher from the request: these are not JSON-RPC (400, or 415 from 19).
      const compatible = req.method === 'POST' || !profile.identityPasswordInContext ? "['http']" : "['http', 'json2']";
      const message = `Request inferred type is compatible with ${compatible} but '${path}' is type='${profile.jsonRouteType}'.`;
      return send(res, profile.wrongRequestStatus, HTML_TYPE, errorPage(profile.wrongRequestStatus, profile.wrongRequestReason, message));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(res, 400, HTML_TYPE, plainPage('Invalid JSON data'), { 'Set-Cookie': cookiesFor(session ?? sessions.create(), requestSid) });
    }
    if (!isObject(parsed)) {
      return send(res, 400, HTML_TYPE, plainPage('Invalid JSON-RPC data'), { 'Set-Cookie': cookiesFor(session ?? sessions.create(), requestSid) });
    }
    const id = parsed.id ?? null;
    const fault = deps.faults.take(faultKeys(path, parsed));
    if (fault && fault.phase !== 'after') return applyFault(fault, req, res, id, null);
    let undoTrace = () => {};
    try {
      // 18 and 19 read `params` to decide on a read-only cursor before anything else (docs/odoo.md, Transport).
      if (path.startsWith(CALL_KW) && profile.callKwReadsParamsFirst && !('params' in parsed)) {
        const error = keyError('params');
        error.beforeBody = true;
        throw error;
      }
      undoTrace = traceSession(session, ip);
      if (route.auth === 'user') checkSession(session);
      const params = parsed.params ?? {};
      if (!isObject(params)) throw typeError('cannot convert dictionary update sequence element #0 to a sequence');
      const missing = missingArguments(route.signature, params);
      if (missing) throw missing;
      const answer = await route.handle(params, session, { host: req.headers.host ?? '' });
      const named = answer.session ?? session ?? sessions.create();
      const times = path === '/web/session/authenticate' && !answer.halfOpen ? profile.authenticateCookies : 1;
      const cookies = [...(answer.clearsCompanies ? [clearCompanies()] : []), ...cookiesFor(named, requestSid, times)];
      const envelope = JSON.stringify(resultEnvelope(id, answer.result));
      if (fault) return applyFault(fault, req, res, id, envelope, cookies);
      send(res, 200, JSON_TYPE, envelope, { 'Set-Cookie': cookies });
    } catch (error) {
      if (!(error instanceof SimRpcError)) throw error;
      // An error answer never saves the session, so it carries no cookie (docs/odoo.md, Sessions and the cookie).
      undoTrace();
      if (session) session.dirty = false;
      const envelope = JSON.stringify(errorEnvelope(id, error, profile.serverErrorCode));
      if (fault) return applyFault(fault, req, res, id, envelope, []);
      send(res, 200, JSON_TYPE, envelope);
    }
  }

  function serveHttp(path: string, url: URL, req: IncomingMessage, res: ServerResponse, body: string, ip: string, requestSid: string | null) {
    const session = sessions.get(requestSid);
    traceSession(session, ip);
    if ((req.method === 'GET' || req.method === 'POST') && path === '/web/login/totp') return serveTotp(req, res, body, session, requestSid);
    // An anonymous page gets a session of its own, and its cookie (docs/odoo.md, The web client).
    const current = () => session ?? sessions.create();
    if (req.method === 'GET' && path === '/web/session/logout') {
      if (session) sessions.delete(session.sid);
      const anonymous = sessions.create();
      anonymous.dirty = true;
      const cookies = [clearCompanies(), ...cookiesFor(anonymous, requestSid)];
      const location = url.searchParams.get('redirect') ?? profile.homePath;
      return send(res, 303, HTML_TYPE, redirectPage(location), { Location: location, 'Set-Cookie': cookies });
    }
    const webClient = path === '/web' || (profile.entryRoute === '/odoo' && (path === '/odoo' || path.startsWith('/odoo/')));
    if (req.method === 'GET' && webClient) {
      if (session === undefined || session.uid === null || db.user(session.uid) === undefined) {
        const location = profile.loginRedirectParameter ? `/web/login?redirect=${encodeURIComponent(`${path}?${url.search.slice(1)}`)}` : '/web/login';
        return send(res, 303, HTML_TYPE, redirectPage(location), { Location: location, 'Set-Cookie': cookiesFor(current(), requestSid) });
      }
      const live = checkSession(session);
      live.dirty = true; // the web client touches the session
      const headers: Record<string, string | string[]> = { 'X-Frame-Options': 'DENY', 'Set-Cookie': cookiesFor(live, requestSid) };
      if (profile.webClientNoStore) headers['Cache-Control'] = 'no-store';
      return send(res, 200, HTML_TYPE, webClientPage(String(db.user(live.uid)?.name)), headers);
    }
    if (req.method === 'GET' && path === '/web/login') {
      const headers = { 'X-Frame-Options': 'SAMEORIGIN', 'Content-Security-Policy': "frame-ancestors 'self'", 'Set-Cookie': cookiesFor(current(), requestSid) };
      return send(res, 200, HTML_TYPE, loginPage(), headers);
    }
    if (req.method === 'GET' && path === '/') {
      return send(res, 303, HTML_TYPE, redirectPage(profile.homePath), { Location: profile.homePath, 'Set-Cookie': cookiesFor(current(), requestSid) });
    }
    send(res, 404, HTML_TYPE, notFoundPage());
  }

  return async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const path = url.pathname;
    const ip = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    if (path.startsWith('/__sim/')) return deps.control(req, res, body);

    const route = routes[path.startsWith(CALL_KW) ? CALL_KW : path];
    deps.requests.push({ method: req.method ?? 'GET', path, rpc: route && path.startsWith(CALL_KW) ? rpcName(body) : null });
    if (deps.latencyMs() > 0) await sleep(deps.latencyMs());
    const requestSid = cookieValue(req.headers.cookie, 'session_id');
    if (route) return serveJson(route, path, req, res, body, ip, requestSid);
    const fault = deps.faults.take([path]);
    if (fault) return applyFault(fault, req, res, null, null);
    serveHttp(path, url, req, res, body, ip, requestSid);
  };

  /** The second factor's page (totp-module.ts): the form, a redirect once done, or Odoo's 400 and 500. */
  function serveTotp(req: IncomingMessage, res: ServerResponse, body: string, session: SimSession | undefined, requestSid: string | null) {
    const outcome = totpPage(db, sessions, {
      method: req.method ?? 'GET',
      session,
      trustedDevice: cookieValue(req.headers.cookie, TRUSTED_DEVICE_COOKIE),
      userAgent: req.headers['user-agent'] ?? null,
      form: new URLSearchParams(req.method === 'POST' ? body : ''),
    });
    if (outcome.kind === 'error') return send(res, outcome.status, HTML_TYPE, errorPage(outcome.status, outcome.reason, outcome.message));
    if (outcome.kind === 'form') {
      return send(res, 200, HTML_TYPE, totpFormPage(outcome.csrfToken, outcome.error), { 'Set-Cookie': cookiesFor(outcome.session, requestSid) });
    }
    const cookies = [...(outcome.trustedDevice ? [trustedDeviceCookie(outcome.trustedDevice)] : []), ...cookiesFor(outcome.session ?? undefined, requestSid)];
    return send(res, 303, HTML_TYPE, redirectPage(outcome.location), { Location: outcome.location, 'Set-Cookie': cookies });
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** 'model.method' of a call_kw body, for the request log and faults. */
function rpcName(body: string): string | null {
  try {
    const params = (JSON.parse(body) as { params?: { model?: unknown; method?: unknown } }).params;
    return params ? `${String(params.model)}.${String(params.method)}` : null;
  } catch {
    return null;
  }
}

function faultKeys(path: string, envelope: Record<string, unknown>): string[] {
  if (!path.startsWith(CALL_KW)) return [path];
  const params = (envelope.params ?? {}) as { model?: unknown; method?: unknown };
  return [`${String(params.model)}.${String(params.method)}`, path, CALL_KW];
}
