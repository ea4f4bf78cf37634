// The Users screen's list: a mirror of what main's users.search answered for the
// query the user typed. Main decides who is eligible; this store only keeps pages.
//
// Search as you type means answers can arrive out of order (a slow answer for "a"
// after a fast one for "al"). Every new search takes the next request sequence
// number (`generation`); an answer is applied only while its generation is still the
// current one, so an older or abandoned request never overwrites a newer answer.
// Pages of the same generation may arrive in any order: each fills its own slots.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { UserPage, UserRow, UserSearch } from '../../../src-preload/contract';
import { consoleApi } from '../api';

export const SEARCH_DEBOUNCE_MS = 250;
export const USERS_PAGE_SIZE = 50;

export type SearchUsers = (request: UserSearch) => Promise<UserPage>;

export interface UsersState {
  query: string;
  includeArchived: boolean;
  /** Request sequence number of the search the list shows (0: none yet). */
  generation: number;
  /** Matches of the current search; null until its first answer. */
  total: number | null;
  /** Sparse, by absolute position in the result: a slot is empty until its page arrives. */
  rows: (UserRow | undefined)[];
  /** Pages of the current generation still awaited. */
  pendingPages: number;
  error: unknown;
  /** Types into the search box: the search follows after a short pause. */
  setQuery(query: string): void;
  setIncludeArchived(includeArchived: boolean): void;
  /** Starts a new search now (a new generation), with its first page. */
  search(): Promise<void>;
  /** Asks for the pages covering positions first..last that were not asked for yet. */
  ensureRange(first: number, last: number): void;
  /** Forgets the list (after a disconnect) and any answer still on its way. */
  reset(): void;
}

export interface UsersStoreOptions {
  searchUsers: SearchUsers;
  debounceMs?: number;
  pageSize?: number;
}

export function createUsersStore(options: UsersStoreOptions): StoreApi<UsersState> {
  const debounceMs = options.debounceMs ?? SEARCH_DEBOUNCE_MS;
  const pageSize = options.pageSize ?? USERS_PAGE_SIZE;
  // Bookkeeping that no component renders: kept out of the state.
  let requested = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  return createStore<UsersState>((set, get) => {
    const cancelTimer = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };

    const loadPage = async (generation: number, page: number): Promise<void> => {
      if (requested.has(page)) return;
      requested.add(page);
      set((state) => ({ pendingPages: state.pendingPages + 1 }));
      const { query, includeArchived } = get();
      try {
        const answer = await options.searchUsers({ query, includeArchived, page, pageSize });
        if (get().generation !== generation) return; // a newer search owns the list
        set((state) => {
          const rows = state.rows.slice();
          answer.rows.forEach((row, offset) => {
            rows[page * pageSize + offset] = row;
          });
          return { rows, total: answer.total, error: null, pendingPages: state.pendingPages - 1 };
        });
      } catch (error) {
        if (get().generation !== generation) return;
        requested.delete(page); // may be asked for again when scrolled to
        set((state) => ({ error, pendingPages: state.pendingPages - 1 }));
      }
    };

    return {
      query: '',
      includeArchived: true,
      generation: 0,
      total: null,
      rows: [],
      pendingPages: 0,
      error: null,

      setQuery: (query) => {
        set({ query });
        cancelTimer();
        timer = setTimeout(() => {
          timer = null;
          void get().search();
        }, debounceMs);
      },

      setIncludeArchived: (includeArchived) => {
        set({ includeArchived });
        cancelTimer();
        void get().search();
      },

      search: () => {
        cancelTimer();
        requested = new Set();
        const generation = get().generation + 1;
        set({ generation, total: null, rows: [], pendingPages: 0, error: null });
        return loadPage(generation, 0);
      },

      ensureRange: (first, last) => {
        const { generation, total } = get();
        if (generation === 0 || total === null) return; // the first page decides the size
        const end = Math.min(last, total - 1);
        for (let page = Math.floor(Math.max(first, 0) / pageSize); page * pageSize <= end; page += 1) {
          void loadPage(generation, page);
        }
      },

      reset: () => {
        cancelTimer();
        requested = new Set();
        set((state) => ({ generation: state.generation + 1, total: null, rows: [], pendingPages: 0, error: null }));
      },
    };
  });
}

export const usersStore = createUsersStore({ searchUsers: (request) => consoleApi().users.search(request) });

/** The Users screen's hook on the store, with a selector. */
export function useUsers<T>(selector: (state: UsersState) => T): T {
  return useStore(usersStore, selector);
}
