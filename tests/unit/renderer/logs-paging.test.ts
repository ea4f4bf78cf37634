// The virtualized table pages through main's answer as the user scrolls.
import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../src-preload/contract';
import { keepNear, pagesCovering, rowAt } from '../../../src-renderer/src/stores/row-pages';

function rows(page: number, size: number): AuditRow[] {
  return Array.from({ length: size }, (_, index) => ({
    id: `local:${page * size + index + 1}`,
    source: 'local',
    admin: 'Ada Admin',
    adminLogin: 'admin',
    target: 'Alice Anderson',
    targetLogin: 'alice',
    startedAt: null,
    endedAt: null,
    durationSeconds: null,
    reason: null,
    clientIp: null,
    serverIp: null,
    outcome: 'refused',
    endCause: null,
    refusal: null,
    provenance: { recordedHere: true, consoleEntry: false, odooLog: false, outsideConsole: false, agreement: 'none', differences: [] },
    integrity: 'chained',
  }));
}

describe('paging', () => {
  it('asks for the pages under the visible rows, never past the last row', () => {
    expect(pagesCovering(0, 20, 1000, 100)).toEqual([0]);
    expect(pagesCovering(95, 130, 1000, 100)).toEqual([0, 1]);
    expect(pagesCovering(990, 1030, 1000, 100)).toEqual([9]);
    expect(pagesCovering(0, 10, 0, 100)).toEqual([]);
  });

  it('finds a row in its page, and nothing while the page has not arrived', () => {
    const pages = new Map([[1, rows(1, 100)]]);
    expect(rowAt(pages, 150, 100)?.id).toBe('local:151');
    expect(rowAt(pages, 50, 100)).toBeUndefined();
  });

  it('forgets pages far from where the user is', () => {
    const pages = new Map(Array.from({ length: 50 }, (_, page) => [page, rows(page, 1)] as const));
    const kept = keepNear(pages, 30, 20);
    expect([...kept.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, index) => 20 + index));
  });
});
