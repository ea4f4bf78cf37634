// The start sequence of one admitted attempt (docs/architecture.md, Sessions against
// Odoo): the warm session taken and recorded → impersonate, with the write-ahead records
// beside the verification (write-ahead.ts) → the row found recorded → AZ-6 judged → the
// local start record → view.open with the cookie. Both records are committed before the
// view gets the cookie (AU-2). Every failure after impersonate ends that fresh server
// session through the stop sequence, and the attempt's record says why. A stop that
// arrived meanwhile (`live.abort`) is honoured at the next step boundary.
import type { SessionView } from '../../src-preload/contract';
import { ConsoleError } from './console-error';
import type { LiveSession } from './live-session';
import { isVerifiedImpersonation } from './live-session';
import { AdminRightsRefusal, SecondFactorRefusal, type ImpersonationHandle } from './ports';
import { SessionDeadline, sessionLimitMs } from './session-deadline';
import { SessionTimeline } from './session-timeline';
import type { ImpersonationSessionOptions } from './session-types';
import type { StopSequence } from './stop-sequence';
import { CHANGES_ALLOWED, READ_ONLY } from './view-policy';
import type { TakenWarm, WarmSessions } from './warm-sessions';
import { WriteAhead, type Written } from './write-ahead';

/** What the start sequence tells the session it starts. */
export interface StartingSession {
  /** What the UI sees now. */
  view(): SessionView;
  /** The view has the cookie: the session is active, its timers run. */
  activated(live: LiveSession): SessionView;
}

type StartOptions = Pick<ImpersonationSessionOptions, 'ledger' | 'view' | 'clock' | 'scheduler' | 'monotonic'>;

export class StartSequence {
  constructor(
    private readonly options: StartOptions,
    private readonly warm: WarmSessions,
    private readonly stopSequence: StopSequence,
    private readonly session: StartingSession,
  ) {}

  /** From the admitted attempt to the view shown; rejects with the start's error. */
  async run(live: LiveSession): Promise<SessionView> {
    const { odoo, admin } = live.context;
    const { ledger, view, clock } = this.options;
    if (live.abort) return this.cancel(live);
    // The warm session of this dialog, if any: its identifier goes on this attempt's row
    // before it is switched, so a crash from here on leaves recovery something to revoke.
    const taken = await this.warm.take({ connectionKey: live.context.connectionKey, adminUid: admin.uid, targetId: live.target.id }, odoo);
    if (taken) {
      const failed = await this.recordWarmUse(live, taken);
      if (failed) return failed;
    }
    // The write-ahead records, run by the connector beside the verification (issue 13).
    const writeAhead = new WriteAhead(live, ledger, clock);
    let handle: ImpersonationHandle;
    try {
      handle = await odoo.impersonate(live.target.id, {
        ...(live.judged ? { target: live.judged } : {}),
        ...(taken ? { warm: taken.handle } : {}),
        writeAhead: (switched) => writeAhead.write(switched).then(() => undefined),
      });
    } catch (cause) {
      if (writeAhead.failed) return this.fail(live, writeAhead.failed, writeAhead.failureKey, cause);
      if (cause instanceof AdminRightsRefusal || cause instanceof SecondFactorRefusal) return this.refuse(live, cause);
      return this.fail(live, 'impersonate-failed', 'rules.startFailed', cause);
    }
    live.handle = handle;
    let written: Written;
    try {
      // A connector that had no judged target did not run them: they run now, in turn.
      written = writeAhead.done ?? (await writeAhead.write({ sessionIdentifier: handle.sessionIdentifier, serverIp: handle.serverIp, clientIp: handle.clientIp, logMark: null }));
    } catch (cause) {
      return this.fail(live, writeAhead.failed ?? 'server-audit-failed', writeAhead.failureKey, cause);
    }
    try {
      // The row the verification found goes on the record (FT-1 closes it after a crash).
      await ledger.recordServerSession(live.rowId, handle.sessionIdentifier, new Date(clock.now()), handle.logWatch?.ownRowIds ?? []);
    } catch (cause) {
      return this.fail(live, 'local-audit-failed', 'rules.startAuditFailed', cause);
    }
    if (live.abort) return this.cancel(live);
    if (!isVerifiedImpersonation(handle, live.target.id, admin.uid) || handle.sessionIdentifier !== written.entry.sessionIdentifier) {
      return this.fail(live, 'not-verified', 'rules.startNotVerified');
    }
    live.target = { ...handle.target };
    // Every later entry names the row the verification found.
    live.serverEntry = { ...written.entry, impersonateLogIds: handle.logWatch?.ownRowIds ?? [] };
    const startedAtMs = written.entry.startedAtClient.getTime();
    const limitMs = sessionLimitMs(live.context.limitMinutes);
    live.deadline = new SessionDeadline(startedAtMs, limitMs, this.options.monotonic?.() ?? null);
    try {
      await ledger.recordStart(live.rowId, {
        startedAtClient: new Date(startedAtMs),
        startedAtServer: handle.serverStartedAt,
        sessionIdentifier: handle.sessionIdentifier,
        clientIp: handle.clientIp,
        serverIp: handle.serverIp,
        serverLogId: written.serverLogId,
        changesMode: live.changesMode,
      });
    } catch (cause) {
      return this.fail(live, 'local-audit-failed', 'rules.startAuditFailed', cause);
    }
    live.startRecorded = true;
    if (live.abort) return this.cancel(live);
    // From the view's first request on, what it reaches goes on the record (issue 17.3).
    live.timeline = new SessionTimeline((entries, bound) => ledger.recordTimeline(live.rowId, entries, bound), clock, this.options.scheduler);
    try {
      await view.open({
        sessionKey: `impersonation-${live.rowId}`,
        origin: live.context.origin,
        sessionCookie: handle.sessionCookie,
        url: live.context.landingUrl,
        access: live.mayChange ? CHANGES_ALLOWED : READ_ONLY,
      });
    } catch (cause) {
      return this.fail(live, 'view-failed', 'rules.startViewFailed', cause);
    }
    if (live.abort) return this.cancel(live);
    return this.session.activated(live);
  }

  /** Undefined once the taken warm session is on the attempt's record; else the failed (or cancelled) start. */
  private async recordWarmUse(live: LiveSession, taken: TakenWarm): Promise<Promise<SessionView> | undefined> {
    const odoo = live.context.odoo;
    try {
      await this.options.ledger.recordServerSession(live.rowId, taken.handle.sessionIdentifier, new Date(this.options.clock.now()));
    } catch (cause) {
      await this.warm.release(taken, odoo, 'cancelled');
      return this.fail(live, 'local-audit-failed', 'rules.startAuditFailed', cause);
    }
    if (live.abort) {
      await this.warm.release(taken, odoo, 'cancelled');
      return this.cancel(live);
    }
    // Its own record closes beside the switch: the attempt's row names it from now on.
    void this.warm.used(taken).catch(() => undefined);
    return undefined;
  }

  private async fail(live: LiveSession, failure: string, key: string, cause?: unknown): Promise<never> {
    const error = new ConsoleError('start-failed', key, undefined, { cause });
    live.failure = failure;
    await this.stopSequence.finish(live, 'error', error);
    throw error;
  }

  /**
   * Refused at the start itself, before anything was switched: the admin's fresh session
   * says it may not (AZ-1), or it cannot finish its second factor without a code.
   */
  private async refuse(live: LiveSession, refusal: AdminRightsRefusal | SecondFactorRefusal): Promise<never> {
    live.refusal = refusal.code;
    await this.stopSequence.finish(live, 'error', refusal);
    throw refusal;
  }

  private async cancel(live: LiveSession): Promise<SessionView> {
    const cause = live.abort ?? 'error';
    live.failure = `cancelled:${cause}`;
    await this.stopSequence.finish(live, cause, null);
    return this.session.view();
  }
}
