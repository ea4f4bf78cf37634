// The operating system's power events, turned into session decisions (SS-3,
// FT-2): sleep and shutdown end the active session first; waking up or
// unlocking rechecks the absolute deadline at once instead of trusting a timer
// that slept through it.
import { powerMonitor } from 'electron';
import type { EndCause } from '../../src-preload/contract';
import type { Logger } from '../core';

export interface PowerEventHandlers {
  /** Ends the active session, if any, with this cause. */
  endSession(cause: Extract<EndCause, 'suspend' | 'shutdown'>): Promise<void>;
  /** Rechecks the session's deadline now. */
  recheckDeadline(): void;
  /** Quits the app: after a delayed shutdown the app must leave by itself. */
  quit(): void;
}

export interface PowerEventOptions {
  logger: Pick<Logger, 'warn'>;
  /** How long a shutdown may wait for the session to end (default 5 s). */
  shutdownWaitMs?: number;
}

/** Electron passes the shutdown listener an event, though its types say no argument. */
interface ShutdownEvent {
  preventDefault(): void;
}

/** Subscribes to powerMonitor; answers a function that unsubscribes. */
export function watchPowerEvents(handlers: PowerEventHandlers, options: PowerEventOptions): () => void {
  const waitMs = options.shutdownWaitMs ?? 5_000;
  let shuttingDown = false;

  const end = (cause: 'suspend' | 'shutdown'): Promise<void> =>
    handlers.endSession(cause).catch((error: unknown) => options.logger.warn('power.end-session-failed', { cause, error }));

  // The machine may be asleep before the server answers: the stop then
  // finishes (or is retried) on resume, and the deadline still holds.
  const onSuspend = (): void => void end('suspend');
  const onWake = (): void => handlers.recheckDeadline();

  const onShutdown = (event?: ShutdownEvent): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    // Linux and macOS delay the shutdown while we end the session; bounded, so
    // that an unreachable server cannot hold the machine up.
    event?.preventDefault();
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

  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('resume', onWake);
  powerMonitor.on('lock-screen', onWake);
  powerMonitor.on('unlock-screen', onWake);
  powerMonitor.on('shutdown', onShutdown);
  return () => {
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('resume', onWake);
    powerMonitor.off('lock-screen', onWake);
    powerMonitor.off('unlock-screen', onWake);
    powerMonitor.off('shutdown', onShutdown);
  };
}
