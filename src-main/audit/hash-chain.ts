// AU-6: every audit event carries the SHA-256 of a canonical encoding of itself
// plus the previous event's hash. Pure functions, so the property tests can
// tamper with plain arrays; event-log.ts applies them to the table.
import { createHash } from 'node:crypto';
import type { ChainStatus } from '../../src-preload/contract';
import type { AuditEventsTable } from './schema';

export const GENESIS_HASH = '0'.repeat(64);

/** A stored event, as the chain covers it. */
export type ChainRow = AuditEventsTable;

/** Where verification starts: the genesis, or the last pruned event (retention.ts). */
export interface ChainAnchor {
  upToId: number;
  hash: string;
}

/** The last event the store itself appended; catches a missing or forged tail. */
export interface ChainHead {
  lastId: number;
  hash: string;
}

export type ChainBreak =
  | 'pruned-range' // a row below the anchor reappeared
  | 'link-broken' // prev_hash is not the previous row's hash: deletion, insertion or reordering
  | 'row-altered' // the row's content no longer matches its hash: an edit
  | 'tail-missing' // rows after the last surviving one were removed
  | 'after-head'; // rows exist that the store never appended

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with sorted keys and no undefined: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = normalise(item);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value as Json;
}

export function hashEvent(row: Omit<ChainRow, 'hash'>): string {
  // A JSON array keeps the field boundaries unambiguous; the version tag lets
  // the encoding change later without old chains reading as tampered.
  const encoded = JSON.stringify(['audit-event/1', row.id, row.at, row.type, row.session_id, row.payload, row.prev_hash]);
  return createHash('sha256').update(encoded, 'utf8').digest('hex');
}

/** Checks rows in id order; names the first row that does not hold. */
export function verifyChain(rows: Iterable<ChainRow>, anchor: ChainAnchor, head: ChainHead | null): ChainStatus {
  let expectedPrev = anchor.hash;
  let lastId = anchor.upToId;
  let checked = 0;
  const broken = (id: number, reason: ChainBreak): ChainStatus => ({ ok: false, checked, records: 0, firstBroken: { id, reason, record: null } });

  for (const row of rows) {
    if (row.id <= anchor.upToId) return broken(row.id, 'pruned-range');
    if (row.prev_hash !== expectedPrev || row.id <= lastId) return broken(row.id, 'link-broken');
    if (hashEvent(row) !== row.hash) return broken(row.id, 'row-altered');
    checked += 1;
    expectedPrev = row.hash;
    lastId = row.id;
  }
  const headId = head?.lastId ?? anchor.upToId;
  const headHash = head?.hash ?? anchor.hash;
  if (lastId < headId) return broken(headId, 'tail-missing');
  if (lastId > headId || expectedPrev !== headHash) return broken(lastId, 'after-head');
  return { ok: true, checked, records: 0, firstBroken: null };
}
