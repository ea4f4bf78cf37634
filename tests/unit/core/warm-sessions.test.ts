// The warm session's races (core/warm-sessions.ts), with the in-memory server and
// ledger: a dialog cancelled while its session is still being authenticated, a start
// arriving before it is ready, a destroy the server did not confirm, and one the audit
// could not record.
import { describe, expect, it } from 'vitest';
import { WARM_UNUSED_MS, WarmSessions } from '../../../src-main/core/warm-sessions';
import { FakeOdoo } from './support/fake-odoo';
import { InMemoryLedger } from './support/in-memory-ledger';
import { flush, ManualScheduler, ManualTime } from './support/manual-time';

function setup() {
  const time = new ManualTime();
  const scheduler = new ManualScheduler(time);
  const ledger = new InMemoryLedger();
  const odoo = new FakeOdoo();
  return { time, scheduler, ledger, odoo, warm: new WarmSessions(ledger, time, scheduler) };
}

const alice = { connectionKey: 'k', adminUid: 2, targetId: 6 };

describe('WarmSessions', () => {
  it('destroys a session cancelled while it was still being authenticated, once it exists', async () => {
    const { odoo, ledger, warm } = setup();
    const held = odoo.hold('prewarm');
    const ready = warm.prepare(alice, odoo);
    await held.reached;
    const cancelled = warm.discard('cancelled');
    held.release();
    expect(await ready).toBe(false);
    await cancelled;
    expect(odoo.liveSessions).toEqual([]);
    expect(ledger.warmRows).toMatchObject([{ end: 'cancelled' }]);
  });

  it('hands a start the session it is still authenticating, once', async () => {
    const { odoo, warm } = setup();
    const held = odoo.hold('prewarm');
    void warm.prepare(alice, odoo);
    await held.reached;
    const taking = warm.take(alice, odoo);
    held.release();
    const taken = await taking;
    expect(taken?.handle.sessionIdentifier).toBe(odoo.sessions[0]!.identifier);
    expect(await warm.take(alice, odoo)).toBeNull();
    // Taken: neither the timer nor a later cancel destroys it under the start.
    await warm.discard('cancelled');
    expect(odoo.liveSessions).toHaveLength(1);
  });

  it('keeps the record open when the server did not confirm the destroy, for recovery to revoke', async () => {
    const { odoo, ledger, scheduler, warm } = setup();
    expect(await warm.prepare(alice, odoo)).toBe(true);
    odoo.failing.add('discardWarm');
    await scheduler.advance(WARM_UNUSED_MS);
    await warm.discard('cancelled');
    expect(await ledger.openWarmSessions()).toHaveLength(1);
    expect(odoo.calls).toContain('discardWarm');
  });

  it('destroys a session the audit could not record, and never hands it out', async () => {
    const { odoo, ledger, warm } = setup();
    ledger.recordWarmSession = () => Promise.reject(new Error('SQLITE_FULL'));
    expect(await warm.prepare(alice, odoo)).toBe(false);
    await flush();
    expect(odoo.liveSessions).toEqual([]);
    expect(await warm.take(alice, odoo)).toBeNull();
  });

  it('keeps one warm session per console: another dialog destroys the previous one', async () => {
    const { odoo, ledger, warm } = setup();
    expect(await warm.prepare(alice, odoo)).toBe(true);
    expect(await warm.prepare({ ...alice, targetId: 7 }, odoo)).toBe(true);
    await warm.discard('cancelled');
    expect(ledger.warmRows.map((row) => row.end)).toEqual(['other-target', 'cancelled']);
    expect(odoo.liveSessions).toEqual([]);
  });
});
