// Mirrors main's saved connections and connection state. Main owns both (and every
// password: the UI can send one, never read one back); this store only reflects
// what main answered and asks main to change things. When main says the server wants
// a two-factor code, the store asks for one (`secondFactor`) and sends it back with
// the same Test or Connect: main finishes the sign-in it holds half-open.
import { create } from 'zustand';
import type {
  Connection,
  ConnectionInput,
  ConnectionList,
  ConnectionReport,
  ConnectionStatus,
  ConnectRequest,
} from '../../../src-preload/contract';
import { ConsoleCallError } from '../../../src-preload/renderer-invokers';
import { consoleApi } from '../api';

export type ConnectionTask = 'load' | 'save' | 'remove' | 'test' | 'connect' | 'disconnect' | 'freeze';

/** The code prompt of two-factor sign-in: which Test or Connect it finishes, why it asks, and the last refusal. */
export interface SecondFactorPrompt {
  connectionId: string;
  task: 'test' | 'connect';
  /** required: no trusted device; untrusted: the server no longer trusts this computer. */
  reason: 'required' | 'untrusted';
  /** A refused or malformed code, shown in the prompt. */
  error: unknown;
}

/** main's answers that mean "ask for the code" (second-factor.ts). */
const CODE_NEEDED = new Set(['second-factor-required', 'trusted-device-refused']);

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
  secondFactor: SecondFactorPrompt | null;
  /** Which call `error` came from, so that it is shown where the user acted. */
  failedTask: ConnectionTask | null;
  load(): Promise<void>;
  refreshStatus(): Promise<ConnectionStatus | null>;
  /** Answers the saved connection, or null when main refused (see `error`). */
  save(input: ConnectionInput): Promise<Connection | null>;
  remove(id: string): Promise<void>;
  test(request: ConnectRequest): Promise<ConnectionReport | null>;
  connect(request: ConnectRequest): Promise<ConnectionReport | null>;
  /** Sends the code with the Test or Connect the prompt belongs to. */
  submitCode(code: string, trustDevice: boolean): Promise<ConnectionReport | null>;
  cancelSecondFactor(): void;
  /** The freeze action (main records it): answers the new report, or null when main refused (see `error`). */
  freezeBaseUrl(address: string): Promise<ConnectionReport | null>;
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

  /**
   * Test or Connect (with a code when the prompt sends one). A code needed opens the
   * prompt instead of showing an error; a refused code stays in the prompt, for a retry.
   */
  const signIn = async (task: 'test' | 'connect', request: ConnectRequest): Promise<ConnectionReport | null> => {
    set({ busy: task, error: null, failedTask: null });
    try {
      const report = await consoleApi().connections[task](request);
      set({ shown: { connectionId: request.id, task, report }, secondFactor: null });
      if (task === 'connect') {
        // The password may now be stored (or kept for this run): main says which.
        await reloadList();
        set({ status: await consoleApi().connections.status() });
      }
      return report;
    } catch (error) {
      const prompt = get().secondFactor;
      if (error instanceof ConsoleCallError && CODE_NEEDED.has(error.kind)) {
        set({ secondFactor: { connectionId: request.id, task, reason: error.kind === 'trusted-device-refused' ? 'untrusted' : 'required', error: null } });
      } else if (prompt && request.code !== undefined) {
        set({ secondFactor: { ...prompt, error } });
      } else {
        set({ error, failedTask: task });
      }
      return null;
    } finally {
      set({ busy: null });
    }
  };

  return {
    list: null,
    status: null,
    shown: null,
    busy: null,
    error: null,
    secondFactor: null,
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

    test: (request) => signIn('test', request),

    connect: (request) => signIn('connect', request),

    submitCode: (code, trustDevice) => {
      const prompt = get().secondFactor;
      if (!prompt) return Promise.resolve(null);
      return signIn(prompt.task, { id: prompt.connectionId, code, trustDevice });
    },

    cancelSecondFactor: () => set({ secondFactor: null }),

    freezeBaseUrl: (address) =>
      run('freeze', async () => {
        const report = await consoleApi().connections.freezeBaseUrl({ address });
        const shown = get().shown;
        if (shown?.task === 'connect') set({ shown: { ...shown, report } });
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
