// The preload: exposes the ConsoleApi's named methods and event subscriptions as
// window.consoleApi, and nothing else — never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope } from './contract';
import { makeConsoleBridge } from './renderer-invokers';

const bridge = makeConsoleBridge({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<Envelope<unknown>>,
  subscribe: (channel, listener) => {
    const relay = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, relay);
    return () => {
      ipcRenderer.removeListener(channel, relay);
    };
  },
});

contextBridge.exposeInMainWorld('consoleApi', bridge);
