// The Logs store asks main for a search within the filters and the sort, and
// exports exactly what the search shows. Plain Node: the store's consoleApi is a
// bridge whose transport validates each payload with the contract, as main
// does, and answers through the real audit handlers over a seeded SQLite file.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditHandlers } from '../../../src-main/api/audit-handlers';
import type { MirrorService } from '../../../src-main/api/mirror-service';
import type { AuditDatabase } from '../../../src-main/audit/audit-database';
import { AuditQueries } from '../../../src-main/audit/audit-queries';
import type { MethodChannel } from '../../../src-preload/channels';
import { methods, type AuditRow } from '../../../src-preload/contract';
import { makeConsoleBridge } from '../../../src-preload/renderer-invokers';
import { emptyFilters } from '../../../src-renderer/src/stores/log-filters';
import { useLogs } from '../../../src-renderer/src/stores/logs-store';
import { useNavigation } from '../../../src-renderer/src/stores/navigation-store';
import { tempAudit, type TempAudit } from '../../support/audit/fixtures';
import { SCENARIO_NOW, seedSearchScenario, type ScenarioIds } from '../../support/audit/search-scenario';

type AuditChannel = 'audit:list' | 'audit:search' | 'audit:export';

const calls: Array<{ channel: string; payload: unknown }> = [];
let temp: TempAudit;
let database: AuditDatabase;
let ids: ScenarioIds;

beforeAll(async () => {
  temp = tempAudit('logs-store-search-');
  database = temp.open();
  ids = await seedSearchScenario(database);
  // Only list, search and export are asked here; sync is never reached.
  const handlers = auditHandlers(database, new AuditQueries(database), {} as MirrorService, { now: () => SCENARIO_NOW.getTime() });
  (globalThis as { consoleApi?: unknown }).consoleApi = makeConsoleBridge({
    invoke: async (channel, payload) => {
      calls.push({ channel, payload });
      const handler = handlers[channel as AuditChannel] as ((input: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { kind: 'not-here', key: 'errors.notBuiltYet' } };
      const input = methods[channel as MethodChannel & AuditChannel].input.parse(payload);
      return { ok: true, value: await handler(input) };
    },
    subscribe: () => () => {},
  });
});
afterAll(() => temp.cleanup());

/** Lets the store's awaited answers arrive. */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
};
const shown = (): string[] => [...(useLogs.getState().pages.get(0) ?? [])].map((row: AuditRow) => row.id);
const lastCall = (channel: string) => calls.filter((call) => call.channel === channel).at(-1)?.payload;

describe('the Logs store: search within the filters', () => {
  beforeEach(async () => {
    useLogs.setState({ filters: emptyFilters, search: '', sort: { field: 'startedAt', dir: 'desc' } });
    useLogs.getState().reload();
    await settle();
    calls.length = 0;
  });

  it('sends the filters and the sort along with the search text', async () => {
    useLogs.getState().setFilters({ ...emptyFilters, admin: ' ada ' });
    useLogs.getState().setSearch('  zanzibar ');
    await settle();
    expect(lastCall('audit:search')).toEqual({
      text: 'zanzibar',
      page: 0,
      pageSize: 100,
      filters: { admin: 'ada', source: 'all' },
      sort: { field: 'startedAt', dir: 'desc' },
    });
    expect(useLogs.getState().total).toBe(2);
    expect(shown()).toEqual([ids.warehouseCheck, ids.ended]);
  });

  it('asks the search again when a filter or the sort changes while it is shown', async () => {
    useLogs.getState().setSearch('zanzibar');
    await settle();
    expect(useLogs.getState().total).toBe(4);
    useLogs.getState().setFilters({ ...emptyFilters, source: 'local' });
    await settle();
    expect(shown()).toEqual([ids.refused, ids.ended]);
    useLogs.getState().sortBy('startedAt');
    await settle();
    expect(lastCall('audit:search')).toMatchObject({ text: 'zanzibar', sort: { field: 'startedAt', dir: 'asc' } });
    expect(shown()).toEqual([ids.ended, ids.refused]);
    expect(calls.filter((call) => call.channel === 'audit:list')).toEqual([]);
  });

  it('exports exactly the rows the search shows', async () => {
    useLogs.getState().setFilters({ ...emptyFilters, admin: 'ada' });
    useLogs.getState().setSearch('zanzibar');
    await settle();
    const result = await useLogs.getState().exportAs('json');
    expect(lastCall('audit:export')).toEqual({ format: 'json', filters: { admin: 'ada', source: 'all' }, text: 'zanzibar' });
    const exported = (JSON.parse(result.content) as { rows: AuditRow[] }).rows;
    expect(exported.map((row) => row.id)).toEqual(shown());
    expect(result.rows).toBe(2);
  });

  it('exports the filtered list, with no text, when no search is shown', async () => {
    useLogs.getState().setFilters({ ...emptyFilters, admin: 'ada' });
    await settle();
    const result = await useLogs.getState().exportAs('csv');
    expect(lastCall('audit:export')).toEqual({ format: 'csv', filters: { admin: 'ada', source: 'all' } });
    expect(result.rows).toBe(useLogs.getState().total);
    expect(result.rows).toBe(3);
  });
});

describe('the Logs store: the details belong to a visit', () => {
  it('keeps a record chosen on the way in, and closes it when the user leaves the Logs', async () => {
    useLogs.getState().reload();
    await settle();
    const id = shown()[0]!;
    useNavigation.getState().go('session');
    useLogs.getState().select(id); // the ended session's "Show this session in Logs"
    useNavigation.getState().go('logs');
    await settle();
    expect(useLogs.getState().selectedId).toBe(id);
    expect(useLogs.getState().detail?.id).toBe(id);

    useNavigation.getState().go('settings');
    expect(useLogs.getState().selectedId).toBeNull();
    useNavigation.getState().go('logs');
    expect(useLogs.getState().selectedId).toBeNull();
  });
});
