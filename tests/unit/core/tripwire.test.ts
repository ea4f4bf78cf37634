// AZ-6 while the session runs (issue 11.2): the tripwire ends the session as
// 'tampered' on the server's own word — the session's uid AND impersonate_from_uid,
// and every impersonate.log row created meanwhile, whatever its user_id — at least
// every 5 s and at once after a top-level navigation of the view; it records what it
// saw locally and in ir.logging, and tells the admin. AZ-1 at every start: the fresh
// session's own answer refuses before impersonate_login, on the record.
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../src-preload/contract';
import { AdminRightsRefusal } from '../../../src-main/core/ports';
import { judgeSession, describeFinding, type ExpectedSession } from '../../../src-main/core/tripwire';
import { ALIVE_CHECK_MS } from '../../../src-main/core/session-timers';
import { ADMIN, partnerOf } from './support/fake-odoo';
import { flush } from './support/manual-time';
import { ConsoleHarness } from './support/session-harness';

const ALICE = 6;
const ADMIN2 = 8;
const BOB = 7;

const expected: ExpectedSession = { targetUid: ALICE, adminUid: ADMIN.uid, logWatch: { afterId: 40, ownRowIds: [41], targetPartnerId: partnerOf(ALICE) } };
const own = { id: 41, impersonatorUid: ADMIN.uid, impersonatorName: 'Mitchell Admin', targetPartnerId: partnerOf(ALICE), targetName: 'Alice Anderson' };
const live = (uid: number, impersonatorUid: number | null) => ({ state: 'live' as const, uid, impersonatorUid });

describe('judgeSession: the rule', () => {
  it('is content with the session the console started and its own log row', () => {
    expect(judgeSession(expected, live(ALICE, ADMIN.uid), [own])).toEqual({ kind: 'ok', others: [] });
  });

  it.each([
    ['back to the admin', live(ADMIN.uid, null)],
    ['another administrator, impersonated from the admin', live(ADMIN2, ADMIN.uid)],
    ['the target, but impersonated from someone else', live(ALICE, ADMIN2)],
    ['the target logged in as herself', live(ALICE, null)],
  ])('calls a session that is %s tampered', (_name, witness) => {
    expect(judgeSession(expected, witness, [own])).toMatchObject({ kind: 'tampered', finding: { what: 'session-identity' } });
  });

  it('catches a switch that ended where it began (7 → 2 → 6 → 2 → 7) by the row it left', () => {
    const again = { ...own, id: 43 };
    const admin2Row = { id: 42, impersonatorUid: ADMIN.uid, impersonatorName: 'Mitchell Admin', targetPartnerId: partnerOf(ADMIN2), targetName: 'Second Admin' };
    expect(judgeSession(expected, live(ALICE, ADMIN.uid), [own, admin2Row, again])).toEqual({
      kind: 'tampered',
      finding: { what: 'foreign-log-row', rowId: 43, impersonatorUid: ADMIN.uid },
    });
  });

  it('watches every new row whatever its user_id says', () => {
    const disguised = { ...own, id: 42, impersonatorUid: BOB, impersonatorName: 'Bob Brown' };
    expect(judgeSession(expected, live(ALICE, ADMIN.uid), [own, disguised])).toMatchObject({ kind: 'tampered', finding: { rowId: 42 } });
    const rewritten = { ...own, impersonatorUid: BOB };
    expect(judgeSession(expected, live(ALICE, ADMIN.uid), [rewritten])).toMatchObject({ kind: 'tampered', finding: { what: 'own-log-row-rewritten' } });
  });

  it('takes every candidate of an ambiguous start as possibly its own, and still guards each one', () => {
    // Two consoles of the same admin switched to Alice at once: rows 41 and 42 both qualify.
    const twin = { ...expected, logWatch: { ...expected.logWatch!, ownRowIds: [41, 42] } };
    const other = { ...own, id: 42 };
    expect(judgeSession(twin, live(ALICE, ADMIN.uid), [own, other])).toEqual({ kind: 'ok', others: [] });
    expect(judgeSession(twin, live(ALICE, ADMIN.uid), [own, { ...other, impersonatorUid: BOB }])).toMatchObject({
      kind: 'tampered',
      finding: { what: 'own-log-row-rewritten', rowId: 42 },
    });
    expect(judgeSession(twin, live(ALICE, ADMIN.uid), [own, other, { ...own, id: 43 }])).toMatchObject({
      kind: 'tampered',
      finding: { what: 'foreign-log-row', rowId: 43 },
    });
  });

  it('names both users of an impersonation of someone else, and keeps the session', () => {
    const elsewhere = { id: 44, impersonatorUid: 9, impersonatorName: 'Dora Desk', targetPartnerId: partnerOf(BOB), targetName: 'Bob Brown' };
    expect(judgeSession(expected, live(ALICE, ADMIN.uid), [own, elsewhere])).toEqual({
      kind: 'ok',
      others: [{ rowId: 44, admin: 'Dora Desk', target: 'Bob Brown' }],
    });
  });

  it('tells expiry from tampering, and judges what it could read', () => {
    expect(judgeSession(expected, { state: 'expired' }, [own])).toEqual({ kind: 'expired' });
    expect(judgeSession(expected, null, [own, { ...own, id: 45 }])).toMatchObject({ kind: 'tampered' });
    expect(judgeSession(expected, null, null)).toEqual({ kind: 'ok', others: [] });
    expect(judgeSession({ ...expected, logWatch: null }, live(ALICE, ADMIN.uid), null)).toEqual({ kind: 'ok', others: [] });
  });

  it('describes a finding without any secret', () => {
    expect(describeFinding({ what: 'session-identity', uid: 2, impersonatorUid: null })).toBe(
      "tampered: the server says the view's session is uid 2, impersonated from nobody",
    );
  });
});

function harness() {
  const h = new ConsoleHarness();
  const notices: Notice[] = [];
  h.session.onNotice((notice) => notices.push(notice));
  return { h, notices };
}

describe('the tripwire in a running session (AZ-6)', () => {
  it('ends a session the page switched back to the admin within 5 s, as tampered, on every record', async () => {
    const { h, notices } = harness();
    await h.start(ALICE);
    const session = h.odoo.sessions[0]!;
    h.odoo.switchSession(session.identifier, ADMIN.uid, null);
    await h.advance(ALIVE_CHECK_MS);
    await flush();
    expect(h.view.isOpen).toBe(false);
    expect(h.session.current()).toMatchObject({
      phase: 'ended',
      endCause: 'tampered',
      error: { kind: 'tampered', key: 'session.tampered.ended', params: { name: 'Alice Anderson', login: 'alice' } },
    });
    const end = h.ledger.row(1).end;
    expect(end?.cause).toBe('tampered');
    expect(end?.detail).toContain("the server says the view's session is uid 2, impersonated from nobody");
    expect(end?.detail).toContain('ir.logging entry 2001');
    expect(h.odoo.tamperReports).toEqual([
      expect.objectContaining({ admin: ADMIN, target: expect.objectContaining({ id: ALICE }), sessionIdentifier: session.identifier, finding: expect.stringContaining('uid 2') }),
    ]);
    expect(notices).toEqual([{ level: 'error', key: 'session.tampered.notice', params: { name: 'Alice Anderson', login: 'alice' } }]);
  });

  it('checks at once after a top-level navigation of the view, without waiting for the timer', async () => {
    const { h } = harness();
    await h.start(ALICE);
    h.odoo.switchSession(h.odoo.sessions[0]!.identifier, ADMIN2, ADMIN.uid);
    h.view.navigate();
    await flush();
    expect(h.session.current()).toMatchObject({ endCause: 'tampered' });
  });

  it('runs another check right after one in flight when the view navigates meanwhile', async () => {
    const { h } = harness();
    await h.start(ALICE);
    // The check in flight has read the session's identity and waits for the log rows.
    const gate = h.odoo.hold('readNewImpersonateLogs');
    await h.advance(ALIVE_CHECK_MS);
    await gate.reached;
    h.odoo.switchSession(h.odoo.sessions[0]!.identifier, ADMIN.uid, null);
    h.view.navigate();
    gate.release();
    await flush();
    await flush();
    expect(h.session.current().endCause).toBe('tampered');
  });

  it('asks at least every 5 s, whatever the options say', async () => {
    const h = new ConsoleHarness({ aliveCheckMs: 60_000 });
    await h.start(ALICE);
    h.odoo.calls.length = 0;
    await h.advance(4 * ALIVE_CHECK_MS);
    expect(h.odoo.calls.filter((call) => call === 'checkAlive')).toHaveLength(4);
    expect(h.odoo.calls.filter((call) => call === 'readNewImpersonateLogs')).toHaveLength(4);
  });

  it('ends the session on a new log row for its target that the console did not create', async () => {
    const { h } = harness();
    await h.start(ALICE);
    h.odoo.addLogRow(ADMIN.uid, ALICE); // the quick switch left the session as it was, but not the log
    await h.advance(ALIVE_CHECK_MS);
    await flush();
    expect(h.session.current().endCause).toBe('tampered');
    expect(h.ledger.row(1).end?.detail).toMatch(/impersonate\.log row \d+ .* the console did not create it/);
  });

  it('warns once, naming both users, about an impersonation of someone else, and keeps the session', async () => {
    const { h, notices } = harness();
    await h.start(ALICE);
    h.odoo.addLogRow(ADMIN2, BOB);
    await h.advance(3 * ALIVE_CHECK_MS);
    expect(h.session.current().phase).toBe('active');
    expect(notices).toEqual([{ level: 'warning', key: 'session.otherImpersonation', params: { admin: 'Second Admin', target: 'Bob Brown' } }]);
  });

  it('still tells a session the server dropped from one it switched', async () => {
    const { h, notices } = harness();
    await h.start(ALICE);
    h.odoo.expireAll();
    await h.advance(ALIVE_CHECK_MS);
    expect(h.session.current().endCause).toBe('server-expired');
    expect(notices).toEqual([]);
  });

  it('closes the local record even when the ir.logging entry cannot be written, and says so', async () => {
    const { h } = harness();
    await h.start(ALICE);
    h.odoo.failing.add('reportTampering');
    h.odoo.switchSession(h.odoo.sessions[0]!.identifier, ADMIN.uid, null);
    await h.advance(ALIVE_CHECK_MS);
    await flush();
    expect(h.ledger.row(1).end).toMatchObject({ cause: 'tampered', detail: expect.stringContaining('could not be written') });
  });

  it('ends the server side of a tampered session: back to the admin, then destroyed', async () => {
    const { h } = harness();
    await h.start(ALICE);
    h.odoo.switchSession(h.odoo.sessions[0]!.identifier, ADMIN.uid, null);
    await h.advance(ALIVE_CHECK_MS);
    await flush();
    expect(h.odoo.liveSessions).toEqual([]);
    expect(h.odoo.calls).toContain('endImpersonation');
  });
});

describe('AZ-1 at every start', () => {
  it.each(['admin-not-system', 'admin-not-impersonator'] as const)(
    'refuses when the fresh session says %s, before anything is switched, as a refusal on the record',
    async (code) => {
      const h = new ConsoleHarness();
      h.odoo.adminRefusal = code;
      await expect(h.start(ALICE)).rejects.toBeInstanceOf(AdminRightsRefusal);
      expect(h.ledger.row(1).refusal).toMatchObject({ code });
      expect(h.ledger.row(1).start).toBeNull();
      expect(h.view.opened).toEqual([]);
      expect(h.odoo.sessions).toEqual([]);
      expect(h.session.current().phase).toBe('idle');
    },
  );
});
