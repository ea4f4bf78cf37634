// The operating system's power and session events, turned into session
// decisions (SS-3, FT-2): sleep and shutdown end the active session first;
// waking up or unlocking rechecks the absolute deadline at once instead of
// trusting a timer that slept through it. Each platform says "shutting down"
// its own way (Electron 40, docs/api/power-monitor.md and base-window.md):
// - Linux and macOS: powerMonitor 'shutdown', whose preventDefault delays the
//   shutdown while the app ends the session and quits.
// - Windows: no powerMonitor 'shutdown' and no before-quit at shutdown, restart
//   or log-off (electron/electron#9613). Each window gets 'query-session-end',
//   whose preventDefault holds the shutdown (Windows shows that the console is
//   finishing) while the session ends; then the app quits and Windows goes on.
//   'session-end' comes when it can no longer be held: the end is started, and
//   whatever does not finish before the process is killed is recovered at the
//   next start (FT-1).
import { powerMonitor, type BrowserWindow, type WindowSessionEndEvent } from 'electron';
import type { EndCause } from '../../src-preload/contract';
import type { Logger } from '../core';

export interface PowerEventHandlers {
  /** Ends the active session, if any, with this cause. */
  endSession(cause: Extract<EndCause, 'suspend' | 'shutdown'>): Promise<void>;
  /** Rechecks the session's deadline now. */
  recheckDeadline(): void;
  /** Quits the app: after a delayed shutdown the app must leave by itself. */
  quit(): void;
  /** Whether a session is starting, running or stopping (Windows is held only then). */
  sessionRunning(): boolean;
}

export interface PowerEventOptions {
  logger: Pick<Logger, 'warn'>;
  platform: NodeJS.Platform;
  /** The window that receives Windows' session-end messages. */
  window: Pick<BrowserWindow, 'on' | 'off'>;
  /** How long a shutdown may wait for the session to end (default 5 s). */
  shutdownWaitMs?: number;
}

/** Electron passes the shutdown listener an event, though its types say no argument. */
interface ShutdownEvent {
  preventDefault(): void;
}

/** Subscribes to the platform's events; answers a function that unsubscribes. */
export function watchPowerEvents(handlers: PowerEventHandlers, options: PowerEventOptions): () => void {
  const waitMs = options.shutdownWaitMs ?? 5_000;
  let shuttingDown = false;

  const end = (cause: 'suspend' | 'shutdown'): Promise<void> =>
    handlers.endSession(cause).catch((error: unknown) => options.logger.warn('power.end-session-failed', { cause, error }));

  // Ends the session within the bounded wait, then quits: an unreachable
  // server cannot hold the machine up.
  const shutDown = (): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        options.logger.warn('power.shutdown-wait-expired', { waitMs });
        resolve();
      }, waitMs);
    });
    void Promise.race([end('shutdown'), deadline]).then(() => {
      clearTimeout(timer);
      handlers.quit();
    });
  };

  // The machine may be asleep before the server answers: the stop then
  // finishes (or is retried) on resume, and the deadline still holds.
  const onSuspend = (): void => void end('suspend');
  const onWake = (): void => handlers.recheckDeadline();
  const onShutdown = (event?: ShutdownEvent): void => {
    if (shuttingDown) return;
    event?.preventDefault();
    shutDown();
  };
  const onQuerySessionEnd = (event: WindowSessionEndEvent): void => {
    if (shuttingDown || !handlers.sessionRunning()) return;
    event.preventDefault();
    shutDown();
  };
  const onSessionEnd = (): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    void end('shutdown');
  };

  const subscriptions: [string, (...args: never[]) => void][] = [
    ['suspend', onSuspend],
    ['resume', onWake],
  ];
  if (options.platform === 'darwin' || options.platform === 'win32') {
    subscriptions.push(['lock-screen', onWake], ['unlock-screen', onWake]);
  }
  if (options.platform !== 'win32') subscriptions.push(['shutdown', onShutdown]);
  for (const [event, listener] of subscriptions) powerMonitor.on(event as 'suspend', listener as () => void);
  if (options.platform === 'win32') {
    options.window.on('query-session-end', onQuerySessionEnd);
    options.window.on('session-end', onSessionEnd);
  }
  return () => {
    for (const [event, listener] of subscriptions) powerMonitor.off(event as 'suspend', listener as () => void);
    if (options.platform === 'win32') {
      options.window.off('query-session-end', onQuerySessionEnd);
      options.window.off('session-end', onSessionEnd);
    }
  };
}
