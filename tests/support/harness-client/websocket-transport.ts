// The harness's stand-in for ipcRenderer: calls and events over the harness's
// WebSocket, authenticated by the token in the page's URL fragment. Messages that are
// neither (the harness's own, e.g. the view's entry URL) go to `onHarnessMessage`.
import type { Envelope } from '../../../src-preload/contract';
import type { ConsoleTransport } from '../../../src-preload/renderer-invokers';

export interface HarnessMessage {
  harness: string;
  [key: string]: unknown;
}

export function connectWebSocketTransport(url: string, onHarnessMessage: (message: HarnessMessage) => void = () => {}): ConsoleTransport {
  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('harness socket failed')), { once: true });
  });
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as { id?: number; envelope?: Envelope<unknown>; event?: string; payload?: unknown; harness?: string };
    if (typeof data.harness === 'string') onHarnessMessage(data as HarnessMessage);
    else if (data.event) listeners.get(data.event)?.forEach((listener) => listener(data.payload));
    else if (data.id !== undefined && data.envelope) {
      pending.get(data.id)?.(data.envelope);
      pending.delete(data.id);
    }
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { kind: 'disconnected', key: 'errors.disconnected' } });
    pending.clear();
  });

  return {
    invoke: async (channel, payload) => {
      await opened;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, channel, payload }));
      });
    },
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
}
