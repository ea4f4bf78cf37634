// The start and stop sequences of an impersonation on the server (docs/architecture.md,
// Sessions against Odoo; docs/security.md SS-1, SS-2, AZ-2..6). Start works on a fresh
// cookie jar, never reused; any failure after authenticate goes back to the admin
// (closing the server's log row if impersonate_login went through) and destroys the
// fresh session before the error is reported, so nothing half-done remains (IN-4).
import { z } from 'zod';
import { OdooError, isOdooError } from './odoo-error';
import type { OdooClient } from './odoo-client';
import { ImpersonatedSession } from './impersonated-session';
import { odooTimeOrNull } from './odoo-time';
import { resultOf, type RpcChannel } from './rpc-channel';
import type { ServerFeatures } from './server-features';
import { identifierScheme } from './session-identifier';
import { parseSessionInfo, type SessionInfo } from './session-info';
import type { UserDirectory } from './user-directory';
import { AdminRightsRefusal, ineligibilityReasons, type SessionWitness } from '../core';
import { IMPERSONATE_GROUP_XMLID } from './server-features';
import { closedByThisEnd, openLogRows, readLogMark, watchFrom } from './impersonate-log-watch';

export interface ServerStartContext {
  /** A client with an empty cookie jar, used for this impersonation only. */
  freshClient: OdooClient;
  database: string;
  login: string;
  password: string;
  adminUid: number;
  /** The admin API session: re-check, device log (the fresh session is the target by then). */
  admin: RpcChannel;
  directory: UserDirectory;
  features: ServerFeatures;
  origin: string;
}

const DeviceRows = z.array(z.object({ ip_address: z.union([z.string(), z.literal(false)]) }));

/** Where the embedded view opens the web client: `/odoo` from Odoo 18, `/web` on 17 (docs/odoo.md, Versions). */
export function webClientUrl(baseUrl: string, features: Pick<ServerFeatures, 'webClientPath'>): string {
  return `${baseUrl}${features.webClientPath}`;
}

export async function authenticateSession(client: OdooClient, database: string, login: string, password: string): Promise<SessionInfo> {
  const answer = await client.call('/web/session/authenticate', { db: database, login, password });
  return parseSessionInfo(answer.result);
}

export async function readSessionInfo(client: RpcChannel): Promise<SessionInfo> {
  return parseSessionInfo((await client.call('/web/session/get_session_info', {})).result);
}

export async function startImpersonation(ctx: ServerStartContext, targetId: number): Promise<ImpersonatedSession> {
  const client = ctx.freshClient;
  let mayBeImpersonating = false;
  try {
    // Inside the try: a mangled answer may still have brought a cookie worth destroying.
    const login = await authenticateSession(client, ctx.database, ctx.login, ctx.password);
    if (login.uid !== ctx.adminUid) throw new OdooError('verification-failed', { problem: 'admin' });
    // AZ-1 at every start, on the fresh session's own answer: rights removed since the
    // connect are refused here, before impersonate_login is ever called.
    await assertAdminRights(client, login);
    // The first checked request creates the server's device record for this session.
    await readSessionInfo(client);

    // AZ-2..4, re-checked against the server right before asking it to switch.
    const target = await ctx.directory.target(targetId);
    if (target === null) throw new OdooError('missing-record', { message: String(targetId) });
    const reasons = ineligibilityReasons(target, ctx.adminUid);
    if (reasons.length > 0) throw new OdooError('not-eligible', { reasons: reasons.join(',') });

    // The tripwire's mark: every impersonate.log row above it is created while this session runs.
    const logMark = ctx.features.hasImpersonateLog ? await readLogMark(ctx.admin) : null;
    mayBeImpersonating = true;
    const switched = await client.callKw('res.users', 'impersonate_login', [[targetId]]);
    // The module answers a caller outside its group with no result and no error (docs/odoo.md).
    if (!switched.hasResult || switched.result === null) throw new OdooError('not-permitted');

    // AZ-6: the server must now say this session is the target, started by this admin.
    const now = await readSessionInfo(client);
    if (now.uid !== targetId || now.impersonateFromUid !== ctx.adminUid) {
      throw new OdooError('verification-failed', { problem: 'switch' });
    }

    if (now.partnerId === null) throw new OdooError('verification-failed', { problem: 'partner' });
    const logWatch = logMark === null ? null : await watchFrom(ctx.admin, logMark, ctx.adminUid, now.partnerId);

    const sessionIdentifier = client.sessionIdentifier(identifierScheme(ctx.features));
    if (sessionIdentifier === null) throw new OdooError('verification-failed', { problem: 'cookie' });
    const serverIp = ctx.features.hasDeviceLog ? await readServerIp(ctx.admin, sessionIdentifier) : null;
    return new ImpersonatedSession(client, {
      sessionIdentifier,
      target: { id: target.id, login: target.login, name: target.name },
      adminUid: ctx.adminUid,
      startedAtServer: odooTimeOrNull(switched.serverDate),
      serverIp,
      serverIpAvailable: ctx.features.hasDeviceLog,
      webClientUrl: webClientUrl(client.baseUrl, ctx.features),
      origin: ctx.origin,
      logWatch,
    });
  } catch (error) {
    await abandon(client, mayBeImpersonating);
    throw error;
  }
}

/** AZ-1: is_system and is_impersonate_user from the authenticate answer itself. */
async function assertAdminRights(client: OdooClient, login: SessionInfo): Promise<void> {
  if (!login.isSystem) throw new AdminRightsRefusal('admin-not-system');
  let inGroup = login.isImpersonateUser;
  if (!login.impersonationKeys) {
    // A module release whose session info lacks its key: ask the server on this session.
    inGroup = (await client.callKw('res.users', 'has_group', [[login.uid], IMPERSONATE_GROUP_XMLID])).result === true;
  }
  if (!inGroup) throw new AdminRightsRefusal('admin-not-impersonator');
}

async function readServerIp(admin: RpcChannel, sessionIdentifier: string): Promise<string | null> {
  const answer = await admin.callKw('res.device.log', 'search_read', [[['session_identifier', '=', sessionIdentifier]]], {
    fields: ['ip_address'],
    order: 'id asc',
    limit: 1,
  });
  const first = resultOf(answer, DeviceRows, 'device-log')[0];
  return first && first.ip_address !== false ? first.ip_address : null;
}

/** Best effort, after a failed start: close the server's log row if needed, then end the session. */
async function abandon(client: OdooClient, mayBeImpersonating: boolean): Promise<void> {
  if (!client.hasSession()) return;
  if (mayBeImpersonating) {
    await client.callKw('res.users', 'back_to_origin_login', []).catch(() => undefined);
  }
  await client.call('/web/session/destroy', {}).catch(() => undefined);
  client.forgetSession();
}

export type StepOutcome = { ok: true; alreadyEnded: boolean } | { ok: false; error: OdooError };

export interface EndReport {
  /** back_to_origin_login: the only call that closes the server's impersonate.log row. */
  backToOrigin: StepOutcome;
  destroy: StepOutcome;
  /** The server no longer accepts the cookie: destroyed now, or already dead. */
  serverEnded: boolean;
  /** UTC "YYYY-MM-DD HH:MM:SS" from the server's clock, when known. */
  endedAtServer: string | null;
  /** This session's impersonate.log row, when it is known which (at the start, or by the row this end closed). */
  impersonateLogId: number | null;
}

/**
 * SS-2: back_to_origin_login, then destroy; each step reported, a failed step retried by
 * calling again. Where the start left several candidate log rows, their state is read
 * (through the admin API session) before and after back_to_origin_login: the one it
 * closed is this session's. A failed reading only leaves the candidates unresolved.
 */
export async function endImpersonation(session: ImpersonatedSession, admin: RpcChannel): Promise<EndReport> {
  const client = session.clientForStop();
  const candidates = session.facts.logWatch?.ownRowIds ?? [];
  const resolving = candidates.length > 1 && session.impersonateLogId === null;
  let endedAt: Date | null = null;
  let backToOrigin: StepOutcome = { ok: true, alreadyEnded: true };
  if (!session.backToOriginDone) {
    const openBefore = resolving ? await openLogRows(admin, candidates).catch(() => null) : null;
    backToOrigin = await step(async () => {
      endedAt = (await client.callKw('res.users', 'back_to_origin_login', [])).serverDate;
    });
    if (backToOrigin.ok) {
      session.markBackToOrigin();
      const openAfter = openBefore ? await openLogRows(admin, candidates).catch(() => null) : null;
      if (openBefore && openAfter) session.resolveLogRow(closedByThisEnd(candidates, openBefore, openAfter));
    }
  }
  const destroy = await step(async () => {
    const answer = await client.call('/web/session/destroy', {});
    endedAt ??= answer.serverDate;
  });
  if (destroy.ok) client.forgetSession();
  return { backToOrigin, destroy, serverEnded: destroy.ok, endedAtServer: odooTimeOrNull(endedAt), impersonateLogId: session.impersonateLogId };
}

async function step(run: () => Promise<void>): Promise<StepOutcome> {
  try {
    await run();
    return { ok: true, alreadyEnded: false };
  } catch (error) {
    // A dead session (revoked, expired, password changed) has nothing left to end.
    if (isOdooError(error, 'session-expired')) return { ok: true, alreadyEnded: true };
    if (error instanceof OdooError) return { ok: false, error };
    return { ok: false, error: new OdooError('network', undefined, { cause: error }) };
  }
}

/**
 * Who the impersonation session is now, on its own cookie (the same the view holds):
 * `uid` and `impersonate_from_uid`, for the tripwire to judge. Odoo answers
 * SessionExpiredException once it is destroyed, revoked, or the target's password
 * changed. Network trouble rejects: the caller cannot tell and keeps the session.
 */
export async function impersonationAlive(session: ImpersonatedSession): Promise<SessionWitness> {
  try {
    const info = await readSessionInfo(session.clientForStop());
    return { state: 'live', uid: info.uid, impersonatorUid: info.impersonateFromUid };
  } catch (error) {
    if (isOdooError(error, 'session-expired')) return { state: 'expired' };
    throw error;
  }
}
