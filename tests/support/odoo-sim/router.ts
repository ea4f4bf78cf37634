// The simulator's HTTP front: Odoo's JSON routes (POST, JSON-RPC envelope, HTTP
// 200 for errors), the session cookie, the web client pages, and the hooks for
// latency, faults and the request log. Test-only control routes live under
// /__sim/ (control-routes.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallContext } from './call-context';
import { recordRules } from './call-context';
import { callKw, type CallKwParams } from './call-kw';
import { applyFault, type FaultPlan } from './faults';
import type { SimDatabase } from './models';
import { badRequestPage, loginPage, notFoundPage, webClientPage } from './pages';
import { NO_RESULT, SimRpcError, accessDenied, accessError, errorEnvelope, resultEnvelope, sessionExpired, type RpcResult } from './rpc-error';
import { sessionInfo } from './session-info';
import { IDENTIFIER_LENGTH, type SessionStore, type SimSession } from './sessions';

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
  baseUrl: () => string;
  latencyMs: () => number;
  hashDelayMs: () => number;
  control: (req: IncomingMessage, res: ServerResponse, body: string) => Promise<void>;
}

type AuthedSession = SimSession & { uid: number };
interface JsonAnswer {
  result: RpcResult;
  /** Set the session cookie to this session's id. */
  cookie?: SimSession;
}
type JsonHandler = (params: Record<string, unknown>, session: SimSession | undefined) => Promise<JsonAnswer>;

const COOKIE_MAX_AGE = 604800;
const JSON_ROUTES = new Set([
  '/web/session/authenticate',
  '/web/session/get_session_info',
  '/web/session/check',
  '/web/session/destroy',
  '/web/database/list',
  '/web/dataset/call_kw',
]);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRouter(deps: RouterDeps) {
  const { db, sessions } = deps;

  const cookieHeader = (session: SimSession): string => {
    const expires = new Date(Date.now() + 365 * 24 * 3600 * 1000).toUTCString();
    return `session_id=${session.sid}; Expires=${expires}; Max-Age=${COOKIE_MAX_AGE}; HttpOnly; Path=/`;
  };

  /** A checked request: the session must be logged in, and its first one writes the device log. */
  const requireUser = (session: SimSession | undefined, ip: string): AuthedSession => {
    if (session === undefined || session.uid === null) throw sessionExpired();
    const user = db.user(session.uid);
    if (user === undefined) throw sessionExpired();
    if (db.has('res.device.log')) {
      const now = db.now();
      if (!session.deviceLogged) {
        db.table('res.device.log').insert({
          session_identifier: session.sid.slice(0, IDENTIFIER_LENGTH),
          user_id: session.uid,
          ip_address: ip,
          first_activity: now,
          last_activity: now,
          platform: 'linux',
          browser: 'node',
          revoked: false,
        });
        session.deviceLogged = true;
      }
    }
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

  const jsonHandlers = (ip: string): Record<string, JsonHandler> => ({
    '/web/session/authenticate': async (params, session) => {
      if (params.db !== db.options.database) throw accessError('Database not found.');
      const user = typeof params.login === 'string' ? db.userByLogin(params.login) : undefined;
      if (user !== undefined) await sleep(deps.hashDelayMs());
      if (user === undefined || user.active !== true || user.password === null || user.password !== params.password) {
        throw accessDenied();
      }
      const fresh = session ? sessions.rotate(session) : sessions.create();
      fresh.uid = user.id;
      return { result: sessionInfo(db, fresh as AuthedSession, deps.baseUrl()), cookie: fresh };
    },
    '/web/session/get_session_info': async (_params, session) => ({
      result: sessionInfo(db, requireUser(session, ip), deps.baseUrl()),
    }),
    '/web/session/check': async (_params, session) => {
      requireUser(session, ip);
      return { result: NO_RESULT };
    },
    '/web/session/destroy': async (_params, session) => {
      const live = requireUser(session, ip);
      sessions.delete(live.sid);
      return { result: NO_RESULT, cookie: sessions.create() };
    },
    '/web/database/list': async () => {
      if (!db.options.listDatabases) throw accessDenied();
      return { result: [db.options.database] };
    },
    '/web/dataset/call_kw': async (params, session) => {
      const live = requireUser(session, ip);
      return { result: await callKw(context(live), params as CallKwParams) };
    },
  });

  const sendJson = (res: ServerResponse, envelope: Record<string, unknown>, cookie?: SimSession): void => {
    const body = JSON.stringify(envelope);
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (cookie) headers['Set-Cookie'] = cookieHeader(cookie);
    res.writeHead(200, headers).end(body);
  };

  const sendHtml = (res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers }).end(html);
  };

  return async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const path = url.pathname;
    const ip = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    if (path.startsWith('/__sim/')) return deps.control(req, res, body);

    const jsonPath = path.startsWith('/web/dataset/call_kw') ? '/web/dataset/call_kw' : path;
    let envelope: Record<string, unknown> | null = null;
    if (JSON_ROUTES.has(jsonPath) && req.method === 'POST') {
      try {
        const parsed: unknown = JSON.parse(body);
        envelope = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
      } catch {
        envelope = null;
      }
    }
    const params = (envelope?.params ?? {}) as Record<string, unknown>;
    const rpc = jsonPath === '/web/dataset/call_kw' ? `${String(params.model)}.${String(params.method)}` : null;
    deps.requests.push({ method: req.method ?? 'GET', path, rpc });

    if (deps.latencyMs() > 0) await sleep(deps.latencyMs());
    const fault = deps.faults.take(rpc ? [rpc, path, jsonPath] : [path]);
    if (fault && fault.phase !== 'after') return applyFault(fault, req, res, envelope?.id ?? null, null);

    const sid = /(?:^|;\s*)session_id=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ?? null;
    const session = sessions.get(sid);

    if (JSON_ROUTES.has(jsonPath)) {
      const contentType = req.headers['content-type'] ?? '';
      if (req.method !== 'POST' || !/^application\/json/.test(contentType)) {
        return sendHtml(res, 400, badRequestPage('Request inferred type is compatible with [\'json\'] but /web/... expects json'));
      }
      if (envelope === null) return sendHtml(res, 400, badRequestPage('Invalid JSON data'));
      const id = envelope.id ?? null;
      try {
        if (!('params' in envelope)) throw new SimRpcError('builtins.KeyError', 'params');
        const answer = await jsonHandlers(ip)[jsonPath]!(params, session);
        const result = resultEnvelope(id, answer.result);
        if (fault) return applyFault(fault, req, res, id, JSON.stringify(result), answer.cookie && cookieHeader(answer.cookie));
        sendJson(res, result, answer.cookie);
      } catch (error) {
        if (!(error instanceof SimRpcError)) throw error;
        // A dead cookie gets a new anonymous session along with the error.
        const anonymous = error.pythonName === 'odoo.http.SessionExpiredException' ? sessions.create() : undefined;
        if (fault) return applyFault(fault, req, res, id, JSON.stringify(errorEnvelope(id, error)), anonymous && cookieHeader(anonymous));
        sendJson(res, errorEnvelope(id, error), anonymous);
      }
      return;
    }

    if (req.method === 'GET' && path === '/web/session/logout') {
      if (session) sessions.delete(session.sid);
      const anonymous = sessions.create();
      res.writeHead(303, { Location: url.searchParams.get('redirect') ?? '/odoo', 'Set-Cookie': cookieHeader(anonymous) }).end();
      return;
    }
    if (req.method === 'GET' && (path === '/odoo' || path.startsWith('/odoo/') || path === '/web')) {
      if (session === undefined || session.uid === null || db.user(session.uid) === undefined) {
        res.writeHead(303, { Location: `/web/login?redirect=${encodeURIComponent(path + url.search)}` }).end();
        return;
      }
      const live = requireUser(session, ip);
      sendHtml(res, 200, webClientPage(String(db.user(live.uid)?.name)), { 'X-Frame-Options': 'DENY' });
      return;
    }
    if (req.method === 'GET' && path === '/web/login') return sendHtml(res, 200, loginPage());
    sendHtml(res, 404, notFoundPage());
  };
}
