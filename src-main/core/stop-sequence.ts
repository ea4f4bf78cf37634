// The one way a session ends, whatever the cause: view closed first, then the server end
// (ServerEndJob, retried with backoff while `serverEndPending`, FT-3), then the audit.
// Decision: the audit end is written once the server confirms — with the cause and the
// moment the view closed, `serverEndPending: false`. Until then the record stays open, so
// that a crash or an exit in between leaves a record that recovery revokes by identifier.
// Once the server confirmed the end, the server's log gets the end entry matching the
// start's (AU-4, both in ir.logging); a failure to write it does not hold the local
// record back, which says so in its detail.
// The first cause wins: a timeout during a tray stop changes nothing.
import type { EndCause } from '../../src-preload/contract';
import { ConsoleError } from './console-error';
import type { LiveSession } from './live-session';
import { timelineAtStop } from './session-changes';
import { DEFAULT_RETRY_POLICY, ServerEndJob, type ServerEndOutcome } from './server-end';
import type { ServerEndFacts } from './ports';
import type { ImpersonationSessionOptions } from './session-types';
import type { SessionFacts } from './session-view';

/** What the stop sequence tells the session it ends. */
export interface StoppingSession {
  /** The end has begun: stop the timers and show 'stopping'. */
  stopping(): void;
  /** The server end is now pending: show it, if `live` is still the session. */
  serverEndPending(live: LiveSession): void;
  /** The audit record is closed; `last` is what the UI keeps showing. */
  ended(live: LiveSession, last: SessionFacts): void;
}

type StopOptions = Pick<ImpersonationSessionOptions, 'ledger' | 'view' | 'clock' | 'scheduler' | 'retry'>;

export class StopSequence {
  constructor(
    private readonly options: StopOptions,
    private readonly session: StoppingSession,
  ) {}

  /** Ends `live` once; every later call answers the first end. */
  finish(live: LiveSession, cause: EndCause, error: ConsoleError | null): Promise<void> {
    live.ending ??= this.run(live, cause, error);
    return live.ending;
  }

  private async run(live: LiveSession, cause: EndCause, error: ConsoleError | null): Promise<void> {
    live.endCause = cause;
    live.error = error;
    live.endedAtMs = this.options.clock.now();
    this.session.stopping();
    // The view goes first and at once, whatever the server does (FT-3).
    await this.options.view.close().catch(() => undefined);
    // Nothing more can reach the timeline: its last batch goes on the record now (issue 17.3),
    // beside the server's end; the summary waits for it (complete, timelineAtStop).
    live.timelineClosed = live.timeline ? live.timeline.close().then((written) => void (live.timelineUnwritten = !written)) : Promise.resolve();
    if (!live.handle) {
      await this.complete(live, null);
      return;
    }
    const policy = this.options.retry ?? DEFAULT_RETRY_POLICY;
    const job = new ServerEndJob(live.context.odoo, live.handle, this.options.scheduler, policy, () => {
      if (!live.serverEndPending) {
        live.serverEndPending = true;
        this.session.serverEndPending(live);
      }
    });
    live.serverEnd = job;
    const completion = job.done.then((outcome) => this.complete(live, outcome));
    await job.firstTry;
    if (!job.pending) await completion;
  }

  /** Null once the server's end entry is written; what the local record should say otherwise. */
  private async writeServerEnd(live: LiveSession, end: ServerEndFacts): Promise<string | null> {
    if (!live.serverEntry) return null;
    try {
      await live.context.odoo.writeServerEndEntry(live.serverEntry, end);
      return null;
    } catch {
      return "the server log's end entry could not be written";
    }
  }

  private async complete(live: LiveSession, outcome: ServerEndOutcome | null): Promise<void> {
    if (outcome?.status === 'abandoned') {
      live.resolveFinished();
      return;
    }
    const endedAt = new Date(live.endedAtMs ?? this.options.clock.now());
    const report = live.serverReport ? await live.serverReport : null;
    const cause = live.endCause ?? 'error';
    const impersonateLogId = outcome?.status === 'ended' ? outcome.impersonateLogId : null;
    const timeline = await timelineAtStop(live, this.options.ledger, endedAt);
    // Without a handle the connector already ended the switch (a failed verification):
    // a start entry written beside it still gets its end.
    const serverEnded = outcome?.status === 'ended' || !live.handle;
    const serverEntryDetail = serverEnded ? await this.writeServerEnd(live, { endedAtClient: endedAt, cause, impersonateLogId, ...timeline.facts }) : null;
    try {
      if (live.startRecorded) {
        await this.options.ledger.recordEnd(live.rowId, {
          endedAtClient: endedAt,
          endedAtServer: null,
          cause,
          serverEndPending: false,
          detail: joinDetail([live.endNote, report, endDetail(outcome), serverEntryDetail, timeline.note]),
          impersonateLogId,
        });
      } else if (live.refusal) {
        await this.options.ledger.recordRefusal(live.rowId, endedAt, live.refusal);
      } else {
        await this.options.ledger.recordFailure(live.rowId, endedAt, live.failure ?? 'error');
      }
    } catch (cause) {
      live.error ??= new ConsoleError('audit-failed', 'rules.endAuditFailed', undefined, { cause });
    }
    const failedStart = !live.startRecorded && live.error !== null;
    const last = { ...live.facts(failedStart ? 'idle' : 'ended', this.options.clock.now(), null), serverEndPending: false };
    this.session.ended(live, last);
    live.resolveFinished();
  }
}

function joinDetail(parts: (string | null)[]): string | null {
  return parts.filter((part) => part !== null).join('; ') || null;
}

function endDetail(outcome: ServerEndOutcome | null): string | null {
  if (!outcome || outcome.status !== 'ended') return null;
  const parts = [outcome.detail, outcome.attempts > 1 ? `server end confirmed after ${outcome.attempts} tries` : null];
  return parts.filter((part) => part !== null).join('; ') || null;
}
