// The Logs screen's filter form and what it asks main for. The form holds
// what the user typed; main gets only the parts that say something, with the
// dates turned into the user's local days as UTC bounds. Pure; beside the logs
// store, which keeps the draft, and read by the screen.
import type { AuditFilters, AuditOutcome } from '../../../src-preload/contract';

export type SourceChoice = AuditFilters['source'];

export interface FilterDraft {
  admin: string;
  target: string;
  /** "YYYY-MM-DD" from a date field, or ''. */
  from: string;
  to: string;
  outcome: AuditOutcome | '';
  source: SourceChoice;
}

export const emptyFilters: FilterDraft = { admin: '', target: '', from: '', to: '', outcome: '', source: 'all' };

export const outcomes: readonly AuditOutcome[] = ['ended', 'open', 'started', 'refused', 'failed'];
export const sources: readonly SourceChoice[] = ['all', 'local', 'server'];

export function toAuditFilters(draft: FilterDraft): AuditFilters {
  const filters: AuditFilters = { source: draft.source };
  const admin = draft.admin.trim();
  const target = draft.target.trim();
  if (admin) filters.admin = admin.slice(0, 200);
  if (target) filters.target = target.slice(0, 200);
  const from = localDayBound(draft.from, 'from');
  const to = localDayBound(draft.to, 'to');
  if (from) filters.from = from;
  if (to) filters.to = to;
  if (draft.outcome) filters.outcome = draft.outcome;
  return filters;
}

/** Whether any filter narrows the list (the export and the empty state say so). */
export function hasFilters(draft: FilterDraft): boolean {
  const filters = toAuditFilters(draft);
  return filters.source !== 'all' || Object.keys(filters).length > 1;
}

export const CHART_DAYS = 30;
/** A longer range would make bars thinner than a pixel; the chart shows its last year. */
export const MAX_CHART_DAYS = 366;

/**
 * The days the chart covers: the filter's dates when given, else the last
 * CHART_DAYS days. Days are UTC days, as audit.stats groups them; an
 * inverted range is put the right way round.
 */
export function chartWindow(draft: FilterDraft, nowMs: number): { from: string; to: string } {
  const valid = (value: string) => localDayBound(value, 'from') !== null;
  const to = valid(draft.to) ? draft.to : valid(draft.from) ? maxDay(draft.from, utcDay(nowMs)) : utcDay(nowMs);
  const from = valid(draft.from) ? draft.from : utcDay(Date.parse(`${to}T00:00:00Z`), -(CHART_DAYS - 1));
  const [first, last] = from <= to ? [from, to] : [to, from];
  const earliest = utcDay(Date.parse(`${last}T00:00:00Z`), -(MAX_CHART_DAYS - 1));
  return { from: first < earliest ? earliest : first, to: last };
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A day picked in a date field means that day in the user's time zone: `from`
 * is its first millisecond, `to` its last (the store's `to` is inclusive for a
 * full timestamp). Answers UTC ISO strings, as the store holds them.
 */
export function localDayBound(value: string, side: 'from' | 'to'): string | null {
  const match = DATE_INPUT.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const start = new Date(year, month, day);
  if (start.getFullYear() !== year || start.getMonth() !== month || start.getDate() !== day) return null;
  if (side === 'from') return start.toISOString();
  return new Date(new Date(year, month, day + 1).getTime() - 1).toISOString();
}

/** A UTC day "YYYY-MM-DD", `offsetDays` after the day of `ms`. */
export function utcDay(ms: number, offsetDays = 0): string {
  return new Date(ms + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
