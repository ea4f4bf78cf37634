// An allowed `impersonation.check` is the attempt: it is recorded and counted by
// the rate limiter. The start that follows it (same admin, target and reason,
// within APPROVAL_TTL_MS) completes that attempt instead of counting a second
// one — so "check, then start" costs one of the five attempts a minute. Every
// rule except the rate limit is applied again at the start (AZ-2: the target is
// re-read right before impersonate_login).
import type { AttemptRequest } from './attempt';
import { validateReason } from './reason';

export const APPROVAL_TTL_MS = 2 * 60_000;

export interface Approval {
  rowId: number;
  targetId: number;
  reason: string;
  atMs: number;
}

function sameRequest(approval: Approval, request: AttemptRequest): boolean {
  const reason = validateReason(request.reason);
  return approval.targetId === request.targetId && reason.ok && reason.reason === approval.reason;
}

export class ApprovedAttempts {
  /** One pending approval per admin on a connection. */
  private readonly byAdmin = new Map<string, Approval>();

  /** Remembers an allowed check; answers the approval it replaces (never started), if any. */
  remember(adminKey: string, approval: Approval): Approval | null {
    const replaced = this.byAdmin.get(adminKey) ?? null;
    this.byAdmin.set(adminKey, approval);
    return replaced;
  }

  /** Whether this admin has an allowed check waiting for its start (already counted). */
  pendingFor(adminKey: string): boolean {
    return this.byAdmin.has(adminKey);
  }

  /** The audit rows of the approvals still waiting for their start (not crash leftovers). */
  pendingRows(): number[] {
    return [...this.byAdmin.values()].map((approval) => approval.rowId);
  }

  /**
   * Takes the approval matching this start, if it is still fresh. Answers
   * { match } when it matches, and { stale } for an approval that was left
   * unused (expired or for another request): the caller closes its record.
   */
  take(adminKey: string, request: AttemptRequest, nowMs: number): { match: Approval | null; stale: Approval | null } {
    const approval = this.byAdmin.get(adminKey);
    if (!approval) return { match: null, stale: null };
    this.byAdmin.delete(adminKey);
    const fresh = nowMs - approval.atMs >= 0 && nowMs - approval.atMs <= APPROVAL_TTL_MS;
    if (fresh && sameRequest(approval, request)) return { match: approval, stale: null };
    return { match: null, stale: approval };
  }
}
