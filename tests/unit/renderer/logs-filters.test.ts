// What the filter form asks main for, and which days the chart covers.
import { afterEach, describe, expect, it } from 'vitest';
import { chartWindow, emptyFilters, hasFilters, toAuditFilters } from '../../../src-renderer/src/stores/log-filters';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('the filters sent to audit.list', () => {
  it('sends only the source when nothing is filled in', () => {
    expect(toAuditFilters(emptyFilters)).toEqual({ source: 'all' });
    expect(hasFilters(emptyFilters)).toBe(false);
  });

  it('trims names, leaves out blanks and turns days into local-day bounds', () => {
    process.env.TZ = 'UTC';
    const filters = toAuditFilters({ admin: '  admin2 ', target: '   ', from: '2026-03-01', to: '2026-03-02', outcome: 'refused', source: 'local' });
    expect(filters).toEqual({
      admin: 'admin2',
      source: 'local',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-02T23:59:59.999Z',
      outcome: 'refused',
    });
  });

  it('drops a half-typed date instead of sending something main would refuse', () => {
    expect(toAuditFilters({ ...emptyFilters, from: '2026-13-01' })).toEqual({ source: 'all' });
  });

  it('counts a source other than "all" as a filter', () => {
    expect(hasFilters({ ...emptyFilters, source: 'server' })).toBe(true);
  });
});

describe('the chart window', () => {
  const now = Date.parse('2026-03-31T10:00:00Z');

  it('is the last 30 days by default', () => {
    expect(chartWindow(emptyFilters, now)).toEqual({ from: '2026-03-02', to: '2026-03-31' });
  });

  it('follows the filter dates, the right way round', () => {
    expect(chartWindow({ ...emptyFilters, from: '2026-02-01', to: '2026-02-10' }, now)).toEqual({ from: '2026-02-01', to: '2026-02-10' });
    expect(chartWindow({ ...emptyFilters, from: '2026-02-10', to: '2026-02-01' }, now)).toEqual({ from: '2026-02-01', to: '2026-02-10' });
    expect(chartWindow({ ...emptyFilters, from: '2026-03-20' }, now)).toEqual({ from: '2026-03-20', to: '2026-03-31' });
  });

  it('shows at most the last year of a longer range', () => {
    expect(chartWindow({ ...emptyFilters, from: '2000-01-01', to: '2026-03-31' }, now)).toEqual({ from: '2025-03-31', to: '2026-03-31' });
  });
});
