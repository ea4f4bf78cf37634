import { describe, expect, it } from 'vitest';
import type { ConsoleState } from '../../../src-main/core/attempt';
import { AttemptGate, toCheckResult } from '../../../src-main/core/attempt-gate';
import { ADMIN, FakeOdoo } from './support/fake-odoo';
import { InMemoryLedger } from './support/in-memory-ledger';
import { ManualTime } from './support/manual-time';
import { REASON, startContext } from './support/session-harness';

function setup() {
  const ledger = new InMemoryLedger();
  const time = new ManualTime();
  const odoo = new FakeOdoo();
  const gate = new AttemptGate(ledger, time);
  const admit = (targetId: number, reason = REASON, state: ConsoleState = 'free') =>
    gate.admit({ targetId, reason }, startContext(odoo), odoo, () => state);
  return { ledger, time, odoo, gate, admit };
}

describe('AttemptGate', () => {
  it('allows an eligible target with a valid reason and records the trimmed reason', async () => {
    const { admit, ledger } = setup();
    const { decision, sessionRowId } = await admit(6, `  ${REASON}  `);
    expect(toCheckResult(decision)).toEqual({ allowed: true, refusal: null, remainingAttempts: 4, retryAfterSeconds: null });
    expect(ledger.row(sessionRowId).attempt).toMatchObject({ allowed: true, reason: REASON, target: { login: 'alice' }, admin: ADMIN });
  });

  it.each([
    [1, 'superuser,administrator', 'rules.targetSuperuser'],
    [2, 'self,administrator', 'rules.targetSelf'],
    [8, 'administrator', 'rules.targetAdministrator'],
    [9, 'portal', 'rules.targetPortal'],
    [10, 'archived', 'rules.targetArchived'],
    [404, 'target-unknown', 'rules.targetUnknown'],
  ])('refuses target %s, recording "%s"', async (targetId, refusal, key) => {
    const { admit, ledger } = setup();
    const { decision } = await admit(targetId);
    expect(toCheckResult(decision)).toMatchObject({ allowed: false, refusal: { key }, remainingAttempts: 4 });
    expect(ledger.row(1).attempt).toMatchObject({ allowed: false, refusal });
  });

  it('refuses when the target cannot be re-read on the server', async () => {
    const { admit, odoo } = setup();
    odoo.down = true;
    expect((await admit(6)).decision.refusal?.codes).toEqual(['target-check-failed']);
  });

  it('applies the rules in order: rate limit, console busy, reason, target', async () => {
    const { admit, odoo } = setup();
    expect((await admit(8, 'short', 'busy')).decision.refusal?.codes).toEqual(['already-active']);
    expect((await admit(8, 'short', 'closing')).decision.refusal?.codes).toEqual(['closing']);
    expect((await admit(8, 'short')).decision.refusal?.codes).toEqual(['reason-too-short']);
    expect((await admit(8)).decision.refusal?.codes).toEqual(['administrator']);
    expect((await admit(9)).decision.refusal?.codes).toEqual(['portal']);
    const calls = odoo.calls.length;
    const limited = (await admit(8, 'short', 'busy')).decision;
    expect(limited.refusal?.codes).toEqual(['rate-limited']);
    expect(toCheckResult(limited)).toMatchObject({ refusal: { key: 'rules.rateLimited', params: { seconds: 60 } }, remainingAttempts: 0, retryAfterSeconds: 60 });
    expect(odoo.calls.length, 'no server call while limited').toBe(calls);
  });

  it('admits concurrent attempts one at a time, so the limit cannot be overrun', async () => {
    const { admit, ledger } = setup();
    const decisions = await Promise.all(Array.from({ length: 8 }, () => admit(6)));
    expect(decisions.filter((d) => d.decision.allowed)).toHaveLength(5);
    expect(ledger.rows).toHaveLength(8);
  });
});
