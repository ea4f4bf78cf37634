// LD-2: double start, stop during start, timeout during a tray stop — no orphan server
// session, no view left open, an audit that tells what happened once.
import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../../src-preload/contract';
import { ConsoleHarness } from './support/session-harness';
import { deferred } from './support/deferred';
import { flush } from './support/manual-time';
import type { OdooStep } from './support/fake-odoo';

function settle(promise: Promise<SessionView>) {
  return promise.then(
    (view) => ({ ok: true as const, view }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

function expectNoOrphan(h: ConsoleHarness) {
  expect(h.odoo.liveSessions).toHaveLength(0);
  expect(h.view.isOpen).toBe(false);
  expect(h.ledger.violations).toEqual([]);
  expect(h.view.violations).toEqual([]);
}

describe('races (LD-2)', () => {
  it('a double click starts one session; the second attempt is refused and recorded', async () => {
    const h = new ConsoleHarness();
    const [first, second] = await Promise.all([settle(h.start(6)), settle(h.start(6))]);
    expect(first).toMatchObject({ ok: true, view: { phase: 'active' } });
    expect(second).toMatchObject({ ok: false, error: { key: 'rules.alreadyActive' } });
    expect(h.odoo.sessions).toHaveLength(1);
    expect(h.ledger.rows.map((r) => r.attempt.allowed)).toEqual([true, false]);
    expect(h.view.opened).toHaveLength(1);
  });

  it.each<OdooStep>(['readTarget', 'impersonate', 'writeServerAuditEntry'])(
    'a stop while the start waits on %s: the view never opens and the server session is ended',
    async (step) => {
      const h = new ConsoleHarness();
      const held = h.odoo.hold(step);
      const start = settle(h.start());
      await held.reached;
      const stop = h.session.stop('banner');
      held.release();
      await stop;
      expect((await start).ok).toBe(true);
      expect(h.view.opened).toHaveLength(0);
      expectNoOrphan(h);
      const row = h.ledger.row(1);
      expect(row.start).toBeNull();
      expect(row.failure?.reason).toBe('cancelled:banner');
      expect(h.session.current()).toMatchObject({ phase: 'ended', endCause: 'banner' });
      // Stopped while still being admitted: nothing was created on the server at all.
      if (step === 'readTarget') expect(h.odoo.sessions).toHaveLength(0);
    },
  );

  it('a stop while the view is opening: the view is closed at once and the record closed with the cause', async () => {
    const h = new ConsoleHarness();
    const gate = deferred();
    h.view.openGate = gate.promise;
    const start = settle(h.start());
    await flush();
    expect(h.view.isOpen).toBe(true);
    const stop = h.session.stop('tray');
    gate.resolve();
    await stop;
    expect(await start).toMatchObject({ ok: true, view: { phase: 'ended', endCause: 'tray' } });
    expectNoOrphan(h);
    expect(h.ledger.row(1).ends.map((e) => e.cause)).toEqual(['tray']);
  });

  it('a quit while the attempt is being admitted: no session is started after it', async () => {
    const h = new ConsoleHarness();
    const held = h.odoo.hold('readTarget');
    const start = settle(h.start());
    await held.reached;
    const quit = h.session.shutdown('quit', 5_000);
    held.release();
    expect(await quit).toBe('ended');
    expect(await start).toMatchObject({ ok: true, view: { phase: 'ended', endCause: 'quit' } });
    expect(h.odoo.sessions).toHaveLength(0);
    expect(h.ledger.row(1).failure?.reason).toBe('cancelled:quit');
  });

  it('a quit during the start ends it within the bounded wait, leaving nothing behind', async () => {
    const h = new ConsoleHarness();
    const held = h.odoo.hold('impersonate');
    const start = settle(h.start());
    await held.reached;
    const quit = h.session.shutdown('quit', 5_000);
    held.release();
    expect(await quit).toBe('ended');
    await start;
    expectNoOrphan(h);
    expect(h.ledger.row(1).failure?.reason).toBe('cancelled:quit');
  });

  it('a timeout during a tray stop: the tray cause stands, ended once', async () => {
    const h = new ConsoleHarness();
    await h.start();
    const held = h.odoo.hold('endImpersonation');
    const stop = h.session.stop('tray');
    await held.reached;
    expect(h.view.isOpen).toBe(false);
    h.time.jumpWall(61 * 60_000);
    expect(h.session.current()).toMatchObject({ phase: 'stopping', endCause: 'tray' });
    await h.advance(2_000);
    held.release();
    await stop;
    expect(h.session.current()).toMatchObject({ phase: 'ended', endCause: 'tray' });
    expect(h.ledger.row(1).ends.map((e) => e.cause)).toEqual(['tray']);
    expectNoOrphan(h);
  });

  it('a stop from the banner and the tray at once: one end, the first cause', async () => {
    const h = new ConsoleHarness();
    await h.start();
    await Promise.all([h.session.stop('banner'), h.session.stop('tray')]);
    expect(h.ledger.row(1).ends.map((e) => e.cause)).toEqual(['banner']);
    expect(h.odoo.calls.filter((c) => c === 'endImpersonation')).toHaveLength(1);
    expectNoOrphan(h);
  });

  it('a start right after a stop during the start gets its own, new session', async () => {
    const h = new ConsoleHarness();
    const held = h.odoo.hold('impersonate');
    const first = settle(h.start(6));
    await held.reached;
    const stop = h.session.stop('banner');
    held.release();
    await stop;
    await first;
    expect(await h.start(7)).toMatchObject({ phase: 'active', target: { login: 'bob' } });
    expect(h.odoo.liveSessions.map((s) => s.targetId)).toEqual([7]);
  });

  it('the server expiring the session while a stop is under way changes nothing', async () => {
    const h = new ConsoleHarness();
    await h.start();
    const held = h.odoo.hold('endImpersonation');
    const stop = h.session.stop('banner');
    await held.reached;
    h.odoo.expireAll();
    await h.advance(31_000);
    held.release();
    await stop;
    expect(h.ledger.row(1).ends.map((e) => e.cause)).toEqual(['banner']);
    expectNoOrphan(h);
  });
});
