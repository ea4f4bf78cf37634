// Renderer-side half of the contract helpers: builds the ConsoleApi object from
// any transport that can invoke a channel and subscribe to an event. The preload
// uses it over ipcRenderer, the harness over a WebSocket; the UI cannot tell.
import type { ConsoleApi, ConsoleErrorShape, Envelope } from './contract';
import { eventChannels, methodChannels, type EventName } from './channels';

export interface ConsoleTransport {
  invoke(channel: string, payload: unknown): Promise<Envelope<unknown>>;
  /** Returns an unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/** A failed call as the UI sees it: the typed error main answered. */
export class ConsoleCallError extends Error implements ConsoleErrorShape {
  readonly kind: string;
  readonly key: string;
  readonly params?: Record<string, string | number>;

  constructor(shape: ConsoleErrorShape) {
    super(`${shape.kind}: ${shape.key}`);
    this.name = 'ConsoleCallError';
    this.kind = shape.kind;
    this.key = shape.key;
    this.params = shape.params;
  }
}

export function makeConsoleApi(transport: ConsoleTransport): ConsoleApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of methodChannels) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = async (payload?: unknown) => {
      const envelope = await transport.invoke(channel, payload);
      if (!envelope.ok) throw new ConsoleCallError(envelope.error);
      return envelope.value;
    };
  }
  const on: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(eventChannels) as [EventName, string][]) {
    on[name] = (listener: (payload: unknown) => void) => transport.subscribe(channel, listener);
  }
  api.on = on;
  return api as unknown as ConsoleApi;
}
