// The start and stop sequences of docs/architecture.md, through in-memory ports.
import { describe, expect, it } from 'vitest';
import { AttemptRefusedError } from '../../../src-main/core/impersonation-session';
import type { ConsoleError } from '../../../src-main/core/console-error';
import { ConsoleHarness, REASON } from './support/session-harness';
import type { OdooStep } from './support/fake-odoo';
import { flush } from './support/manual-time';

async function rejection(promise: Promise<unknown>): Promise<ConsoleError> {
  try {
    await promise;
  } catch (error) {
    return error as ConsoleError;
  }
  throw new Error('expected a rejection');
}

describe('ImpersonationSession: start', () => {
  it('starts: attempt, start record and server log entry committed before the view gets the cookie', async () => {
    const h = new ConsoleHarness();
    const committedAtOpen: string[] = [];
    h.view.onOpen = () => {
      const row = h.ledger.row(1);
      if (row.start) committedAtOpen.push('local start');
      if (h.odoo.auditEntries.length === 1) committedAtOpen.push('server log');
    };
    const view = await h.start();
    expect(committedAtOpen).toEqual(['local start', 'server log']);
    expect(view).toMatchObject({
      phase: 'active',
      target: { id: 6, login: 'alice', name: 'Alice Anderson' },
      reason: REASON,
      secondsLeft: 3_600,
      warning: false,
      serverEndPending: false,
    });
    const row = h.ledger.row(1);
    expect(row.attempt).toMatchObject({ allowed: true, refusal: null, target: { id: 6, login: 'alice' } });
    expect(row.start).toMatchObject({ sessionIdentifier: h.odoo.sessions[0]?.identifier, serverLogId: 1001, serverIp: '10.0.0.5' });
    expect(h.view.opened[0]).toMatchObject({ sessionKey: 'impersonation-1', sessionCookie: h.odoo.sessions[0]?.cookie });
    expect(h.odoo.auditEntries[0]).toMatchObject({ reason: REASON, sessionIdentifier: row.start?.sessionIdentifier });
  });

  it('never puts the cookie in the audit, the server log entry or the state the UI sees', async () => {
    const h = new ConsoleHarness();
    await h.start();
    const cookie = h.odoo.sessions[0]?.cookie ?? 'missing';
    const everything = JSON.stringify([h.ledger.rows, h.odoo.auditEntries, h.states, h.session.current()]);
    expect(everything).not.toContain(cookie);
    expect(everything).toContain(cookie.slice(0, 42));
  });

  it('refuses an administrator as target, records why, and calls nothing that changes the server', async () => {
    const h = new ConsoleHarness();
    const error = await rejection(h.start(8));
    expect(error).toBeInstanceOf(AttemptRefusedError);
    expect(error.key).toBe('rules.targetAdministrator');
    expect(h.ledger.row(1).attempt).toMatchObject({ allowed: false, refusal: 'administrator' });
    expect(h.odoo.calls).toEqual(['readTarget']);
    expect(h.session.current().phase).toBe('idle');
  });

  it('refuses a bad reason before asking the server anything', async () => {
    const h = new ConsoleHarness();
    const error = await rejection(h.start(6, 'too short'));
    expect(error.key).toBe('rules.reasonTooShort');
    expect(h.odoo.calls).toEqual([]);
    expect(h.ledger.row(1).attempt.refusal).toBe('reason-too-short');
  });

  it('refuses a second start while one is active (AZ-5), on the record', async () => {
    const h = new ConsoleHarness();
    await h.start();
    const error = await rejection(h.start(7));
    expect(error.key).toBe('rules.alreadyActive');
    expect(h.ledger.row(2).attempt).toMatchObject({ allowed: false, refusal: 'already-active' });
    expect(h.odoo.sessions).toHaveLength(1);
  });

  it('refuses the sixth attempt in a minute with the time to wait', async () => {
    const h = new ConsoleHarness();
    for (let i = 0; i < 5; i += 1) await rejection(h.start(8));
    const error = await rejection(h.start(6));
    expect(error).toMatchObject({ key: 'rules.rateLimited', params: { seconds: 60 } });
    expect(h.ledger.rows).toHaveLength(6);
  });

  it('refuses a start when the attempt cannot be recorded (full disk): no record, no server call', async () => {
    const h = new ConsoleHarness();
    h.ledger.failing.add('recordAttempt');
    const error = await rejection(h.start());
    expect(error.kind).toBe('audit-failed');
    expect(h.odoo.calls).toEqual(['readTarget']);
    expect(h.odoo.sessions).toHaveLength(0);
  });

  it.each<[string, (h: ConsoleHarness) => void, string, boolean]>([
    ['impersonate fails', (h) => h.odoo.failing.add('impersonate'), 'rules.startFailed', false],
    ['the server reports another impersonator (AZ-6)', (h) => (h.odoo.misreportImpersonator = true), 'rules.startNotVerified', true],
    ['the ir.logging entry fails', (h) => h.odoo.failing.add('writeServerAuditEntry'), 'rules.startServerAuditFailed', true],
    ['the identifier cannot go on the local record', (h) => h.ledger.failing.add('recordServerSession'), 'rules.startAuditFailed', true],
    ["the connector's verification fails beside the records", (h) => (h.odoo.verificationFails = true), 'rules.startFailed', true],
    ['the local start record fails', (h) => h.ledger.failing.add('recordStart'), 'rules.startAuditFailed', true],
    ['the view cannot open', (h) => (h.view.failOpen = true), 'rules.startViewFailed', true],
  ])('when %s: no live server session, no view, the failure on the record', async (_name, breakIt, key, created) => {
    const h = new ConsoleHarness();
    breakIt(h);
    const error = await rejection(h.start());
    expect(error).toMatchObject({ kind: 'start-failed', key });
    expect(h.odoo.sessions).toHaveLength(created ? 1 : 0);
    expect(h.odoo.liveSessions).toHaveLength(0);
    expect(h.view.isOpen).toBe(false);
    const row = h.ledger.row(1);
    if (row.start) expect(row.end).toMatchObject({ cause: 'error' });
    else expect(row.failure).not.toBeNull();
    expect(h.session.current().error).toMatchObject({ key });
    expect(h.ledger.violations).toEqual([]);
  });
});

describe('ImpersonationSession: the write-ahead records beside the verification (issue 13)', () => {
  it('writes the identifier and the start entry while the switch is verified, and opens the view only after both', async () => {
    const h = new ConsoleHarness();
    const order: string[] = [];
    h.ledger.onCommit = (method) => order.push(method);
    const impersonate = h.odoo.impersonate.bind(h.odoo);
    h.odoo.impersonate = async (...args) => {
      const handle = await impersonate(...args);
      order.push('switch verified');
      return handle;
    };
    const open = h.view.open.bind(h.view);
    h.view.open = async (spec) => {
      order.push('view opened');
      await open(spec);
    };
    await h.start();
    expect(order).toEqual(['recordAttempt', 'recordServerSession', 'switch verified', 'recordServerSession', 'recordStart', 'view opened']);
    expect(h.odoo.auditEntries).toHaveLength(1);
    expect(h.ledger.row(1).start).toMatchObject({ serverLogId: expect.any(Number) });
  });

  it('ends the start entry on the server when the verification fails after it was written', async () => {
    const h = new ConsoleHarness();
    h.odoo.verificationFails = true;
    await rejection(h.start());
    expect(h.odoo.auditEntries).toHaveLength(1);
    expect(h.odoo.endEntries).toEqual([expect.objectContaining({ sessionIdentifier: h.odoo.auditEntries[0]!.sessionIdentifier, cause: 'error' })]);
    expect(h.ledger.row(1)).toMatchObject({ start: null, failure: { reason: 'impersonate-failed' } });
    expect(h.view.opened).toEqual([]);
  });

  it('writes no start entry when the identifier cannot go on the local record first', async () => {
    const h = new ConsoleHarness();
    h.ledger.failing.add('recordServerSession');
    await rejection(h.start());
    expect(h.odoo.auditEntries).toEqual([]);
    expect(h.ledger.row(1)).toMatchObject({ failure: { reason: 'local-audit-failed' } });
  });

  it('writes them in turn, still before the view, when the connector did not run them', async () => {
    const h = new ConsoleHarness();
    h.odoo.runsWriteAhead = false;
    await h.start();
    expect(h.odoo.calls).toEqual(['readTarget', 'impersonate', 'writeServerAuditEntry']);
    expect(h.odoo.auditEntries[0]).toMatchObject({ impersonateLogAfter: null, sessionIdentifier: h.odoo.sessions[0]!.identifier });
    expect(h.view.isOpen).toBe(true);
  });
});

describe('ImpersonationSession: stop', () => {
  it.each(['banner', 'tray'] as const)('stops from the %s: view first, then the server, then the record', async (cause) => {
    const h = new ConsoleHarness();
    await h.start();
    const order: string[] = [];
    const close = h.view.close.bind(h.view);
    h.view.close = async () => {
      order.push('view closed');
      await close();
    };
    h.ledger.onCommit = (method) => order.push(method);
    const view = await h.session.stop(cause);
    expect(view).toMatchObject({ phase: 'ended', endCause: cause, serverEndPending: false });
    // The timeline's summary (issue 17.3) goes on the record just before the end.
    expect(order).toEqual(['view closed', 'recordTimelineSummary', 'recordEnd']);
    expect(h.odoo.sessions[0]).toMatchObject({ alive: false, logClosed: true });
    expect(h.ledger.row(1).end).toMatchObject({ cause, serverEndPending: false, detail: null });
  });

  it('keeps retrying a stop the server cannot receive, saying so, and records the end once it is done (FT-3)', async () => {
    const h = new ConsoleHarness();
    await h.start();
    const stoppedAt = h.time.now();
    h.odoo.down = true;
    const view = await h.session.stop('banner');
    expect(view).toMatchObject({ phase: 'stopping', serverEndPending: true, endCause: 'banner' });
    expect(h.view.isOpen).toBe(false);
    expect(h.ledger.row(1).end).toBeNull();
    await h.advance(10_000);
    expect(h.odoo.calls.filter((c) => c === 'endImpersonation').length).toBeGreaterThan(3);
    h.odoo.down = false;
    await h.advance(8_000);
    expect(h.session.current()).toMatchObject({ phase: 'ended', endCause: 'banner', serverEndPending: false });
    expect(h.odoo.liveSessions).toHaveLength(0);
    const end = h.ledger.row(1).end;
    expect(end?.endedAtClient.getTime()).toBe(stoppedAt);
    expect(end?.detail).toMatch(/server end confirmed after \d+ tries/);
  });

  it('refuses a new start while the server end of the last one is pending', async () => {
    const h = new ConsoleHarness();
    await h.start();
    h.odoo.down = true;
    await h.session.stop('banner');
    h.odoo.down = false;
    const error = await rejection(h.start(7));
    expect(error.key).toBe('rules.alreadyActive');
  });

  it('retries the pending end at once on resume', async () => {
    const h = new ConsoleHarness();
    await h.start();
    h.odoo.down = true;
    await h.session.stop('tray');
    h.odoo.down = false;
    h.session.resume();
    await flush();
    expect(h.session.current()).toMatchObject({ phase: 'ended', endCause: 'tray' });
  });
});

describe('ImpersonationSession: the deadline (SS-3)', () => {
  it('warns 5 minutes before and ends as timeout at 60 minutes', async () => {
    const h = new ConsoleHarness();
    const countdowns: Array<{ secondsLeft: number; warning: boolean }> = [];
    h.session.onCountdown((c) => countdowns.push(c));
    await h.start();
    await h.advance(55 * 60_000 - 1_000);
    expect(h.session.current()).toMatchObject({ phase: 'active', warning: false, secondsLeft: 301 });
    await h.advance(1_000);
    expect(h.session.current()).toMatchObject({ phase: 'active', warning: true, secondsLeft: 300 });
    expect(h.states.some((s) => s.phase === 'active' && s.warning)).toBe(true);
    await h.advance(5 * 60_000);
    expect(h.session.current()).toMatchObject({ phase: 'ended', endCause: 'timeout' });
    expect(h.ledger.row(1).end?.cause).toBe('timeout');
    expect(h.view.isOpen).toBe(false);
    expect(countdowns.at(-1)).toEqual({ secondsLeft: 1, warning: true });
  });

  it('uses the lower limit from Settings, and never more than 60 minutes', async () => {
    const lower = new ConsoleHarness();
    lower.limitMinutes = 15;
    expect((await lower.start()).secondsLeft).toBe(900);
    const higher = new ConsoleHarness();
    higher.limitMinutes = 600;
    expect((await higher.start()).secondsLeft).toBe(3_600);
  });

  it('ends at once when the wall clock jumps past the deadline, on the next call', async () => {
    const h = new ConsoleHarness();
    await h.start();
    h.time.jumpWall(61 * 60_000);
    expect(h.session.current()).toMatchObject({ phase: 'stopping', endCause: 'timeout' });
    await flush();
    expect(h.ledger.row(1).end?.cause).toBe('timeout');
  });

  it('is not extended by a clock set back', async () => {
    const h = new ConsoleHarness();
    await h.start();
    await h.advance(30 * 60_000);
    h.time.jumpWall(-3 * 3_600_000);
    expect(h.session.current().secondsLeft).toBe(1_800);
    await h.advance(30 * 60_000);
    expect(h.session.current()).toMatchObject({ phase: 'ended', endCause: 'timeout' });
  });

  it('ends a session whose deadline passed during sleep on resume, before any timer fires', async () => {
    const h = new ConsoleHarness();
    await h.start();
    h.time.sleep(2 * 3_600_000);
    const view = h.session.resume();
    expect(view).toMatchObject({ phase: 'stopping', endCause: 'timeout' });
    await flush();
    expect(h.ledger.row(1).end?.cause).toBe('timeout');
  });
});

describe('ImpersonationSession: server-side expiry, shutdown, recovery', () => {
  it('notices that the server expired the session and ends it as server-expired', async () => {
    const h = new ConsoleHarness();
    await h.start();
    h.odoo.expireAll();
    await h.advance(30_000);
    expect(h.session.current()).toMatchObject({ phase: 'ended', endCause: 'server-expired' });
    expect(h.ledger.row(1).end).toMatchObject({ cause: 'server-expired' });
    expect(h.view.isOpen).toBe(false);
  });

  it('keeps the session when the server cannot be asked (network), and asks again later', async () => {
    const h = new ConsoleHarness();
    await h.start();
    h.odoo.down = true;
    await h.advance(65_000);
    expect(h.session.current().phase).toBe('active');
    h.odoo.down = false;
    h.odoo.expireAll();
    await h.advance(30_000);
    expect(h.session.current().endCause).toBe('server-expired');
  });

  it.each(['quit', 'window-close', 'shutdown', 'suspend'] as const)('ends the session on %s', async (cause) => {
    const h = new ConsoleHarness();
    await h.start();
    expect(await h.session.shutdown(cause, 5_000)).toBe('ended');
    expect(h.ledger.row(1).end?.cause).toBe(cause);
    expect(h.odoo.liveSessions).toHaveLength(0);
  });

  it('waits a bounded time at quit when the server is down, and leaves the record open for recovery', async () => {
    const h = new ConsoleHarness();
    await h.start();
    h.odoo.down = true;
    const outcome = h.session.shutdown('quit', 5_000);
    await h.advance(5_000);
    expect(await outcome).toBe('server-end-pending');
    h.session.dispose();
    expect(h.view.isOpen).toBe(false);
    expect(h.ledger.row(1).end).toBeNull();
    expect(await rejection(h.start(7))).toMatchObject({ key: 'rules.consoleClosing' });
    h.odoo.down = false;
    await h.crash();
    expect(h.ledger.row(1).end).toMatchObject({
      cause: 'recovered',
      detail: "revoked on the server by its identifier; the server's impersonate.log row 41 was closed at 2025-01-15 10:00:00 UTC",
      impersonateLogId: 41,
    });
    expect(h.odoo.liveSessions).toHaveLength(0);
  });

  it('answers nothing-to-end when idle', async () => {
    const h = new ConsoleHarness();
    expect(await h.session.shutdown('quit')).toBe('nothing-to-end');
  });

  it('recovers after a crash: revokes the orphan, closes its log row, says so on the server, closes it as recovered (FT-1)', async () => {
    const h = new ConsoleHarness();
    await h.start();
    await h.crash();
    expect(h.odoo.liveSessions).toHaveLength(0);
    expect(h.odoo.sessions[0]?.logClosed).toBe(true);
    expect(h.odoo.calls.slice(-3)).toEqual<OdooStep[]>(['revokeByIdentifier', 'closeServerLog', 'writeServerEndEntry']);
    // The server's own word: the start entry's facts, 'recovered', when, and what was done.
    expect(h.odoo.endEntries).toEqual([
      expect.objectContaining({
        sessionIdentifier: h.odoo.sessions[0]?.identifier,
        reason: h.odoo.auditEntries[0]?.reason,
        cause: 'recovered',
        endedAtClient: expect.any(Date),
        impersonateLogId: 41,
        detail: expect.stringMatching(/^revoked on the server by its identifier; the server's impersonate\.log row 41 was closed/),
      }),
    ]);
    expect(h.ledger.row(1).end).toMatchObject({ cause: 'recovered', impersonateLogId: 41, endedAtServer: '2025-01-15 10:00:00' });
    expect(h.lastRecovery?.recovered).toEqual([
      expect.objectContaining({ sessionId: 1, revoke: 'revoked', logRow: { outcome: 'closed', rowId: 41, at: '2025-01-15 10:00:00' }, endEntry: true }),
    ]);
    expect(h.session.current().phase).toBe('idle');
  });

  it("recovers where the server refuses to close its log row: the session still ends, and the record and report say the row stays open", async () => {
    const h = new ConsoleHarness();
    await h.start();
    h.odoo.refuseLogWrite = true;
    await h.crash();
    expect(h.odoo.liveSessions).toHaveLength(0);
    expect(h.odoo.sessions[0]?.logClosed).toBe(false);
    expect(h.ledger.row(1).end?.detail).toMatch(/row 41 stays open: the server refused to close it \(You are not allowed to modify impersonate\.log\)/);
    expect(h.lastRecovery?.recovered[0]?.logRow).toMatchObject({ outcome: 'refused', rowId: 41 });
    expect(h.odoo.endEntries).toHaveLength(1);
  });

  it('keeps a row open when its log row cannot be reached, and finishes on a later recovery, each step safe to repeat', async () => {
    const h = new ConsoleHarness();
    await h.start();
    h.odoo.failing.add('closeServerLog');
    await h.crash();
    expect(h.ledger.row(1).end).toBeNull();
    expect(h.odoo.liveSessions).toHaveLength(0); // revoked already: the next try finds nothing live
    h.odoo.failing.delete('closeServerLog');
    const again = await h.session.recover('https://odoo.example.com|prod', h.odoo);
    expect(again.recovered).toEqual([expect.objectContaining({ sessionId: 1, revoke: 'not-found', logRow: expect.objectContaining({ outcome: 'closed' }) })]);
    expect(h.ledger.row(1).end).toMatchObject({ cause: 'recovered' });
  });

  it('still closes the record when the recovered end entry cannot be written, and says so', async () => {
    const h = new ConsoleHarness();
    await h.start();
    h.odoo.failing.add('writeServerEndEntry');
    await h.crash();
    expect(h.ledger.row(1).end?.detail).toMatch(/; the ir\.logging end entry could not be written$/);
    expect(h.lastRecovery?.recovered[0]?.endEntry).toBe(false);
  });

  it('tells several candidate log rows apart at the end: the one its back_to_origin_login closed', async () => {
    const h = new ConsoleHarness();
    h.odoo.twinStart = true;
    await h.start();
    expect(h.ledger.row(1).logRowIds).toEqual([41, 42]);
    // Written beside the verification, the start entry names the mark; the end names the row.
    expect(h.odoo.auditEntries[0]).toMatchObject({ impersonateLogIds: [], impersonateLogAfter: 40 });
    await h.session.stop('banner');
    expect(h.ledger.row(1).end).toMatchObject({ cause: 'banner', impersonateLogId: 41 });
    expect(h.odoo.endEntries[0]).toMatchObject({ cause: 'banner', impersonateLogId: 41 });
  });

  it('recovers a crash mid-start: the server session, opened but never recorded as started, is revoked (FT-1)', async () => {
    const h = new ConsoleHarness();
    const held = h.odoo.hold('writeServerAuditEntry');
    void h.start().catch(() => undefined);
    await held.reached; // impersonate_login went through; the process dies before the start is recorded
    expect(h.ledger.row(1).serverSession).toHaveLength(42);
    expect(h.ledger.row(1).start).toBeNull();
    await h.crash();
    expect(h.odoo.liveSessions).toHaveLength(0);
    expect(h.ledger.row(1).end).toMatchObject({ cause: 'recovered' });
    expect(h.ledger.violations).toEqual([]);
  });

  it('keeps a row open and reports it when the revoke fails, and closes it on a later recovery', async () => {
    const h = new ConsoleHarness();
    await h.start();
    h.odoo.failing.add('revokeByIdentifier');
    await h.crash();
    const report = await h.session.recover('https://odoo.example.com|prod', h.odoo);
    expect(report.failed).toEqual([{ sessionId: 1, sessionIdentifier: h.odoo.sessions[0]?.identifier, error: expect.any(String) }]);
    expect(h.ledger.row(1).end).toBeNull();
    h.odoo.failing.delete('revokeByIdentifier');
    const again = await h.session.recover('https://odoo.example.com|prod', h.odoo);
    expect(again.recovered.map((r) => r.sessionId)).toEqual([1]);
    expect(h.odoo.liveSessions).toHaveLength(0);
  });

  it('without res.device (Odoo 17.0): closes what it can, records what stays open and for how long, and reports it', async () => {
    const h = new ConsoleHarness();
    await h.start();
    h.odoo.revokeSupported = false;
    await h.crash();
    expect(h.ledger.row(1).end).toMatchObject({ cause: 'recovered' });
    expect(h.ledger.row(1).end?.detail).toMatch(/cannot revoke by identifier.*impersonate\.log row 41 was closed.*valid on the server until unused for 7 days.*never ran/);
    expect(h.odoo.calls).toContain('unrevocableFacts');
    // The session itself is still alive on the server: nothing pretends otherwise.
    expect(h.odoo.liveSessions).toHaveLength(1);
    expect(h.odoo.sessions[0]?.logClosed).toBe(true);
    expect(h.lastRecovery?.leftOpen).toEqual([
      expect.objectContaining({ sessionId: 1, targetName: expect.any(String), serverLogClosed: true, maxInactivitySeconds: 604_800, cleanup: 'never' }),
    ]);
  });

  it("never revokes this console's own running session", async () => {
    const h = new ConsoleHarness();
    await h.start();
    const report = await h.session.recover('https://odoo.example.com|prod', h.odoo);
    expect(report).toEqual({ recovered: [], leftOpen: [], failed: [] });
    expect(h.odoo.liveSessions).toHaveLength(1);
  });

  it('still ends the session, and reports the error, when the end record cannot be written', async () => {
    const h = new ConsoleHarness();
    await h.start();
    h.ledger.failing.add('recordEnd');
    const view = await h.session.stop('banner');
    expect(view).toMatchObject({ phase: 'ended', error: { kind: 'audit-failed' } });
    expect(h.odoo.liveSessions).toHaveLength(0);
  });

  it('calls the server in the order of the sequence', async () => {
    const h = new ConsoleHarness();
    await h.start();
    await h.session.stop('banner');
    expect(h.odoo.calls).toEqual<OdooStep[]>(['readTarget', 'impersonate', 'writeServerAuditEntry', 'endImpersonation', 'writeServerEndEntry']);
  });

  it('closes the server log with an end entry of the same session once the server confirmed the end (AU-4)', async () => {
    const h = new ConsoleHarness();
    await h.start();
    await h.session.stop('tray');
    const start = h.odoo.auditEntries[0]!;
    expect(h.odoo.endEntries).toEqual([
      {
        ...start,
        // The start entry could only name the mark; every later entry names the row.
        impersonateLogIds: [41],
        endedAtClient: expect.any(Date),
        cause: 'tray',
        impersonateLogId: 41,
        // Issue 17: read-only throughout, and the view reached nothing.
        changesAllowed: null,
        timeline: { mode: 'read-only', rows: [], otherCalls: 0, itemised: 0, counted: 0, bounded: false },
      },
    ]);
    expect(h.ledger.row(1).end).toMatchObject({ cause: 'tray', detail: null, impersonateLogId: 41 });
  });

  it('still closes the local record when the end entry cannot be written, and says so', async () => {
    const h = new ConsoleHarness();
    await h.start();
    h.odoo.failing.add('writeServerEndEntry');
    const view = await h.session.stop('banner');
    expect(view).toMatchObject({ phase: 'ended', endCause: 'banner' });
    expect(h.odoo.liveSessions).toHaveLength(0);
    expect(h.ledger.row(1).end).toMatchObject({ cause: 'banner', detail: "the server log's end entry could not be written" });
  });

  it('writes no end entry for a start that never reached the server log', async () => {
    const h = new ConsoleHarness();
    h.odoo.failing.add('writeServerAuditEntry');
    await rejection(h.start());
    expect(h.odoo.endEntries).toHaveLength(0);
  });
});
