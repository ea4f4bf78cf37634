import { describe, expect, it, vi } from 'vitest';
import { methodChannels } from '../../../src-preload/channels';
import type { ConsoleHandlers } from '../../../src-preload/contract';
import { dispatch, registerIpcHandlers, type IpcMainLike } from '../../../src-preload/main-handlers';
import { ConsoleError } from '../../../src-main/core/console-error';

function handlersWith(overrides: Partial<ConsoleHandlers>): ConsoleHandlers {
  const refuse = () => {
    throw new ConsoleError('not-built', 'errors.notBuiltYet');
  };
  const all = Object.fromEntries(methodChannels.map((channel) => [channel, refuse])) as unknown as ConsoleHandlers;
  return { ...all, ...overrides };
}

const settings = { language: 'en', sessionLimitMinutes: 60, retentionDays: null } as const;

type FakeEvent = { sender: string };

class FakeIpcMain implements IpcMainLike<FakeEvent> {
  readonly listeners = new Map<string, (event: FakeEvent, payload: unknown) => Promise<unknown>>();
  handle(channel: string, listener: (event: FakeEvent, payload: unknown) => Promise<unknown>) {
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.listeners.delete(channel);
  }
  call(channel: string, sender: string, payload: unknown) {
    return this.listeners.get(channel)!({ sender }, payload);
  }
}

describe('dispatch (main side of the contract)', () => {
  it('runs a valid call and answers its value', async () => {
    const set = vi.fn((patch) => ({ ...settings, ...patch }));
    const answer = await dispatch(handlersWith({ 'settings:set': set }), 'settings:set', { language: 'es' });
    expect(answer).toEqual({ ok: true, value: { ...settings, language: 'es' } });
    expect(set).toHaveBeenCalledWith({ language: 'es' });
  });

  it('refuses a malformed payload with a typed error, without calling the handler', async () => {
    const set = vi.fn();
    const answer = await dispatch(handlersWith({ 'settings:set': set }), 'settings:set', { language: 'fr' });
    expect(answer).toEqual({ ok: false, error: { kind: 'invalid-input', key: 'errors.invalidInput', params: { field: 'language' } } });
    expect(set).not.toHaveBeenCalled();
  });

  it('tells main of refused input (AU-1), with a safe field name, and answers the same whatever the hook does', async () => {
    const refused: unknown[] = [];
    const hooks = { refusedInput: (r: unknown) => void refused.push(r) };
    const answer = await dispatch(handlersWith({}), 'impersonation:check', { targetId: 1.5, reason: 'x' }, hooks);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid-input', params: { field: 'targetId' } } });
    expect(refused).toEqual([{ channel: 'impersonation:check', field: 'targetId', payload: { targetId: 1.5, reason: 'x' } }]);
    const logged: unknown[] = [];
    const failing = { refusedInput: () => Promise.reject(new Error('disk full')), logUnexpected: (_c: string, e: unknown) => void logged.push(e) };
    expect(await dispatch(handlersWith({}), 'impersonation:start', 'junk', failing)).toMatchObject({ ok: false, error: { params: { field: 'payload' } } });
    expect(logged).toHaveLength(1);
    // A field name comes from the payload's own keys: it is bounded and made safe before anyone sees it.
    const nested = await dispatch(handlersWith({}), 'audit:list', { filters: { outcome: 'x'.repeat(10) }, sort: { field: 'nope', dir: 'up' } }, hooks);
    expect(nested).toMatchObject({ error: { params: { field: expect.stringMatching(/^[A-Za-z0-9_.?-]{1,64}$/) } } });
  });

  it('refuses unknown fields (strict schemas)', async () => {
    const answer = await dispatch(handlersWith({}), 'settings:set', { language: 'es', admin: true });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('refuses an unknown channel', async () => {
    const answer = await dispatch(handlersWith({}), 'shell:openExternal', 'https://evil.test');
    expect(answer).toEqual({ ok: false, error: { kind: 'unknown-channel', key: 'errors.unknownChannel' } });
  });

  it('passes a handler’s typed error through and hides anything else', async () => {
    const typed = await dispatch(handlersWith({}), 'users:search', { query: 'a' });
    expect(typed).toEqual({ ok: false, error: { kind: 'not-built', key: 'errors.notBuiltYet' } });

    const logged: unknown[] = [];
    const boom = handlersWith({
      'app:info': () => {
        throw new Error('secret path /home/admin');
      },
    });
    const hidden = await dispatch(boom, 'app:info', undefined, (_channel, error) => logged.push(error));
    expect(hidden).toEqual({ ok: false, error: { kind: 'internal', key: 'errors.internal' } });
    expect(JSON.stringify(hidden)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });
});

describe('registerIpcHandlers', () => {
  it('registers every channel and removes them all again', () => {
    const ipc = new FakeIpcMain();
    const unregister = registerIpcHandlers(ipc, handlersWith({}), () => true);
    expect([...ipc.listeners.keys()].sort()).toEqual([...methodChannels].sort());
    unregister();
    expect(ipc.listeners.size).toBe(0);
  });

  it('refuses a call from a foreign sender with a typed error, before parsing or running anything', async () => {
    const ipc = new FakeIpcMain();
    const info = vi.fn();
    registerIpcHandlers<FakeEvent>(ipc, handlersWith({ 'app:info': info }), (event) => event.sender === 'console-ui');
    const answer = await ipc.call('app:info', 'remote-odoo-page', undefined);
    expect(answer).toEqual({ ok: false, error: { kind: 'forbidden-sender', key: 'errors.forbiddenSender' } });
    expect(info).not.toHaveBeenCalled();
  });

  it('answers a call from our own UI frame', async () => {
    const ipc = new FakeIpcMain();
    const appInfo = { name: 'c', version: '1', platform: 'linux', electronRuntime: false, electronVersion: null, chromeVersion: null, transport: 'ipc' as const };
    registerIpcHandlers<FakeEvent>(ipc, handlersWith({ 'app:info': () => appInfo }), (event) => event.sender === 'console-ui');
    expect(await ipc.call('app:info', 'console-ui', undefined)).toEqual({ ok: true, value: appInfo });
  });
});
