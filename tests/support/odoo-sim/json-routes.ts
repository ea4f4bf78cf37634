// Odoo's JSON routes as the simulator serves them (docs/odoo.md, Transport and
// Sessions): which need a logged-in session (checked before the body is read, so
// a dead cookie's answer has `id` null), the Python signature whose missing
// arguments give a TypeError when the body is no envelope, and what each does.
import type { CallContext } from './call-context';
import { callKw, type CallKwParams } from './call-kw';
import { moveBaseUrl } from './config-params';
import type { SimDatabase } from './models';
import { NO_RESULT, accessDenied, accessError, typeError, type RpcResult } from './rpc-error';
import { sessionInfo } from './session-info';
import type { SessionStore, SimSession } from './sessions';
import { needsSecondFactor } from './totp-module';

/** What a route may read of the HTTP request itself. */
export interface RequestFacts {
  /** The Host header: the address the request came through (Odoo's url_root). */
  host: string;
}

export interface JsonAnswer {
  result: RpcResult;
  /** The session the answer's cookie names, when it differs from the request's (authenticate, destroy). */
  session?: SimSession;
  /** destroy also clears the company selection cookie. */
  clearsCompanies?: boolean;
  /** authenticate stopped at the second factor (19 then saves the session once, not twice). */
  halfOpen?: boolean;
}

export interface JsonRouteDeps {
  db: SimDatabase;
  sessions: SessionStore;
  hashDelay: () => Promise<void>;
  /** The checked session's context for model methods. */
  context: (session: SimSession & { uid: number }) => CallContext;
}

export interface JsonRoute {
  /** 'user': a logged-in session is checked first; 'none': anyone. */
  auth: 'user' | 'none';
  /** The Python method and its required parameters, for Odoo's TypeError. */
  signature: { name: string; required: string[] };
  handle(params: Record<string, unknown>, session: SimSession | undefined, request: RequestFacts): Promise<JsonAnswer>;
}

/** Python's wording for missing positional arguments: 'a', 'a' and 'b', 'a', 'b', and 'c'. */
export function missingArguments(signature: JsonRoute['signature'], params: Record<string, unknown>): Error | null {
  const missing = signature.required.filter((name) => !(name in params));
  if (missing.length === 0) return null;
  const quoted = missing.map((name) => `'${name}'`);
  const list = quoted.length === 1 ? quoted[0] : quoted.length === 2 ? quoted.join(' and ') : `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1)}`;
  const noun = missing.length === 1 ? 'argument' : 'arguments';
  return typeError(`${signature.name}() missing ${missing.length} required positional ${noun}: ${list}`);
}

export function jsonRoutes(deps: JsonRouteDeps): Record<string, JsonRoute> {
  const { db, sessions } = deps;
  const logged = (session: SimSession | undefined) => session as SimSession & { uid: number };
  return {
    '/web/session/authenticate': {
      auth: 'none',
      signature: { name: 'Session.authenticate', required: ['db', 'login', 'password'] },
      async handle(params, session, request) {
        if (params.db !== db.options.database) throw accessError('Database not found.');
        const user = typeof params.login === 'string' ? db.userByLogin(params.login) : undefined;
        if (user !== undefined) await deps.hashDelay();
        if (user === undefined || user.active !== true || user.password === null || user.password !== params.password) throw accessDenied();
        // A Settings administrator's password check moves web.base.url (a half-open one too).
        moveBaseUrl(db, user.id, request.host);
        // Authenticating rotates the session id; what the session held (impersonate_from_uid) stays.
        const fresh = session ? sessions.rotate(session) : sessions.create();
        fresh.dirty = true;
        if (needsSecondFactor(db, user.id)) {
          // Half-open until the second factor (totp-module.ts): the answer says only uid null.
          fresh.preUid = user.id;
          return { result: { uid: null }, session: fresh, halfOpen: true };
        }
        fresh.uid = user.id;
        return { result: sessionInfo(db, logged(fresh)), session: fresh };
      },
    },
    '/web/session/get_session_info': {
      auth: 'user',
      signature: { name: 'Session.get_session_info', required: [] },
      async handle(_params, session) {
        // Odoo touches the session here, so the answer always carries the cookie again.
        logged(session).dirty = true;
        return { result: sessionInfo(db, logged(session)) };
      },
    },
    '/web/session/check': {
      auth: 'user',
      signature: { name: 'Session.check', required: [] },
      async handle() {
        return { result: NO_RESULT };
      },
    },
    '/web/session/destroy': {
      auth: 'user',
      signature: { name: 'Session.destroy', required: [] },
      async handle(_params, session) {
        sessions.delete(logged(session).sid);
        const anonymous = sessions.create();
        anonymous.dirty = true;
        return { result: NO_RESULT, session: anonymous, clearsCompanies: true };
      },
    },
    '/web/database/list': {
      auth: 'none',
      signature: { name: 'Database.list', required: [] },
      async handle() {
        if (!db.options.listDatabases) throw accessDenied();
        return { result: [db.options.database] };
      },
    },
    '/web/dataset/call_kw': {
      auth: 'user',
      signature: { name: 'DataSet.call_kw', required: ['model', 'method', 'args', 'kwargs'] },
      async handle(params, session) {
        return { result: await callKw(deps.context(logged(session)), params as CallKwParams) };
      },
    },
  };
}
