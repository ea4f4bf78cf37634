// Issue 17 in the real SQLite store: the changes mode recorded with the session
// (migration 6, in the replayed row too), "Allow changes" and the timeline as chained
// events of the session — read back with the Logs' filters, exported with the session
// as CSV and JSON, covered by the verifier like every event — and refused once the
// session is closed. The Logs' row and its events are the lifecycle only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditQueries } from '../../../src-main/audit/audit-queries';
import { AuditStore } from '../../../src-main/audit/audit-store';
import { exportSession } from '../../../src-main/audit/session-export';
import { readSessionTimeline } from '../../../src-main/audit/session-timeline';
import type { TimelineEntry } from '../../../src-main/core';
import { attempt, end, start, tempAudit, type TempAudit } from '../../support/audit/fixtures';

function entry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    at: new Date('2025-03-01T10:01:00Z'),
    kind: 'model-method',
    route: '/web/dataset/call_kw/res.users/web_save',
    model: 'res.users',
    method: 'web_save',
    ids: [7],
    idCount: 1,
    action: null,
    allowed: false,
    refusal: 'read-only',
    writes: true,
    page: '/odoo/action-base.action_res_users_my',
    count: 1,
    ...overrides,
  };
}

describe('a session timeline in the audit store (issue 17)', () => {
  let temp: TempAudit;
  beforeEach(() => {
    temp = tempAudit();
  });
  afterEach(() => temp.cleanup());

  it('chains the changes mode, the unlock and the timeline, reads them back filtered, exports them, and verifies', async () => {
    const database = temp.open();
    const store = new AuditStore(database);
    const queries = new AuditQueries(database);
    const id = await store.recordAttempt(attempt());
    await store.recordStart(id, start({ changesMode: 'read-only' }));
    await store.recordTimeline(id, [entry({ kind: 'model-method', method: 'web_read', route: '/web/dataset/call_kw/res.users/web_read', allowed: true, refusal: null, writes: false, count: 3 }), entry()], null);
    await store.recordChangesAllowed(id, { at: new Date('2025-03-01T10:02:00Z'), reason: 'Alice asked to fix her signature', serverLogId: 55 });
    await store.recordTimeline(id, [entry({ at: new Date('2025-03-01T10:03:00Z'), allowed: true, refusal: null })], { at: new Date('2025-03-01T10:03:00Z'), what: 'reads', itemised: 3, limit: 3 });
    await store.recordTimelineSummary(id, new Date('2025-03-01T10:04:00Z'), { mode: 'allowed-during', rows: [], otherCalls: 0, itemised: 3, counted: 5, bounded: true });
    await store.recordEnd(id, end());

    const all = readSessionTimeline(database, `local:${id}`, 'all');
    expect(all).toMatchObject({ available: true, changesMode: 'read-only', changesAllowed: { reason: 'Alice asked to fix her signature' }, total: 3, bounds: [{ what: 'reads', limit: 3 }] });
    expect(all.entries.map((e) => [e.method, e.allowed, e.writes, e.count])).toEqual([
      ['web_read', true, false, 3],
      ['web_save', false, true, 1],
      ['web_save', true, true, 1],
    ]);
    expect(readSessionTimeline(database, `local:${id}`, 'changes').entries.map((e) => e.allowed)).toEqual([true]);
    expect(readSessionTimeline(database, `local:${id}`, 'refused').entries.map((e) => e.refusal)).toEqual(['read-only']);
    expect(readSessionTimeline(database, 'server:console:4', 'all')).toMatchObject({ available: false, entries: [] });

    // The Logs' row: its lifecycle (the unlock among it), never the timeline's entries.
    const detail = queries.session(`local:${id}`);
    expect(detail.events.map((event) => event.type)).toEqual(['attempt', 'start', 'changes-allowed', 'end']);
    expect(detail.integrity).toBe('chained');
    const csv = exportSession(database, detail, 'csv', new Date('2025-03-02T00:00:00Z'));
    expect(csv.rows).toBe(3);
    expect(csv.content.split('\r\n')[0]).toBe('\uFEFFsession,admin,target,at,kind,model,method,route,ids,idCount,action,page,allowed,refusal,writes,count');
    const json = JSON.parse(exportSession(database, detail, 'json', new Date('2025-03-02T00:00:00Z')).content) as { timeline: { entries: unknown[] } };
    expect(json.timeline.entries).toHaveLength(3);
    expect(queries.verify()).toMatchObject({ ok: true, firstBroken: null });

    // Nothing more once the session is closed.
    await expect(store.recordTimeline(id, [entry()], null)).rejects.toMatchObject({ key: 'audit.sessionNotOpen' });
    database.close();
  });
});
