// "Check, then start" is one attempt: the allowed check is recorded and counted,
// and the start that follows completes it (attempt-approvals.ts).
import { describe, expect, it } from 'vitest';
import { APPROVAL_TTL_MS } from '../../../src-main/core/attempt-approvals';
import { CONNECTION_KEY, ConsoleHarness, REASON } from './support/session-harness';

describe('an allowed check followed by its start', () => {
  it('counts as one attempt and starts on the checked attempt’s record', async () => {
    const console = new ConsoleHarness();
    const check = await console.session.check({ targetId: 6, reason: REASON }, console.context());
    expect(check.allowed).toBe(true);
    await console.start(6, REASON);
    expect(console.ledger.rows).toHaveLength(1);
    expect(console.ledger.rows[0]!.start).not.toBeNull();
    expect(console.ledger.violations).toEqual([]);
  });

  it('starts after the fifth check of the minute, which the limiter already counted', async () => {
    const console = new ConsoleHarness();
    for (let i = 0; i < 5; i += 1) {
      expect((await console.session.check({ targetId: 6, reason: REASON }, console.context())).allowed).toBe(true);
    }
    await expect(console.start(6, REASON)).resolves.toMatchObject({ phase: 'active' });
    // Four approvals were replaced without a start: their records say so.
    expect(console.ledger.rows.filter((row) => row.failure?.reason === 'not-started')).toHaveLength(4);
  });

  it('re-applies the rules at the start: a target that became an administrator is refused', async () => {
    const console = new ConsoleHarness();
    await console.session.check({ targetId: 6, reason: REASON }, console.context());
    const alice = (await console.odoo.readTarget(6))!;
    console.odoo.readTarget = async () => ({ ...alice, isSystemAdmin: true }); // promoted meanwhile
    await expect(console.start(6, REASON)).rejects.toMatchObject({ kind: 'refused', key: 'rules.targetAdministrator' });
    expect(console.ledger.rows).toHaveLength(1);
    expect(console.ledger.rows[0]!.failure?.reason).toBe('administrator');
    expect(console.odoo.liveSessions).toHaveLength(0);
  });

  it('counts a start with another reason as a new attempt and closes the unused check', async () => {
    const console = new ConsoleHarness();
    await console.session.check({ targetId: 6, reason: REASON }, console.context());
    await console.start(6, `${REASON} (updated)`);
    expect(console.ledger.rows).toHaveLength(2);
    expect(console.ledger.rows[0]!.failure?.reason).toBe('not-started');
  });

  it('counts a start as a new attempt once the check is too old', async () => {
    const console = new ConsoleHarness();
    await console.session.check({ targetId: 6, reason: REASON }, console.context());
    console.time.jumpWall(APPROVAL_TTL_MS + 1);
    await console.start(6, REASON);
    expect(console.ledger.rows).toHaveLength(2);
  });

  it('survives a reconnect: recovery leaves an allowed check still waiting for its start alone', async () => {
    const console = new ConsoleHarness();
    await console.session.check({ targetId: 6, reason: REASON }, console.context());
    const report = await console.session.recover(CONNECTION_KEY, console.odoo);
    expect(report.recovered).toEqual([]);
    await expect(console.start(6, REASON)).resolves.toMatchObject({ phase: 'active' });
    expect(console.ledger.violations).toEqual([]);
  });
});
