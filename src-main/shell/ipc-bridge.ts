// Maps the ConsoleApi onto IPC: every channel through the contract's main-side
// helper (payload validated, sender checked), every event to our window only.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { eventChannels } from '../../src-preload/channels';
import type { ConsoleHandlers } from '../../src-preload/contract';
import { registerIpcHandlers, type RefusedInput } from '../../src-preload/main-handlers';
import type { ConsoleEvents } from '../api';
import type { Logger } from '../core';
import { isConsoleFrame } from './main-window';

export function bridgeConsoleOverIpc(
  window: BrowserWindow,
  handlers: ConsoleHandlers,
  events: ConsoleEvents,
  logger: Logger,
  refusedInput: (refused: RefusedInput) => Promise<void> = async () => {},
): () => void {
  const unregister = registerIpcHandlers<IpcMainInvokeEvent>(
    ipcMain,
    handlers,
    (event) => {
      const trusted = isConsoleFrame(window, event);
      if (!trusted) logger.warn('ipc.sender-refused');
      return trusted;
    },
    { logUnexpected: (channel, error) => logger.error('ipc.unexpected-error', { channel, error }), refusedInput },
  );
  const stopEvents = events.listen((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(eventChannels[event], payload);
  });
  return () => {
    unregister();
    stopEvents();
  };
}
