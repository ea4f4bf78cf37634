// Renderer-side half of the contract helpers. makeConsoleBridge() builds the
// named methods from any transport that can invoke a channel and subscribe to
// an event: the preload uses it over ipcRenderer, the harness over a WebSocket.
// unwrapBridge() turns the envelopes into a ConsoleApi that throws typed errors,
// on the renderer's side of the contextBridge (an Error's own fields would not
// survive the crossing).
import type { ConsoleApi, ConsoleBridge, ConsoleErrorShape, Envelope } from './contract';
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

function splitChannel(channel: string): [string, string] {
  const [domain, verb] = channel.split(':') as [string, string];
  return [domain, verb];
}

export function makeConsoleBridge(transport: ConsoleTransport): ConsoleBridge {
  const bridge: Record<string, Record<string, unknown>> = {};
  for (const channel of methodChannels) {
    const [domain, verb] = splitChannel(channel);
    bridge[domain] ??= {};
    bridge[domain][verb] = (payload?: unknown) => transport.invoke(channel, payload);
  }
  const on: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(eventChannels) as [EventName, string][]) {
    on[name] = (listener: (payload: unknown) => void) => transport.subscribe(channel, listener);
  }
  bridge.on = on;
  return bridge as unknown as ConsoleBridge;
}

export function unwrapBridge(bridge: ConsoleBridge): ConsoleApi {
  const api: Record<string, Record<string, unknown>> = {};
  const raw = bridge as unknown as Record<string, Record<string, (payload?: unknown) => Promise<Envelope<unknown>>>>;
  for (const channel of methodChannels) {
    const [domain, verb] = splitChannel(channel);
    api[domain] ??= {};
    api[domain][verb] = async (payload?: unknown) => {
      const envelope = await raw[domain]![verb]!(payload);
      if (!envelope.ok) throw new ConsoleCallError(envelope.error);
      return envelope.value;
    };
  }
  api.on = bridge.on as unknown as Record<string, unknown>;
  return api as unknown as ConsoleApi;
}
