// The one place that decides whether an impersonation attempt may go ahead (AZ-2..5,
// IN-1, LD-3) and records it, allowed or refused with why (AU-1).
//
// Order of the rules, cheapest and most protective first; the first that refuses names
// the refusal (the audit gets every eligibility reason that applies):
//   1. rate limit — while limited, nothing else is looked at, not even the server;
//   2. one active session per console (or the console is closing);
//   3. the reason;
//   4. the target, re-read on the server right now (AZ-2) — a read-only call through the
//      admin API session, made before the attempt is recorded; nothing that changes
//      state on the server happens before the record.
// The admin's own right to impersonate (AZ-1) is established when connecting; a
// connection whose admin lacks it never reaches this gate.
import type { CheckResult, Message } from '../../src-preload/contract';
import type { AttemptContext, AttemptDecision, AttemptRefusalCode, AttemptRequest, ConsoleState } from './attempt';
import { ApprovedAttempts } from './attempt-approvals';
import type { Clock } from './clock';
import { ineligibilityReasons } from './eligibility';
import type { AuditLedger, OdooImpersonationPort, TargetRecord } from './ports';
import { RateLimiter, rateLimitKey } from './rate-limiter';
import { EXCERPT_MAX, inputExcerpt } from './input-excerpt';
import { validateReason } from './reason';

const TARGET_KEYS: Record<string, string> = {
  self: 'rules.targetSelf',
  superuser: 'rules.targetSuperuser',
  administrator: 'rules.targetAdministrator',
  portal: 'rules.targetPortal',
  archived: 'rules.targetArchived',
};

export class AttemptGate {
  private readonly limiter: RateLimiter;
  /** Serialises admit(): two concurrent attempts must not both see the same count. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly approvals = new ApprovedAttempts();

  constructor(
    private readonly ledger: AuditLedger,
    private readonly clock: Clock,
    limiter?: RateLimiter,
  ) {
    this.limiter = limiter ?? new RateLimiter(ledger);
  }

  /**
   * Applies every rule; records nothing. `approved`: the attempt was already counted
   * by an allowed check (attempt-approvals.ts), so the rate limit is not applied again.
   */
  async decide(
    request: AttemptRequest,
    context: AttemptContext,
    server: Pick<OdooImpersonationPort, 'readTarget'>,
    state: ConsoleState,
    approved = false,
  ): Promise<AttemptDecision> {
    const at = new Date(this.clock.now());
    const counted = await this.limiter.check(rateLimitKey(context.serverKey, context.admin), at.getTime());
    const rate = approved ? { ...counted, allowed: true } : counted;
    const base = { at, reason: request.reason, target: null, remaining: rate.remaining };
    const refused = (codes: AttemptRefusalCode[], message: Message, extra: Partial<AttemptDecision> = {}) => ({
      ...base,
      retryAfterSeconds: null,
      ...extra,
      allowed: false,
      refusal: { codes, message },
    });

    if (!rate.allowed) {
      const seconds = rate.retryAfterSeconds ?? 60;
      return refused(['rate-limited'], { key: 'rules.rateLimited', params: { seconds } }, { retryAfterSeconds: seconds });
    }
    if (state === 'closing') return refused(['closing'], { key: 'rules.consoleClosing' });
    if (state === 'busy') return refused(['already-active'], { key: 'rules.alreadyActive' });

    const reason = validateReason(request.reason);
    if (!reason.ok) return refused([reason.code], reason.refusal);

    let target: TargetRecord | null;
    try {
      // The one read of the start (issue 13): judged here, handed to the connector as read.
      target = await server.readTarget(request.targetId);
    } catch {
      return refused(['target-check-failed'], { key: 'rules.targetCheckFailed' });
    }
    if (!target) return refused(['target-unknown'], { key: 'rules.targetUnknown' });
    const reasons = ineligibilityReasons(target, context.admin.uid);
    const first = reasons[0];
    if (first) return refused(reasons, { key: TARGET_KEYS[first] ?? 'rules.notEligible' }, { target });

    return { ...base, reason: reason.reason, target, allowed: true, refusal: null, retryAfterSeconds: null };
  }

  /** Records the attempt, allowed or refused; answers its session row id. */
  record(decision: AttemptDecision, request: AttemptRequest, context: AttemptContext): Promise<number> {
    return this.ledger.recordAttempt({
      connectionKey: context.connectionKey,
      serverKey: context.serverKey,
      admin: context.admin,
      target: decision.target
        ? { id: decision.target.id, login: decision.target.login, name: decision.target.name }
        : { id: request.targetId, login: null, name: null },
      reason: decision.reason,
      allowed: decision.allowed,
      refusal: decision.refusal ? decision.refusal.codes.join(',') : null,
      at: decision.at,
      clientHost: context.clientHost,
      appVersion: context.appVersion,
    });
  }

  /**
   * decide() then record(), one attempt at a time: what `impersonation.check` and every
   * start go through. `state` is read when this attempt's turn comes; `claim` runs within
   * the turn once an allowed attempt is recorded, so the next attempt already sees it.
   */
  admit(
    request: AttemptRequest,
    context: AttemptContext,
    server: Pick<OdooImpersonationPort, 'readTarget'>,
    state: () => ConsoleState = () => 'free',
    claim?: (decision: AttemptDecision, sessionRowId: number) => void,
  ): Promise<{ decision: AttemptDecision; sessionRowId: number }> {
    return this.inTurn(async () => {
      const decision = await this.decide(request, context, server, state());
      const sessionRowId = await this.record(decision, request, context);
      if (decision.allowed) claim?.(decision, sessionRowId);
      return { decision, sessionRowId };
    });
  }

  /**
   * `impersonation.check`: an attempt like any other (recorded, counted); when
   * allowed, the start that follows with the same target and reason completes it.
   */
  check(
    request: AttemptRequest,
    context: AttemptContext,
    server: Pick<OdooImpersonationPort, 'readTarget'>,
    state: () => ConsoleState = () => 'free',
  ): Promise<AttemptDecision> {
    return this.inTurn(async () => {
      const decision = await this.decide(request, context, server, state());
      const rowId = await this.record(decision, request, context);
      if (decision.allowed) {
        const approval = { rowId, targetId: request.targetId, reason: decision.reason, atMs: decision.at.getTime() };
        const replaced = this.approvals.remember(this.adminKey(context), approval);
        if (replaced) await this.ledger.recordFailure(replaced.rowId, decision.at, 'not-started');
      }
      return decision;
    });
  }

  /** A start: completes the matching allowed check if there is one, else a new attempt (admit). */
  admitStart(
    request: AttemptRequest,
    context: AttemptContext,
    server: Pick<OdooImpersonationPort, 'readTarget'>,
    state: () => ConsoleState,
    claim: (decision: AttemptDecision, sessionRowId: number) => void,
  ): Promise<{ decision: AttemptDecision; sessionRowId: number }> {
    const { match, stale } = this.approvals.take(this.adminKey(context), request, this.clock.now());
    if (!match) {
      const closeStale = stale ? this.ledger.recordFailure(stale.rowId, new Date(this.clock.now()), 'not-started') : null;
      return (closeStale ?? Promise.resolve()).then(() => this.admit(request, context, server, state, claim));
    }
    return this.inTurn(async () => {
      // AZ-2: the target is read again right before the start, whatever the check read.
      const decision = await this.decide(request, context, server, state(), true);
      if (decision.allowed) claim(decision, match.rowId);
      else await this.ledger.recordFailure(match.rowId, decision.at, decision.refusal?.codes.join(',') ?? 'refused');
      return { decision, sessionRowId: match.rowId };
    });
  }

  /**
   * A check or start whose payload the contract refused (IN-2): a refused attempt like
   * any other (AU-1), counted by the rate limit (LD-3), with the field and a bounded,
   * sanitised excerpt of what was sent (input-excerpt.ts), never the raw payload.
   */
  recordRefusedInput(context: AttemptContext, field: string, payload: unknown): Promise<number> {
    return this.inTurn(() => {
      const fields = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
      const targetId = fields.targetId;
      const sent = field === 'payload' ? payload : field.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], fields);
      return this.ledger.recordAttempt({
        connectionKey: context.connectionKey,
        serverKey: context.serverKey,
        admin: context.admin,
        target: { id: typeof targetId === 'number' && Number.isSafeInteger(targetId) ? targetId : 0, login: null, name: null },
        reason: typeof fields.reason === 'string' ? inputExcerpt(fields.reason, EXCERPT_MAX, false) : '',
        allowed: false,
        refusal: `invalid-input:${field}`,
        at: new Date(this.clock.now()),
        clientHost: context.clientHost,
        appVersion: context.appVersion,
        detail: `${field}: ${inputExcerpt(sent)}`,
      });
    });
  }

  /** Whether the rate limit would allow an attempt now (pre-warm only then); records nothing. */
  async wouldAllow(context: AttemptContext): Promise<boolean> {
    const rate = await this.limiter.check(rateLimitKey(context.serverKey, context.admin), this.clock.now());
    return rate.allowed || this.approvals.pendingFor(this.adminKey(context));
  }

  /** Rows of allowed checks this console still waits to start: recovery must leave them be. */
  pendingApprovalRows(): number[] {
    return this.approvals.pendingRows();
  }

  private adminKey(context: AttemptContext): string {
    return rateLimitKey(context.serverKey, context.admin);
  }

  /** One attempt at a time: two concurrent attempts must not both see the same count. */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(work);
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

/** The answer of `impersonation.check`. */
export function toCheckResult(decision: AttemptDecision): CheckResult {
  return {
    allowed: decision.allowed,
    refusal: decision.refusal?.message ?? null,
    remainingAttempts: decision.remaining,
    retryAfterSeconds: decision.retryAfterSeconds,
  };
}
