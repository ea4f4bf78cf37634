// Issue 13: a search page of local sessions by start time may walk the start-time index
// instead of sorting every match (local-walk.ts). Over a real SQLite file whose start
// times tie, go back and forth against the ids, and are sometimes only the attempt's,
// every page of either path holds exactly the rows, in the order, of the whole sorted
// selection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditDatabase } from '../../../src-main/audit/audit-database';
import { RowSelection } from '../../../src-main/audit/audit-selection';
import { walkPays } from '../../../src-main/audit/local-walk';
import { tempAudit, type TempAudit } from '../../support/audit/fixtures';

const SESSIONS = 400;

function seed(database: AuditDatabase): void {
  const insert = database.raw.prepare(`INSERT INTO sessions (connection_key, limiter_key, admin_uid, admin_login, admin_name,
    target_id, target_login, target_name, reason, allowed, refusal, outcome, attempt_at_ms, attempt_at, started_at_client, app_version, client_host)
    VALUES ('walk', 'walk|admin', 2, 'admin', 'Ada Admin', 7, 'marc', 'Marc Demo', ?, 0, 'rate-limited', 'refused', ?, ?, ?, '0.0.0', 'test')`);
  const origin = Date.UTC(2025, 0, 1);
  database.raw.transaction(() => {
    for (let i = 0; i < SESSIONS; i += 1) {
      // Times tie in threes and run against the ids every fifth row; every fourth row never started.
      const minute = i % 5 === 0 ? SESSIONS - i : Math.floor(i / 3);
      const at = new Date(origin + minute * 60_000).toISOString();
      const reason = [i % 2 === 0 ? 'common ticket' : 'other ticket', i % 13 === 0 ? 'rare' : '', i === 17 ? 'unique' : ''].join(' ');
      insert.run(reason, origin + minute * 60_000, at, i % 4 === 0 ? null : at);
    }
  })();
}

describe('a search page of local sessions by start time', () => {
  let temp: TempAudit;
  let database: AuditDatabase;
  beforeAll(() => {
    temp = tempAudit('audit-walk-');
    database = temp.open();
    seed(database);
  });
  afterAll(() => temp.cleanup());

  it('walks the index only where that reads less than sorting the matches', () => {
    expect(walkPays(200, SESSIONS, 7)).toBe(true);
    expect(walkPays(1, SESSIONS, 50)).toBe(false);
    expect(walkPays(0, SESSIONS, 50)).toBe(false);
  });

  it.each([
    ['common', 200],
    ['ticket', 400],
    ['rare', 31],
    ['common ra', 16],
    ['unique', 1],
  ])('pages "%s" (%i matches) into exactly the whole sorted selection, either way', (text, matches) => {
    for (const source of ['local', 'all'] as const) {
      const selection = RowSelection.of(database.db, { source }, text);
      expect(selection.count(database.sql)).toBe(matches);
      for (const dir of ['desc', 'asc'] as const) {
        const sort = { field: 'startedAt' as const, dir };
        const whole = selection.rows(database.sql, sort);
        expect(whole).toHaveLength(matches);
        for (const pageSize of [1, 7, 50]) {
          const pages = [];
          for (let offset = 0; offset < matches + pageSize; offset += pageSize) pages.push(...selection.rows(database.sql, sort, { limit: pageSize, offset }));
          expect(pages.map((row) => row.row_key)).toEqual(whole.map((row) => row.row_key));
          expect(pages).toEqual(whole);
        }
      }
    }
  });
});
