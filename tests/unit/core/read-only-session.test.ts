// Issue 17 in the session: read-only by default, "Allow changes" on the record before
// the view may write, the refused change told to the banner, and the timeline (names
// and ids, never values) written in batches and summarised at the stop. The view's
// requests are decided by the real policy (core/view-policy), as the guards do.
import { describe, expect, it } from 'vitest';
import { CHANGES_ALLOWED, decideViewRequest, OriginPolicy, READ_ONLY, viewActivity, type ViewAccess } from '../../../src-main/core/view-policy';
import { isConsoleError } from '../../../src-main/core/console-error';
import { ConsoleHarness } from './support/session-harness';

const ORIGIN = 'https://odoo.example.com';
const policy = new OriginPolicy(ORIGIN);
const SECRET = 'Seeded-value-7f3a91';

function callKw(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) {
  const body = new TextEncoder().encode(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'call', params: { model, method, args, kwargs } }));
  return { url: `${ORIGIN}/web/dataset/call_kw/${model}/${method}`, method: 'POST', body: { kind: 'bytes' as const, bytes: body } };
}

/** The page sends `request`; the view's guards decide with the access the view was last given. */
function send(h: ConsoleHarness, request: ReturnType<typeof callKw>) {
  const access: ViewAccess = h.view.accesses.at(-1) ?? READ_ONLY;
  const verdict = decideViewRequest(request, policy, access);
  h.view.request(viewActivity(verdict, `${ORIGIN}/odoo/action-base.action_res_users_my`)!);
  return verdict.decision;
}

const save = () => callKw('res.users', 'web_save', [[6]], { vals: { signature: SECRET } });
const read = () => callKw('res.users', 'web_read', [[6]], { specification: { name: {} } });

async function started(overrides = {}) {
  const h = new ConsoleHarness();
  const refused: unknown[] = [];
  h.session.onChangeRefused((call) => refused.push(call));
  await h.start(6, undefined, overrides);
  h.view.accesses.push(h.view.opened[0]!.access);
  return { h, refused };
}

describe('read-only impersonation (issue 17)', () => {
  it('opens the view read-only, refuses a save, lets reads through and tells the banner what was refused', async () => {
    const { h, refused } = await started();
    expect(h.view.opened[0]!.access).toEqual(READ_ONLY);
    expect(h.session.current().changes).toEqual({ allowed: false, fromStart: false, allowedAt: null });
    expect(send(h, read()).allowed).toBe(true);
    expect(send(h, save())).toEqual({ allowed: false, refusal: 'read-only' });
    expect(refused).toEqual([{ model: 'res.users', method: 'web_save', route: '/web/dataset/call_kw/res.users/web_save' }]);
  });

  it('opens with changes allowed when the connection allows them from the start, and says so everywhere', async () => {
    const { h } = await started({ changesFromStart: true });
    expect(h.view.opened[0]!.access).toEqual(CHANGES_ALLOWED);
    expect(h.session.current().changes).toMatchObject({ allowed: true, fromStart: true });
    expect(h.odoo.auditEntries[0]).toMatchObject({ changesMode: 'allowed-from-start' });
    expect(h.ledger.row(1).start).toMatchObject({ changesMode: 'allowed-from-start' });
  });

  it('allows changes only once the second reason is on the server and on the record, in that order, before the view may write', async () => {
    const { h } = await started();
    const order: string[] = [];
    h.ledger.onCommit = (method) => order.push(method);
    const setAccess = h.view.setAccess.bind(h.view);
    h.view.setAccess = (access) => {
      order.push(`view ${access.changesAllowed ? 'may change' : 'read-only'}`);
      order.push(`server entries ${h.odoo.changesEntries.length}`);
      setAccess(access);
    };
    const view = await h.session.allowChanges('Alice asked to fix her signature, ticket 812');
    expect(order).toEqual(['recordChangesAllowed', 'view may change', 'server entries 1']);
    expect(view.changes).toMatchObject({ allowed: true, fromStart: false, allowedAt: expect.any(String) });
    expect(h.odoo.changesEntries[0]).toMatchObject({ reason: 'Alice asked to fix her signature, ticket 812', target: { login: 'alice' } });
    expect(h.ledger.changesAllowed[0]!.record).toMatchObject({ reason: 'Alice asked to fix her signature, ticket 812', serverLogId: 3001 });
    expect(send(h, save()).allowed).toBe(true);
  });

  it('stays read-only with a translated error when the reason is refused or the server entry cannot be written', async () => {
    const { h } = await started();
    const refusedReason = await h.session.allowChanges('   ').catch((error: unknown) => error);
    expect(isConsoleError(refusedReason) && refusedReason.key).toBe('rules.reasonEmpty');
    h.odoo.failing.add('writeChangesAllowedEntry');
    const unwritten = await h.session.allowChanges('Alice asked to fix her signature').catch((error: unknown) => error);
    expect(isConsoleError(unwritten) && unwritten.key).toBe('session.changes.serverAuditFailed');
    expect(h.ledger.changesAllowed).toEqual([]);
    expect(h.view.accesses).toEqual([READ_ONLY]);
    expect(send(h, save()).allowed).toBe(false);
    expect(h.session.current().changes?.allowed).toBe(false);
  });

  it('keeps a timeline of names and ids, never values, and sums it up at the stop, writes marked', async () => {
    const { h } = await started();
    send(h, read());
    send(h, read());
    send(h, save());
    await h.session.allowChanges('Alice asked to fix her signature');
    send(h, save());
    await h.session.stop('banner');
    const entries = h.ledger.timeline.map(({ entry }) => entry);
    expect(entries.map((entry) => [entry.method, entry.allowed, entry.writes, entry.count])).toEqual([
      ['web_read', true, false, 2],
      ['web_save', false, true, 1],
      ['web_save', true, true, 1],
    ]);
    expect(entries[1]).toMatchObject({ model: 'res.users', ids: [6], idCount: 1, refusal: 'read-only', page: '/odoo/action-base.action_res_users_my' });
    expect(JSON.stringify(h.ledger.timeline)).not.toContain(SECRET);
    const summary = h.ledger.summaries[0]!.summary;
    expect(summary.mode).toBe('allowed-during');
    expect(summary.rows).toContainEqual(expect.objectContaining({ model: 'res.users', method: 'web_save', calls: 2, refused: 1, writes: true }));
    const end = h.odoo.endEntries[0]!;
    expect(end.timeline).toEqual(summary);
    expect(end.changesAllowed).toMatchObject({ reason: 'Alice asked to fix her signature' });
    expect(JSON.stringify(end)).not.toContain(SECRET);
  });
});
