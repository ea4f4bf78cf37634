// The Logs screen's mirror of the local audit store: what main answered for the
// current filters, search and sort, page by page, plus the chain, sync and chart
// answers. It decides nothing: every row, count and status comes from main.
import { create } from 'zustand';
import type {
  AuditDetail,
  AuditQuery,
  AuditRow,
  AuditStats,
  ChainStatus,
  ExportResult,
  SyncProgress,
  SyncResult,
  SyncStatus,
} from '../../../src-preload/contract';
import { consoleApi } from '../api';
import { useNavigation } from './navigation-store';
import { emptyFilters, toAuditFilters, type FilterDraft } from './log-filters';
import { PAGE_SIZE, keepNear, pagesCovering } from './row-pages';

export type AuditSort = AuditQuery['sort'];
export type SortField = AuditSort['field'];

interface LogsState {
  filters: FilterDraft;
  /** The full-text search being shown, within the filters; '' shows the filtered list. */
  search: string;
  sort: AuditSort;
  /** Bumped whenever the question changes, so late answers to an old one are dropped. */
  generation: number;
  total: number | null;
  pages: Map<number, AuditRow[]>;
  listError: unknown;

  selectedId: string | null;
  detail: AuditDetail | null;
  detailError: unknown;

  chain: ChainStatus | null;
  chainError: unknown;
  verifying: boolean;

  syncStatus: SyncStatus | null;
  syncing: boolean;
  progress: SyncProgress | null;
  syncResult: SyncResult | null;
  syncError: unknown;

  stats: AuditStats | null;
  statsWindow: { from: string; to: string } | null;
  statsError: unknown;

  setFilters(filters: FilterDraft): void;
  setSearch(text: string): void;
  sortBy(field: SortField): void;
  reload(): void;
  ensureRows(first: number, last: number): void;
  select(id: string | null): void;
  verify(): Promise<void>;
  loadSyncStatus(): Promise<void>;
  sync(): Promise<void>;
  onProgress(progress: SyncProgress): void;
  loadStats(window: { from: string; to: string }): Promise<void>;
  exportAs(format: 'csv' | 'json'): Promise<ExportResult>;
}

/** Pages asked for and not yet answered, as "generation:page". */
const inflight = new Set<string>();

export const useLogs = create<LogsState>((set, get) => {
  const fetchPage = async (generation: number, page: number): Promise<void> => {
    const key = `${generation}:${page}`;
    if (inflight.has(key)) return;
    inflight.add(key);
    const { search, filters, sort } = get();
    const question = { page, pageSize: PAGE_SIZE, filters: toAuditFilters(filters), sort };
    try {
      const answer = search ? await consoleApi().audit.search({ ...question, text: search }) : await consoleApi().audit.list(question);
      if (get().generation !== generation) return;
      set((state) => {
        const pages = keepNear(state.pages, page);
        pages.set(page, answer.rows);
        return { total: answer.total, pages, listError: null };
      });
    } catch (error) {
      if (get().generation === generation) set({ listError: error, total: get().total ?? 0 });
    } finally {
      inflight.delete(key);
    }
  };

  const refreshAfterSync = () => {
    get().reload();
    void get().loadSyncStatus();
    void get().verify();
    const window = get().statsWindow;
    if (window) void get().loadStats(window);
  };

  return {
    filters: emptyFilters,
    search: '',
    sort: { field: 'startedAt', dir: 'desc' },
    generation: 0,
    total: null,
    pages: new Map(),
    listError: null,
    selectedId: null,
    detail: null,
    detailError: null,
    chain: null,
    chainError: null,
    verifying: false,
    syncStatus: null,
    syncing: false,
    progress: null,
    syncResult: null,
    syncError: null,
    stats: null,
    statsWindow: null,
    statsError: null,

    setFilters: (filters) => {
      if (JSON.stringify(toAuditFilters(filters)) === JSON.stringify(toAuditFilters(get().filters))) {
        set({ filters });
        return;
      }
      set({ filters });
      get().reload();
    },

    setSearch: (text) => {
      const search = text.trim().slice(0, 200);
      if (search === get().search) return;
      set({ search });
      get().reload();
    },

    sortBy: (field) => {
      const { sort } = get();
      const dir = sort.field === field && sort.dir === 'desc' ? 'asc' : 'desc';
      set({ sort: { field, dir } });
      get().reload();
    },

    reload: () => {
      const generation = get().generation + 1;
      set({ generation, total: null, pages: new Map(), listError: null });
      void fetchPage(generation, 0);
    },

    ensureRows: (first, last) => {
      const { generation, total, pages, listError } = get();
      if (total === null || listError) return;
      for (const page of pagesCovering(first, last, total)) if (!pages.has(page)) void fetchPage(generation, page);
    },

    select: (id) => {
      set({ selectedId: id, detail: null, detailError: null });
      if (id === null) return;
      consoleApi()
        .audit.session({ id })
        .then(
          (detail) => {
            if (get().selectedId === id) set({ detail });
          },
          (error: unknown) => {
            if (get().selectedId === id) set({ detailError: error });
          },
        );
    },

    verify: async () => {
      set({ verifying: true, chainError: null });
      try {
        set({ chain: await consoleApi().audit.verify() });
      } catch (error) {
        set({ chainError: error });
      } finally {
        set({ verifying: false });
      }
    },

    loadSyncStatus: async () => {
      try {
        const syncStatus = await consoleApi().audit.syncStatus();
        set({ syncStatus, syncing: get().syncing || syncStatus.running });
      } catch (error) {
        set({ syncError: error });
      }
    },

    sync: async () => {
      set({ syncing: true, syncError: null, syncResult: null, progress: { fetched: 0, total: null, done: false } });
      try {
        const syncResult = await consoleApi().audit.sync();
        set({ syncResult });
      } catch (error) {
        set({ syncError: error });
      } finally {
        set({ syncing: false, progress: null });
        refreshAfterSync();
      }
    },

    onProgress: (progress) => {
      if (progress.done) {
        // A sync this screen did not start (the periodic one) finished: show what it brought.
        const startedHere = get().syncing;
        set({ progress: startedHere ? progress : null });
        if (!startedHere) refreshAfterSync();
        return;
      }
      set({ progress });
    },

    loadStats: async (window) => {
      set({ statsWindow: window, statsError: null });
      try {
        const stats = await consoleApi().audit.stats(window);
        const current = get().statsWindow;
        if (current?.from === window.from && current.to === window.to) set({ stats });
      } catch (error) {
        set({ statsError: error });
      }
    },

    // The rows on screen: the filters, and the search when one is shown (main selects them the same way).
    exportAs: (format) => {
      const { filters, search } = get();
      return consoleApi().audit.export({ format, filters: toAuditFilters(filters), ...(search ? { text: search } : {}) });
    },
  };
});

// The details belong to a visit of the Logs: leaving the screen closes them, so that coming
// back shows the list. Said on navigation rather than on unmount, so that a record chosen
// from elsewhere (the ended session's link) survives the way in.
useNavigation.subscribe((state, previous) => {
  if (previous.screen === 'logs' && state.screen !== 'logs' && useLogs.getState().selectedId !== null) useLogs.getState().select(null);
});
