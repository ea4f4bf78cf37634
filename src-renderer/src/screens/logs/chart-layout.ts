// Sessions per day, stacked per admin: the numbers the SVG chart draws and the
// summary that describes it to screen readers. Pure.
import type { AuditStats } from '../../../../src-preload/contract';
import { utcDay } from '../../stores/log-filters';

export interface Segment {
  admin: string;
  count: number;
  /** Sessions below this segment in its day's stack. */
  below: number;
}

export interface ChartDay {
  day: string;
  total: number;
  segments: Segment[];
}

export interface ChartData {
  days: ChartDay[];
  /** Every admin in the window, most sessions first (stacking and legend order). */
  admins: string[];
  total: number;
  max: number;
  busiest: ChartDay | null;
}

/** Every UTC day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return [];
  const days: string[] = [];
  for (let offset = 0; utcDay(start, offset) <= to; offset += 1) days.push(utcDay(start, offset));
  return days;
}

export function stackDays(stats: AuditStats, window: { from: string; to: string }): ChartData {
  const perAdmin = new Map<string, number>();
  const perDay = new Map<string, Map<string, number>>();
  for (const { day, admin, count } of stats.days) {
    if (day < window.from || day > window.to || count <= 0) continue;
    perAdmin.set(admin, (perAdmin.get(admin) ?? 0) + count);
    const counts = perDay.get(day) ?? new Map<string, number>();
    counts.set(admin, (counts.get(admin) ?? 0) + count);
    perDay.set(day, counts);
  }
  const admins = [...perAdmin.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([admin]) => admin);
  const days = daysBetween(window.from, window.to).map((day): ChartDay => {
    const counts = perDay.get(day);
    let below = 0;
    const segments: Segment[] = [];
    for (const admin of admins) {
      const count = counts?.get(admin) ?? 0;
      if (count === 0) continue;
      segments.push({ admin, count, below });
      below += count;
    }
    return { day, total: below, segments };
  });
  const busiest = days.reduce<ChartDay | null>((best, day) => (day.total > (best?.total ?? 0) ? day : best), null);
  return {
    days,
    admins,
    total: days.reduce((sum, day) => sum + day.total, 0),
    max: busiest?.total ?? 0,
    busiest,
  };
}

const PALETTE = ['#2563eb', '#16a34a', '#9333ea', '#0891b2', '#db2777', '#ca8a04', '#4b5563', '#dc2626'];

/** A stable colour per admin: by its place in the legend, so the biggest admins get the clearest colours. */
export function adminColour(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

/** Which day labels fit under the bars: every `step`-th day and the last, none crowding the last. */
export function labelledDays(count: number, labels = 8): Set<number> {
  const shown = new Set<number>();
  if (count === 0) return shown;
  const last = count - 1;
  const step = Math.max(1, Math.ceil(count / labels));
  for (let index = 0; index < last; index += step) {
    if (index === 0 || last - index >= step / 2) shown.add(index);
  }
  shown.add(last);
  return shown;
}
