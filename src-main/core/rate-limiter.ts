// At most 5 attempts per admin and server in any rolling 60 seconds (LD-3).
//
// What counts: every recorded attempt — allowed, refused by another rule, and refused by
// this limiter itself. The limiter keeps no state: it reads the attempt times from the
// audit store (AuditLedger.attemptTimes), and the flow records every attempt there, so a
// restart changes nothing. Hammering while limited therefore keeps the limit closed;
// retryAfterSeconds says when an attempt made without further tries will pass.
//
// The window: an attempt at time t is in the window at `now` when now - t < 60 000 ms.
// Attempts stamped after `now` (the wall clock was set back) stay in the window, so
// turning the clock back cannot reset the limiter.
import type { AttemptAllowance } from '../../src-preload/contract';
import { RATE_LIMIT_ATTEMPTS, RATE_LIMIT_WINDOW_MS } from '../../src-preload/limits';
import type { AdminIdentity, AuditLedger } from './ports';

export interface RateDecision {
  /** Fewer than 5 attempts in the window before this one. */
  allowed: boolean;
  /** Attempts still accepted in the window once this one is recorded (0..4). */
  remaining: number;
  /** When refused: whole seconds after which an attempt passes, if none is made meanwhile. */
  retryAfterSeconds: number | null;
}

/**
 * The limiter key of an admin on a server: per server, not per spelling of its URL
 * (`serverKey`, core/server-identity.ts). The audit store derives the key of each
 * recorded attempt with this same function, so that attemptTimes() finds them. Rows
 * stored before the key was the server's identity keep their old key: with a 60 s
 * window they need no migration.
 */
export function rateLimitKey(serverKey: string, admin: Pick<AdminIdentity, 'uid'>): string {
  return `${admin.uid}@${serverKey}`;
}

export interface RateLimiterOptions {
  limit?: number;
  windowMs?: number;
}

export class RateLimiter {
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(
    private readonly attempts: Pick<AuditLedger, 'attemptTimes'>,
    options: RateLimiterOptions = {},
  ) {
    this.limit = options.limit ?? RATE_LIMIT_ATTEMPTS;
    this.windowMs = options.windowMs ?? RATE_LIMIT_WINDOW_MS;
  }

  /** Decides on an attempt made at `nowMs`. Does not record it: the caller records every attempt. */
  async check(key: string, nowMs: number): Promise<RateDecision> {
    const since = nowMs - this.windowMs;
    // Filtered again here: the store's `since` may be inclusive, the window is not.
    const inWindow = (await this.attempts.attemptTimes(key, since)).filter((t) => t > since);
    const allowed = inWindow.length < this.limit;
    const remaining = Math.max(0, this.limit - inWindow.length - 1);
    if (allowed) return { allowed, remaining, retryAfterSeconds: null };
    return { allowed, remaining, retryAfterSeconds: this.retryAfterSeconds(inWindow, nowMs) };
  }

  /** How many attempts are left right now, without making one (what the Reason dialog shows). */
  async available(key: string, nowMs: number): Promise<AttemptAllowance> {
    const since = nowMs - this.windowMs;
    const inWindow = (await this.attempts.attemptTimes(key, since)).filter((t) => t > since).sort((a, b) => b - a);
    const remaining = Math.max(0, this.limit - inWindow.length);
    if (remaining > 0) return { limit: this.limit, remaining, retryAfterSeconds: null };
    // The next attempt passes once the limit-th most recent one has left the window.
    const blocking = inWindow[this.limit - 1] ?? nowMs;
    return { limit: this.limit, remaining, retryAfterSeconds: Math.max(1, Math.ceil((blocking + this.windowMs - nowMs) / 1000)) };
  }

  // Once this refused attempt is recorded at nowMs, an attempt at T passes when fewer than
  // `limit` attempts lie in (T - window, T]: the limit-th most recent of them (this one
  // included) must have left the window.
  private retryAfterSeconds(inWindow: number[], nowMs: number): number {
    const newestFirst = [nowMs, ...inWindow].sort((a, b) => b - a);
    const blocking = newestFirst[this.limit - 1] ?? nowMs;
    return Math.max(1, Math.ceil((blocking + this.windowMs - nowMs) / 1000));
  }
}
