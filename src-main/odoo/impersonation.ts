// The start and stop sequences of an impersonation on the server (docs/architecture.md,
// Sessions against Odoo; docs/security.md SS-1, SS-2, AZ-2..6). Start works on a fresh
// cookie jar, never reused; any failure after authenticate goes back to the admin
// (closing the server's log row if impersonate_login went through) and destroys the
// fresh session before the error is reported, so nothing half-done remains (IN-4).
import { OdooError, isOdooError } from './odoo-error';
import type { OdooClient } from './odoo-client';
import { ImpersonatedSession } from './impersonated-session';
import { odooTimeOrNull } from './odoo-time';
import type { RpcChannel } from './rpc-channel';
import type { ServerFeatures } from './server-features';
import { identifierScheme } from './session-identifier';
import type { TargetUser } from './user-directory';
import type { ImpersonateLogWatch, SessionWitness, SwitchedSession } from '../core';
import { closedByThisEnd, openLogRows, readLogMark, watchFrom } from './impersonate-log-watch';
import { readSessionInfo } from './sign-in';
import { warmUp, type WarmServerSession, type WarmUpContext } from './warm-session';

export interface ServerStartContext extends WarmUpContext {
  /** The admin API session: the impersonate.log mark and watch (the fresh session is the target by then). */
  admin: RpcChannel;
  features: ServerFeatures;
  origin: string;
}

/**
 * What the start knows before it asks the server to switch: the target as core judged
 * it (read once, right before this call: the connector reads it no more, issue 13) and,
 * when there is one, the warm session authenticated while the reason was typed.
 */
export interface SwitchPlan {
  target: TargetUser;
  warm: WarmServerSession | null;
  /** The impersonate.log mark, when it was read beside the target; read here otherwise. */
  logMark?: number | null;
  /** The write-ahead records, run beside the verification once the switch answered (ImpersonateOptions.writeAhead). */
  writeAhead?: (switched: SwitchedSession) => Promise<void>;
  /** The console's own view of its IP, for the write-ahead records. */
  clientIp?: string | null;
}

/** Where the embedded view opens the web client: `/odoo` from Odoo 18, `/web` on 17 (docs/odoo.md, Versions). */
export function webClientUrl(baseUrl: string, features: Pick<ServerFeatures, 'webClientPath'>): string {
  return `${baseUrl}${features.webClientPath}`;
}

export { readSessionInfo };

/**
 * The switch. Critical path after Confirm with a warm session (issue 13): impersonate_login,
 * then at once the verification (AZ-6), the impersonate.log watch and the caller's
 * write-ahead records. Without a warm session, the session is authenticated first, as
 * before. Any failure destroys the session before it is reported, once all three settled.
 */
export async function startImpersonation(ctx: ServerStartContext, plan: SwitchPlan): Promise<ImpersonatedSession> {
  const target = plan.target;
  let client: OdooClient;
  let warm: WarmServerSession;
  if (plan.warm) {
    const taken = plan.warm.take();
    // Never reused: a warm session that already switched once is refused.
    if (taken === null) throw new OdooError('verification-failed', { problem: 'warm-session-used' });
    client = taken;
    warm = plan.warm;
  } else {
    warm = await warmUp(ctx);
    client = warm.take()!;
  }
  let mayBeImpersonating = false;
  try {
    // The tripwire's mark: every impersonate.log row above it is created while this session runs.
    const logMark = !ctx.features.hasImpersonateLog ? null : (plan.logMark ?? (await readLogMark(ctx.admin)));
    mayBeImpersonating = true;
    const switched = await client.callKw('res.users', 'impersonate_login', [[target.id]]);
    // The module answers a caller outside its group with no result and no error (docs/odoo.md).
    if (!switched.hasResult || switched.result === null) throw new OdooError('not-permitted');
    const sessionIdentifier = client.sessionIdentifier(identifierScheme(ctx.features));
    if (sessionIdentifier === null) throw new OdooError('verification-failed', { problem: 'cookie' });
    // The device record is the session's, whatever its identifier: read once, while warm.
    const serverIp = sessionIdentifier === warm.sessionIdentifier ? warm.serverIp : null;

    // AZ-6 beside the watch and the write-ahead records: the server must now say this
    // session is the target, started by this admin, before anyone may use the cookie.
    const partnerId = target.partnerId;
    const [verified, earlyWatch, recorded] = await Promise.allSettled([
      readSessionInfo(client),
      logMark !== null && partnerId !== null ? watchFrom(ctx.admin, logMark, ctx.adminUid, partnerId) : Promise.resolve(null),
      plan.writeAhead ? plan.writeAhead({ sessionIdentifier, serverIp, clientIp: plan.clientIp ?? null, logMark }) : Promise.resolve(),
    ]);
    if (recorded.status === 'rejected') throw recorded.reason;
    if (verified.status === 'rejected') throw verified.reason;
    const now = verified.value;
    if (now.uid !== target.id || now.impersonateFromUid !== ctx.adminUid) {
      throw new OdooError('verification-failed', { problem: 'switch' });
    }
    if (now.partnerId === null) throw new OdooError('verification-failed', { problem: 'partner' });
    let logWatch: ImpersonateLogWatch | null = null;
    if (logMark !== null) {
      // The watch ran on the partner read with the target; the session's own word decides.
      if (partnerId !== now.partnerId || (earlyWatch.status === 'fulfilled' && earlyWatch.value === null)) {
        logWatch = await watchFrom(ctx.admin, logMark, ctx.adminUid, now.partnerId);
      } else if (earlyWatch.status === 'rejected') {
        throw earlyWatch.reason;
      } else {
        logWatch = earlyWatch.value;
      }
    }

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
