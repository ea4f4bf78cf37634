// Mirrors main's saved connections and connection state. Main owns both (and every
// password: the UI can send one, never read one back); this store only reflects
// what main answered and asks main to change things.
import { create } from 'zustand';
import type {
  Connection,
  ConnectionInput,
  ConnectionList,
  ConnectionReport,
  ConnectionStatus,
  ConnectRequest,
} from '../../../src-preload/contract';
import { consoleApi } from '../api';

export type ConnectionTask = 'load' | 'save' | 'remove' | 'test' | 'connect' | 'disconnect';

/** The last report shown, and which button produced it. */
export interface ShownReport {
  connectionId: string;
  task: 'test' | 'connect';
  report: ConnectionReport;
}

interface ConnectionState {
  list: ConnectionList | null;
  status: ConnectionStatus | null;
  shown: ShownReport | null;
  busy: ConnectionTask | null;
  error: unknown;
  /** Which call `error` came from, so that it is shown where the user acted. */
  failedTask: ConnectionTask | null;
  load(): Promise<void>;
  refreshStatus(): Promise<ConnectionStatus | null>;
  /** Answers the saved connection, or null when main refused (see `error`). */
  save(input: ConnectionInput): Promise<Connection | null>;
  remove(id: string): Promise<void>;
  test(request: ConnectRequest): Promise<ConnectionReport | null>;
  connect(request: ConnectRequest): Promise<ConnectionReport | null>;
  disconnect(): Promise<void>;
  clearError(): void;
}

export const useConnections = create<ConnectionState>((set, get) => {
  /** Runs one call to main, marking the store busy and keeping a failure to show. */
  const run = async <T>(task: ConnectionTask, call: () => Promise<T>): Promise<T | null> => {
    set({ busy: task, error: null, failedTask: null });
    try {
      return await call();
    } catch (error) {
      set({ error, failedTask: task });
      return null;
    } finally {
      set({ busy: null });
    }
  };

  const reloadList = async () => set({ list: await consoleApi().connections.list() });

  return {
    list: null,
    status: null,
    shown: null,
    busy: null,
    error: null,
    failedTask: null,

    load: async () => {
      await run('load', async () => {
        const [list, status] = await Promise.all([consoleApi().connections.list(), consoleApi().connections.status()]);
        set({ list, status });
      });
    },

    refreshStatus: async () => {
      try {
        const status = await consoleApi().connections.status();
        set({ status });
        return status;
      } catch (error) {
        set({ error, failedTask: 'load' });
        return null;
      }
    },

    save: (input) =>
      run('save', async () => {
        const saved = await consoleApi().connections.save(input);
        await reloadList();
        return saved;
      }),

    remove: async (id) => {
      await run('remove', async () => {
        await consoleApi().connections.remove({ id });
        if (get().shown?.connectionId === id) set({ shown: null });
        await reloadList();
        set({ status: await consoleApi().connections.status() });
      });
    },

    test: (request) =>
      run('test', async () => {
        const report = await consoleApi().connections.test(request);
        set({ shown: { connectionId: request.id, task: 'test', report } });
        return report;
      }),

    connect: (request) =>
      run('connect', async () => {
        const report = await consoleApi().connections.connect(request);
        set({ shown: { connectionId: request.id, task: 'connect', report } });
        // The password may now be stored (or kept for this run): main says which.
        await reloadList();
        set({ status: await consoleApi().connections.status() });
        return report;
      }),

    disconnect: async () => {
      await run('disconnect', async () => {
        await consoleApi().connections.disconnect();
        set({ status: await consoleApi().connections.status(), shown: null });
      });
    },

    clearError: () => set({ error: null, failedTask: null }),
  };
});

/** The last failure, when it came from one of `tasks` (each part of the screen shows its own). */
export function useConnectionError(...tasks: ConnectionTask[]): unknown {
  return useConnections((state) => (state.failedTask !== null && tasks.includes(state.failedTask) ? state.error : null));
}

/** True when main says a connection is open. */
export function useIsConnected(): boolean {
  return useConnections((state) => state.status?.connected === true);
}
