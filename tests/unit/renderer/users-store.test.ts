// The Users screen's search sequencing: search as you type, latest request wins,
// pages asked for once as the list scrolls. Plain Node: the store is driven with a
// fake users.search whose answers the test releases in any order.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserPage, UserRow, UserSearch } from '../../../src-preload/contract';
import { createUsersStore } from '../../../src-renderer/src/stores/users-store';

interface PendingSearch {
  request: UserSearch;
  answer(page: UserPage): void;
  fail(error: unknown): void;
}

/** A users.search whose every call waits until the test answers it. */
function controlledSearch() {
  const calls: PendingSearch[] = [];
  const searchUsers = (request: UserSearch) =>
    new Promise<UserPage>((resolve, reject) => {
      calls.push({ request, answer: resolve, fail: reject });
    });
  return { calls, searchUsers };
}

const user = (id: number, login: string): UserRow => ({
  id,
  login,
  name: login,
  email: null,
  type: 'internal',
  active: true,
  eligible: true,
  reasons: [],
});

const pageOf = (request: UserSearch, total: number, prefix = request.query ?? ''): UserPage => {
  const page = request.page ?? 0;
  const pageSize = request.pageSize ?? 50;
  const rows: UserRow[] = [];
  for (let index = page * pageSize; index < Math.min(total, (page + 1) * pageSize); index += 1) {
    rows.push(user(index + 2, `${prefix}${index}`));
  }
  return { total, page, pageSize, rows };
};

/** Lets the awaited answers reach the store. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('users store: search as you type', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('waits for a pause in typing and then searches once, for what was typed last', () => {
    const { calls, searchUsers } = controlledSearch();
    const store = createUsersStore({ searchUsers, debounceMs: 250 });
    for (const query of ['a', 'al', 'ali']) {
      store.getState().setQuery(query);
      vi.advanceTimersByTime(100);
    }
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(250);
    expect(calls.map((call) => call.request.query)).toEqual(['ali']);
    expect(store.getState().query).toBe('ali');
  });

  it('searches at once, and includes archived users unless told otherwise', () => {
    const { calls, searchUsers } = controlledSearch();
    const store = createUsersStore({ searchUsers });
    void store.getState().search();
    expect(calls[0]!.request).toMatchObject({ includeArchived: true, page: 0 });
    store.getState().setIncludeArchived(false);
    expect(calls[1]!.request).toMatchObject({ includeArchived: false, page: 0 });
  });
});

describe('users store: the latest request wins', () => {
  it('ignores an older answer that arrives after a newer search was answered', async () => {
    const { calls, searchUsers } = controlledSearch();
    const store = createUsersStore({ searchUsers, pageSize: 10 });
    store.setState({ query: 'a' });
    void store.getState().search();
    store.setState({ query: 'al' });
    void store.getState().search();

    calls[1]!.answer(pageOf(calls[1]!.request, 3));
    await settle();
    calls[0]!.answer(pageOf(calls[0]!.request, 40));
    await settle();

    const state = store.getState();
    expect(state.total).toBe(3);
    expect(state.rows.map((row) => row?.login)).toEqual(['al0', 'al1', 'al2']);
    expect(state.generation).toBe(2);
  });

  it('ignores an older answer that arrives while the newer search is still pending', async () => {
    const { calls, searchUsers } = controlledSearch();
    const store = createUsersStore({ searchUsers, pageSize: 10 });
    store.setState({ query: 'a' });
    void store.getState().search();
    store.setState({ query: 'al' });
    void store.getState().search();

    calls[0]!.answer(pageOf(calls[0]!.request, 40));
    await settle();
    expect(store.getState().total).toBeNull();
    expect(store.getState().rows).toEqual([]);
    expect(store.getState().pendingPages).toBe(1);
  });

  it('ignores the failure of an abandoned search', async () => {
    const { calls, searchUsers } = controlledSearch();
    const store = createUsersStore({ searchUsers });
    void store.getState().search();
    void store.getState().search();
    calls[0]!.fail(new Error('network'));
    calls[1]!.answer(pageOf(calls[1]!.request, 1));
    await settle();
    expect(store.getState().error).toBeNull();
    expect(store.getState().total).toBe(1);
  });

  it('drops an answer still on its way after a reset (disconnected)', async () => {
    const { calls, searchUsers } = controlledSearch();
    const store = createUsersStore({ searchUsers });
    void store.getState().search();
    store.getState().reset();
    calls[0]!.answer(pageOf(calls[0]!.request, 5));
    await settle();
    expect(store.getState().total).toBeNull();
    expect(store.getState().rows).toEqual([]);
  });
});

describe('users store: pages as the list scrolls', () => {
  it('asks for nothing beyond the first page before it knows the total', () => {
    const { calls, searchUsers } = controlledSearch();
    const store = createUsersStore({ searchUsers, pageSize: 10 });
    void store.getState().search();
    store.getState().ensureRange(0, 99);
    expect(calls.map((call) => call.request.page)).toEqual([0]);
  });

  it('asks for each page in view once, up to the last row, and fills the slots in any order', async () => {
    const { calls, searchUsers } = controlledSearch();
    const store = createUsersStore({ searchUsers, pageSize: 10 });
    void store.getState().search();
    calls[0]!.answer(pageOf(calls[0]!.request, 35));
    await settle();

    store.getState().ensureRange(5, 34);
    store.getState().ensureRange(8, 40);
    expect(calls.map((call) => call.request.page)).toEqual([0, 1, 2, 3]);

    calls[3]!.answer(pageOf(calls[3]!.request, 35));
    calls[1]!.answer(pageOf(calls[1]!.request, 35));
    await settle();
    const rows = store.getState().rows;
    expect(rows[10]?.login).toBe('10');
    expect(rows[20]).toBeUndefined();
    expect(rows[34]?.login).toBe('34');
    expect(store.getState().pendingPages).toBe(1);
  });

  it('asks for a page again after it failed', async () => {
    const { calls, searchUsers } = controlledSearch();
    const store = createUsersStore({ searchUsers, pageSize: 10 });
    void store.getState().search();
    calls[0]!.answer(pageOf(calls[0]!.request, 30));
    await settle();
    store.getState().ensureRange(10, 19);
    calls[1]!.fail(new Error('timeout'));
    await settle();
    expect(store.getState().error).toBeInstanceOf(Error);

    store.getState().ensureRange(10, 19);
    expect(calls.map((call) => call.request.page)).toEqual([0, 1, 1]);
  });

  it('sends the query and filter of the search a page belongs to', async () => {
    const { calls, searchUsers } = controlledSearch();
    const store = createUsersStore({ searchUsers, pageSize: 10 });
    store.setState({ query: 'bob', includeArchived: false });
    void store.getState().search();
    calls[0]!.answer(pageOf(calls[0]!.request, 20));
    await settle();
    store.getState().ensureRange(10, 19);
    expect(calls[1]!.request).toEqual({ query: 'bob', includeArchived: false, page: 1, pageSize: 10 });
  });
});
