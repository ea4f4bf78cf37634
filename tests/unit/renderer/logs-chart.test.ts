// Sessions per day stacked per admin: what the SVG draws and its summary uses.
import { describe, expect, it } from 'vitest';
import { daysBetween, labelledDays, stackDays } from '../../../src-renderer/src/screens/logs/chart-layout';

describe('the days of the chart', () => {
  it('lists every day of the window, across a month end', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('labels the first and the last day and a few between, none crowding the last', () => {
    expect([...labelledDays(30)].sort((a, b) => a - b)).toEqual([0, 4, 8, 12, 16, 20, 24, 29]);
    expect([...labelledDays(3)].sort((a, b) => a - b)).toEqual([0, 1, 2]);
    expect([...labelledDays(1)]).toEqual([0]);
    expect(labelledDays(0).size).toBe(0);
  });
});

describe('stacking', () => {
  const stats = {
    days: [
      { day: '2026-03-01', admin: 'admin', count: 2 },
      { day: '2026-03-01', admin: 'lead', count: 1 },
      { day: '2026-03-03', admin: 'lead', count: 4 },
      { day: '2026-02-01', admin: 'old', count: 9 }, // outside the window
    ],
  };

  it('fills empty days, stacks the admins with the most sessions at the bottom, and totals', () => {
    const chart = stackDays(stats, { from: '2026-03-01', to: '2026-03-03' });
    expect(chart.admins).toEqual(['lead', 'admin']);
    expect(chart.days.map((day) => day.total)).toEqual([3, 0, 4]);
    expect(chart.days[0]!.segments).toEqual([
      { admin: 'lead', count: 1, below: 0 },
      { admin: 'admin', count: 2, below: 1 },
    ]);
    expect(chart.total).toBe(7);
    expect(chart.max).toBe(4);
    expect(chart.busiest?.day).toBe('2026-03-03');
  });

  it('has no busiest day and a zero scale when nothing happened', () => {
    const chart = stackDays({ days: [] }, { from: '2026-03-01', to: '2026-03-02' });
    expect(chart.days).toHaveLength(2);
    expect(chart.total).toBe(0);
    expect(chart.busiest).toBeNull();
  });
});
