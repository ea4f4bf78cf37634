// The table pages through audit.list / audit.search as the user scrolls: it
// asks for the pages under the visible rows and keeps what came back. Pure.
import type { AuditRow } from '../../../src-preload/contract';

export const PAGE_SIZE = 100;

/** The pages that hold rows `first`..`last` (inclusive), within `total` rows. */
export function pagesCovering(first: number, last: number, total: number, pageSize = PAGE_SIZE): number[] {
  if (total <= 0 || last < first) return [];
  const from = Math.max(0, Math.floor(first / pageSize));
  const to = Math.floor(Math.min(last, total - 1) / pageSize);
  const pages: number[] = [];
  for (let page = from; page <= to; page += 1) pages.push(page);
  return pages;
}

/** The row at `index`, or undefined while its page has not arrived. */
export function rowAt(pages: ReadonlyMap<number, AuditRow[]>, index: number, pageSize = PAGE_SIZE): AuditRow | undefined {
  return pages.get(Math.floor(index / pageSize))?.[index % pageSize];
}

/**
 * Keeps the pages nearest the visible ones and forgets the rest, so scrolling
 * through a million rows does not keep a million rows in memory.
 */
export function keepNear(pages: ReadonlyMap<number, AuditRow[]>, around: number, keep = 20): Map<number, AuditRow[]> {
  const kept = new Map<number, AuditRow[]>();
  for (const [page, rows] of pages) if (Math.abs(page - around) <= keep / 2) kept.set(page, rows);
  return kept;
}
