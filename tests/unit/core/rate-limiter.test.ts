// LD-3: the limiter holds for any sequence of attempt times, refused attempts included,
// and a restart (a new limiter over the same attempt store) changes nothing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RATE_LIMIT_ATTEMPTS, RATE_LIMIT_WINDOW_MS } from '../../../src-preload/limits';
import { RateLimiter, rateLimitKey } from '../../../src-main/core/rate-limiter';
import { ADMIN } from './support/fake-odoo';
import { InMemoryLedger } from './support/in-memory-ledger';
import { T0 } from './support/manual-time';

const CONNECTION = 'https://odoo.example.com|prod';
const KEY = rateLimitKey(CONNECTION, ADMIN);

/** Plays the flow: ask the limiter, then record the attempt whatever the answer. */
async function attempt(ledger: InMemoryLedger, limiter: RateLimiter, at: number, admin = ADMIN) {
  const decision = await limiter.check(rateLimitKey(CONNECTION, admin), at);
  await ledger.recordAttempt({
    connectionKey: CONNECTION,
    serverKey: CONNECTION,
    admin,
    target: { id: 6, login: 'alice', name: 'Alice' },
    reason: 'Customer cannot see invoice',
    allowed: decision.allowed,
    refusal: decision.allowed ? null : 'rate-limited',
    at: new Date(at),
    clientHost: 'helpdesk-01',
    appVersion: '0.1.0',
  });
  return decision;
}

/** Attempt times as offsets, non-decreasing, clustered enough to hit the limit often. */
const gaps = fc.array(fc.oneof(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 70_000 })), {
  minLength: 1,
  maxLength: 40,
});

function timesFrom(deltas: number[]): number[] {
  let t = T0;
  return deltas.map((d) => (t += d));
}

describe('RateLimiter', () => {
  it('accepts five attempts in a minute and refuses the sixth with the time to wait', async () => {
    const ledger = new InMemoryLedger();
    const limiter = new RateLimiter(ledger);
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await attempt(ledger, limiter, T0 + i * 1_000));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, true, true, false]);
    expect(answers.map((a) => a.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
    // The sixth (at +5 s) is recorded too; the window must lose the attempt of +1 s: 61 s - 5 s.
    expect(answers[5]?.retryAfterSeconds).toBe(56);
  });

  it('says how many attempts are left without making one, and when the next one passes', async () => {
    const ledger = new InMemoryLedger();
    const limiter = new RateLimiter(ledger);
    expect(await limiter.available(KEY, T0)).toEqual({ limit: 5, remaining: 5, retryAfterSeconds: null });
    for (let i = 0; i < 5; i += 1) await attempt(ledger, limiter, T0 + i * 1_000);
    expect(await limiter.available(KEY, T0 + 5_000)).toEqual({ limit: 5, remaining: 0, retryAfterSeconds: 55 });
    expect(await limiter.available(KEY, T0 + 5_000)).toEqual(await limiter.available(KEY, T0 + 5_000));
    expect((await limiter.available(KEY, T0 + RATE_LIMIT_WINDOW_MS)).remaining).toBe(1);
  });

  it('counts an attempt exactly 60 s old as outside the window', async () => {
    const ledger = new InMemoryLedger();
    const limiter = new RateLimiter(ledger);
    for (let i = 0; i < 5; i += 1) await attempt(ledger, limiter, T0);
    expect((await limiter.check(KEY, T0 + RATE_LIMIT_WINDOW_MS - 1)).allowed).toBe(false);
    expect((await limiter.check(KEY, T0 + RATE_LIMIT_WINDOW_MS)).allowed).toBe(true);
  });

  it('keeps each admin and each connection apart', async () => {
    const ledger = new InMemoryLedger();
    const limiter = new RateLimiter(ledger);
    for (let i = 0; i < 5; i += 1) await attempt(ledger, limiter, T0 + i);
    expect((await limiter.check(KEY, T0 + 10)).allowed).toBe(false);
    expect((await limiter.check(rateLimitKey(CONNECTION, { uid: 3 }), T0 + 10)).allowed).toBe(true);
    expect((await limiter.check(rateLimitKey('https://other.example.com|prod', ADMIN), T0 + 10)).allowed).toBe(true);
  });

  it('is not reset by setting the clock back', async () => {
    const ledger = new InMemoryLedger();
    const limiter = new RateLimiter(ledger);
    for (let i = 0; i < 5; i += 1) await attempt(ledger, limiter, T0 + i);
    const decision = await limiter.check(KEY, T0 - 3_600_000);
    expect(decision.allowed).toBe(false);
    expect(decision.retryAfterSeconds).toBeGreaterThan(3_600);
  });

  it('accepts an attempt exactly when the previous 60 s hold fewer than 5 attempts, refused ones included', async () => {
    await fc.assert(
      fc.asyncProperty(gaps, async (deltas) => {
        const ledger = new InMemoryLedger();
        const limiter = new RateLimiter(ledger);
        const all: number[] = [];
        for (const t of timesFrom(deltas)) {
          const before = all.filter((s) => t - s < RATE_LIMIT_WINDOW_MS).length;
          const decision = await attempt(ledger, limiter, t);
          all.push(t);
          expect(decision.allowed).toBe(before < RATE_LIMIT_ATTEMPTS);
          expect(decision.remaining).toBe(Math.max(0, RATE_LIMIT_ATTEMPTS - before - 1));
        }
      }),
    );
  });

  it('never lets a rolling 60-s window hold more than 5 accepted attempts', async () => {
    await fc.assert(
      fc.asyncProperty(gaps, async (deltas) => {
        const ledger = new InMemoryLedger();
        const limiter = new RateLimiter(ledger);
        const accepted: number[] = [];
        for (const t of timesFrom(deltas)) if ((await attempt(ledger, limiter, t)).allowed) accepted.push(t);
        for (const start of accepted) {
          const inWindow = accepted.filter((t) => t >= start && t - start < RATE_LIMIT_WINDOW_MS);
          expect(inWindow.length).toBeLessThanOrEqual(RATE_LIMIT_ATTEMPTS);
        }
      }),
    );
  });

  it('answers a wait after which the next attempt passes, and not a second less', async () => {
    await fc.assert(
      fc.asyncProperty(gaps, async (deltas) => {
        const ledger = new InMemoryLedger();
        const limiter = new RateLimiter(ledger);
        for (const t of timesFrom(deltas)) {
          const decision = await attempt(ledger, limiter, t);
          if (decision.allowed) continue;
          const wait = decision.retryAfterSeconds ?? -1;
          expect(wait).toBeGreaterThanOrEqual(1);
          expect(wait).toBeLessThanOrEqual(60);
          // Probed without recording: the refused attempt itself is already on the record.
          expect((await limiter.check(KEY, t + wait * 1_000)).allowed).toBe(true);
          expect((await limiter.check(KEY, t + (wait - 1) * 1_000)).allowed).toBe(false);
        }
      }),
    );
  });

  it('gives the same answers after a restart: a new limiter over the same attempt store', async () => {
    await fc.assert(
      fc.asyncProperty(gaps, fc.nat({ max: 40 }), async (deltas, restartAt) => {
        const times = timesFrom(deltas);
        const steady = new InMemoryLedger();
        const steadyLimiter = new RateLimiter(steady);
        const restarted = new InMemoryLedger();
        let limiter = new RateLimiter(restarted);
        for (const [i, t] of times.entries()) {
          if (i === restartAt) limiter = new RateLimiter(restarted);
          const expected = await attempt(steady, steadyLimiter, t);
          expect(await attempt(restarted, limiter, t)).toEqual(expected);
        }
      }),
    );
  });
});
