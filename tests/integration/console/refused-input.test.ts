// AU-1, IN-2, LD-3 (issue 11.6): a call to impersonation:check or impersonation:start
// that fails the contract's schema is a refused attempt on the record — the field and
// a bounded, sanitised excerpt, never the raw payload — and counts against the rate
// limit, through dispatch(), the entry both transports use.
import { afterEach, describe, expect, it } from 'vitest';
import { EXCERPT_MAX } from '../../../src-main/core/input-excerpt';
import { connectAs, REASON, startConsoleWithSim, type ConsoleUnderTest } from './console-fixture';

let console: ConsoleUnderTest | null = null;
afterEach(async () => {
  await console?.close();
  console = null;
});

interface Row {
  outcome: string;
  allowed: number;
  refusal: string;
  reason: string;
  target_id: number;
  end_detail: string;
}

function rows(c: ConsoleUnderTest): Row[] {
  return c.services.audit.raw.prepare('select outcome, allowed, refusal, reason, target_id, end_detail from sessions order by id').all() as Row[];
}

describe('input the contract refuses, on the record', () => {
  it.each([
    ['a 10 000-character reason', { targetId: 8, reason: 'x'.repeat(10_000) }, 'reason', /^reason: "x{80}"… \(10000 characters\)$/],
    ['target id 0', { targetId: 0, reason: REASON }, 'targetId', /^targetId: 0$/],
    ['target id -1', { targetId: -1, reason: REASON }, 'targetId', /^targetId: -1$/],
    ['target id 1.5', { targetId: 1.5, reason: REASON }, 'targetId', /^targetId: 1\.5$/],
    ['target id "7"', { targetId: '7', reason: REASON }, 'targetId', /^targetId: "7"$/],
    ['an extra field', { targetId: 8, reason: 'Ticket 4711 x', admin: true }, 'payload', /^payload: \{"targetId":8,"reason":"Ticket 4711 x","admin":true\}$/],
    ['no payload at all', null, 'payload', /^payload: null$/],
  ] as const)('records %s as a refused attempt with the field', async (_name, payload, field, detail) => {
    console = await startConsoleWithSim();
    await connectAs(console);
    for (const channel of ['impersonation:check', 'impersonation:start'] as const) {
      expect(await console.callRaw(channel, payload)).toMatchObject({ ok: false, error: { kind: 'invalid-input', params: { field } } });
    }
    const recorded = rows(console);
    expect(recorded).toHaveLength(2);
    for (const row of recorded) {
      expect(row).toMatchObject({ outcome: 'refused', allowed: 0, refusal: `invalid-input:${field}` });
      expect(row.end_detail).toMatch(detail);
      expect(row.reason.length).toBeLessThanOrEqual(EXCERPT_MAX + 30);
    }
  });

  it('keeps control, format and bidi characters out of the excerpt', async () => {
    console = await startConsoleWithSim();
    await connectAs(console);
    await console.callRaw('impersonation:check', { targetId: 8, reason: `evil\u202e\u0000\n${'y'.repeat(6000)}` });
    const [row] = rows(console);
    expect(row?.reason).toMatch(/^evil\\u\{202e\}\\u\{0\}\\u\{a\}y+… \(6007 characters\)$/);
    // eslint-disable-next-line no-control-regex -- that none is left is the point
    expect(row?.end_detail).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it('counts refused input against the rate limit: five of them, then a valid check is refused', async () => {
    console = await startConsoleWithSim();
    await connectAs(console);
    for (let i = 0; i < 5; i += 1) await console.callRaw('impersonation:check', { targetId: 1.5, reason: REASON });
    const check = await console.call('impersonation:check', { targetId: console.sim.state.userId('bob'), reason: REASON });
    expect(check).toMatchObject({ allowed: false, refusal: { key: 'rules.rateLimited' } });
    expect((await console.call('impersonation:attempts')).remaining).toBe(0);
  });

  it('shows them in the Logs as refused, with the field', async () => {
    console = await startConsoleWithSim();
    await connectAs(console);
    await console.callRaw('impersonation:start', { targetId: '7', reason: REASON });
    const logs = await console.call('audit:list', { filters: { source: 'local' } });
    expect(logs.rows[0]).toMatchObject({ outcome: 'refused', refusal: 'invalid-input:targetId', reason: REASON });
  });

  it('records nothing, and says so in the diagnostic log, without a connection (there is no admin to record it for)', async () => {
    console = await startConsoleWithSim();
    await console.callRaw('impersonation:check', { targetId: 0, reason: REASON });
    expect(rows(console)).toEqual([]);
  });

  it('leaves the other channels alone', async () => {
    console = await startConsoleWithSim();
    await connectAs(console);
    await console.callRaw('users:search', { page: -1 });
    await console.callRaw('audit:list', { filters: { outcome: 'nope' } });
    expect(rows(console)).toEqual([]);
  });
});
