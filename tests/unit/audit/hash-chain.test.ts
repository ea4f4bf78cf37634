import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, hashEvent, verifyChain, type ChainAnchor, type ChainHead, type ChainRow } from '../../../src-main/audit/hash-chain';

const genesis: ChainAnchor = { upToId: 0, hash: GENESIS_HASH };

interface EventSpec {
  type: string;
  sessionId: number | null;
  payload: Record<string, unknown>;
}

/** Appends like EventLog does: ids follow the head, each row hashes its predecessor's hash. */
function buildChain(specs: EventSpec[], anchor: ChainAnchor = genesis): { rows: ChainRow[]; head: ChainHead } {
  const rows: ChainRow[] = [];
  let prev = anchor.hash;
  let id = anchor.upToId;
  for (const spec of specs) {
    id += 1;
    const unhashed = {
      id,
      at: new Date(Date.UTC(2025, 0, 1) + id * 1000).toISOString(),
      type: spec.type,
      session_id: spec.sessionId,
      payload: canonicalJson(spec.payload),
      prev_hash: prev,
    };
    const row = { ...unhashed, hash: hashEvent(unhashed) };
    rows.push(row);
    prev = row.hash;
  }
  return { rows, head: { lastId: id, hash: prev } };
}

const eventSpec: fc.Arbitrary<EventSpec> = fc.record({
  type: fc.constantFrom('attempt', 'start', 'end', 'failure', 'mirror-difference'),
  sessionId: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
  payload: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean())),
});
const chain = fc.array(eventSpec, { minLength: 1, maxLength: 30 }).map((specs) => buildChain(specs));

/** Where the verifier says the chain broke, as a position in the original array. */
function brokenPosition(rows: ChainRow[], brokenId: number): number {
  const index = rows.findIndex((row) => row.id === brokenId);
  return index === -1 ? rows.length : index;
}

describe('the audit hash chain (AU-6)', () => {
  it('verifies every untouched chain', () => {
    fc.assert(
      fc.property(chain, ({ rows, head }) => {
        expect(verifyChain(rows, genesis, head)).toEqual({ ok: true, checked: rows.length, records: 0, firstBroken: null });
      }),
    );
  });

  it('detects any single edit at or after the edited row, even with the row re-hashed', () => {
    fc.assert(
      fc.property(
        chain,
        fc.nat(),
        fc.constantFrom('type', 'payload', 'at', 'session_id'),
        fc.boolean(),
        ({ rows, head }, pick, field, rehash) => {
          const index = pick % rows.length;
          const original = rows[index]!;
          const edited: ChainRow = { ...original };
          if (field === 'type') edited.type = `${original.type}!`;
          if (field === 'payload') edited.payload = `${original.payload} `;
          if (field === 'at') edited.at = new Date(Date.parse(original.at) + 1).toISOString();
          if (field === 'session_id') edited.session_id = (original.session_id ?? 0) + 1;
          if (rehash) edited.hash = hashEvent(edited);
          const tampered = rows.map((row, i) => (i === index ? edited : row));
          const status = verifyChain(tampered, genesis, head);
          expect(status.ok).toBe(false);
          expect(brokenPosition(rows, status.firstBroken!.id)).toBeGreaterThanOrEqual(index);
        },
      ),
    );
  });

  it('detects any single deletion, the last row included', () => {
    fc.assert(
      fc.property(chain, fc.nat(), ({ rows, head }, pick) => {
        const index = pick % rows.length;
        const status = verifyChain(rows.filter((_, i) => i !== index), genesis, head);
        expect(status.ok).toBe(false);
        expect(brokenPosition(rows, status.firstBroken!.id)).toBeGreaterThanOrEqual(index);
      }),
    );
  });

  it('detects any single insertion, even of a well-formed row chained to its predecessor', () => {
    fc.assert(
      fc.property(chain, fc.nat(), eventSpec, ({ rows, head }, pick, spec) => {
        const index = pick % (rows.length + 1);
        const before = rows[index - 1];
        const unhashed = {
          id: (before?.id ?? 0) + 1,
          at: before?.at ?? '2025-01-01T00:00:00.000Z',
          type: spec.type,
          session_id: spec.sessionId,
          payload: canonicalJson(spec.payload),
          prev_hash: before?.hash ?? GENESIS_HASH,
        };
        const forged = { ...unhashed, hash: hashEvent(unhashed) };
        const tampered = [...rows.slice(0, index), forged, ...rows.slice(index)];
        const status = verifyChain(tampered, genesis, head);
        expect(status.ok).toBe(false);
        expect(brokenPosition(tampered, status.firstBroken!.id)).toBeGreaterThanOrEqual(index);
      }),
    );
  });

  it('detects any swap of two rows', () => {
    fc.assert(
      fc.property(
        chain.filter(({ rows }) => rows.length >= 2),
        fc.nat(),
        fc.nat(),
        ({ rows, head }, a, b) => {
          const i = a % rows.length;
          const j = b % rows.length;
          fc.pre(i !== j);
          const tampered = [...rows];
          [tampered[i], tampered[j]] = [tampered[j]!, tampered[i]!];
          const status = verifyChain(tampered, genesis, head);
          expect(status.ok).toBe(false);
          expect(brokenPosition(tampered, status.firstBroken!.id)).toBeGreaterThanOrEqual(Math.min(i, j));
        },
      ),
    );
  });

  it('verifies a pruned chain from its anchor, and refuses a pruned row that reappears', () => {
    fc.assert(
      fc.property(chain, fc.nat(), ({ rows, head }, pick) => {
        const cut = pick % rows.length;
        const anchor: ChainAnchor = cut === 0 ? genesis : { upToId: rows[cut - 1]!.id, hash: rows[cut - 1]!.hash };
        expect(verifyChain(rows.slice(cut), anchor, head).ok).toBe(true);
        if (cut > 0) expect(verifyChain(rows.slice(cut - 1), anchor, head).firstBroken?.reason).toBe('pruned-range');
      }),
    );
  });

  it('encodes payloads canonically: key order does not change the hash', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 4, e: 5 }] } })).toBe('{"a":{"c":[3,{"e":5,"f":4}],"d":2},"b":1}');
  });
});
