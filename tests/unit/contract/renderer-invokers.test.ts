import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../src-preload/contract';
import { ConsoleCallError, makeConsoleBridge, unwrapBridge } from '../../../src-preload/renderer-invokers';

function recordingTransport(answer: Envelope<unknown>) {
  const calls: { channel: string; payload: unknown }[] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  return {
    calls,
    emit: (channel: string, payload: unknown) => listeners.get(channel)?.(payload),
    transport: {
      invoke: async (channel: string, payload: unknown) => {
        calls.push({ channel, payload });
        return answer;
      },
      subscribe: (channel: string, listener: (payload: unknown) => void) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      },
    },
  };
}

describe('renderer-side invokers', () => {
  it('maps each named method onto its channel', async () => {
    const fake = recordingTransport({ ok: true, value: { total: 0, page: 0, pageSize: 50, rows: [] } });
    const api = unwrapBridge(makeConsoleBridge(fake.transport));
    await expect(api.users.search({ query: 'al' })).resolves.toEqual({ total: 0, page: 0, pageSize: 50, rows: [] });
    expect(fake.calls).toEqual([{ channel: 'users:search', payload: { query: 'al' } }]);
  });

  it('throws the typed error main answered', async () => {
    const fake = recordingTransport({ ok: false, error: { kind: 'invalid-input', key: 'errors.invalidInput', params: { field: 'language' } } });
    const api = unwrapBridge(makeConsoleBridge(fake.transport));
    const failure = await api.settings.set({ language: 'es' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConsoleCallError);
    expect(failure).toMatchObject({ kind: 'invalid-input', key: 'errors.invalidInput', params: { field: 'language' } });
  });

  it('delivers events to subscribers until they unsubscribe', () => {
    const fake = recordingTransport({ ok: true, value: null });
    const bridge = makeConsoleBridge(fake.transport);
    const seen: unknown[] = [];
    const unsubscribe = bridge.on.countdown((payload) => seen.push(payload));
    fake.emit('event:countdown', { secondsLeft: 10, warning: false });
    unsubscribe();
    fake.emit('event:countdown', { secondsLeft: 9, warning: false });
    expect(seen).toEqual([{ secondsLeft: 10, warning: false }]);
  });
});
