// Ending an impersonation on the server, retried until it works (FT-3): the view is
// already gone when this runs, so only the server side is left. A failure (network,
// server down, destroy refused) schedules another try with exponential backoff; the
// session says `serverEndPending` meanwhile. The job ends when the server confirms the
// session destroyed, or when the console abandons it at exit — the audit record then
// stays open, and the next start's recovery revokes the session by its identifier.
import type { ImpersonationHandle, OdooImpersonationPort } from './ports';
import type { Scheduler } from './scheduler';

export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { firstDelayMs: 1_000, maxDelayMs: 30_000 };

export type ServerEndOutcome =
  | { status: 'ended'; attempts: number; detail: string | null; impersonateLogId: number | null }
  | { status: 'abandoned'; attempts: number };

export class ServerEndJob {
  readonly done: Promise<ServerEndOutcome>;
  /** Settles once the first try is over, whatever its result. */
  readonly firstTry: Promise<void>;
  private attempts = 0;
  private running = false;
  private settled = false;
  private cancelRetry: (() => void) | null = null;
  private resolveDone: (outcome: ServerEndOutcome) => void = () => undefined;

  constructor(
    private readonly odoo: Pick<OdooImpersonationPort, 'endImpersonation'>,
    private readonly handle: ImpersonationHandle,
    private readonly scheduler: Scheduler,
    private readonly policy: RetryPolicy,
    private readonly onPending: () => void,
  ) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.firstTry = this.attempt();
  }

  /** Tries again now (resume, reconnection) instead of waiting for the backoff. */
  retryNow(): void {
    if (!this.settled && !this.running) void this.attempt();
  }

  /** Stops retrying (console exit); `done` answers 'abandoned'. */
  abandon(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.settle({ status: 'abandoned', attempts: this.attempts });
  }

  get pending(): boolean {
    return !this.settled;
  }

  private async attempt(): Promise<void> {
    if (this.settled || this.running) return;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.running = true;
    this.attempts += 1;
    let destroyed = false;
    let detail: string | null = null;
    let impersonateLogId: number | null = null;
    try {
      const result = await this.odoo.endImpersonation(this.handle);
      destroyed = result.destroyed === 'ok';
      impersonateLogId = result.impersonateLogId;
      // Only back_to_origin_login closes the server's impersonate.log row (docs/odoo.md).
      if (result.backToOrigin === 'failed') detail = 'back_to_origin_login failed: the server log row stays open';
    } catch {
      destroyed = false;
    }
    this.running = false;
    if (this.settled) return;
    if (destroyed) {
      this.settle({ status: 'ended', attempts: this.attempts, detail, impersonateLogId });
      return;
    }
    this.onPending();
    const delay = Math.min(this.policy.maxDelayMs, this.policy.firstDelayMs * 2 ** (this.attempts - 1));
    this.cancelRetry = this.scheduler.after(delay, () => void this.attempt());
  }

  private settle(outcome: ServerEndOutcome): void {
    if (this.settled) return;
    this.settled = true;
    this.resolveDone(outcome);
  }
}
